// No N+1: a nested query over many entities costs a handful of batched store calls, not one per entity. The store
// is the real one; a Proxy only counts the calls that reach it.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type RunningServer } from '../src/server/createServer.ts';
import type { GraphStore } from '../src/store/GraphStore.ts';
import { startHarness, type Harness } from './apiHarness.ts';

function counting(store: GraphStore): { store: GraphStore; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(property), (calls.get(String(property)) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

const NESTED = `{
  entities(first: 30) {
    nodes {
      id name mentionCount
      mentions(first: 3) { surface passage { id document { title } } source { lineStart document { file } } }
      relations { type other { name } source { document { date } quote } }
      facts { predicate source { document { title } } }
      ... on Project { partners(includeHistory: true) { organization { name } } period { start } covers { name } }
    }
  }
}`;

describe('DataLoader batching', () => {
  let h: Harness;
  let server: RunningServer;
  let calls: Map<string, number>;

  beforeAll(async () => {
    h = await startHarness();
    const spy = counting(h.store);
    calls = spy.calls;
    server = await createServer({
      config: { PORT: 0, NODE_ENV: 'test' },
      store: spy.store,
      search: h.search,
      logger: pino({ level: 'silent' }),
      host: '127.0.0.1',
    });
  });
  afterAll(async () => {
    await server?.close();
    await h?.close();
  });

  it('resolves a nested query over every entity with a bounded number of store calls', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: NESTED }),
    });
    const body = await res.json();
    expect(body.errors).toBeUndefined();
    const entities = body.data.entities.nodes.length;
    expect(entities).toBeGreaterThan(10);
    const total = [...calls.values()].reduce((a, b) => a + b, 0);
    // One call per kind and nesting level; with N+1 this would grow with the number of entities.
    for (const method of ['relationsOf', 'factsOf', 'mentionsOfEntities', 'getDocuments', 'getPassages', 'getEntities']) {
      expect(calls.get(method) ?? 0, method).toBeLessThanOrEqual(4);
    }
    expect(total).toBeLessThan(entities);
  });
});

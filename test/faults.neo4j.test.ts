// Neo4j selected and unreachable. No Neo4j runs here, so "unreachable" is a local port nothing listens on:
//  - at start: the server and the ingest CLI exit 1 with one line naming the URI (never the password);
//  - lost later: the real server over a Neo4jStore whose driver points at that port answers reads with 503 and the
//    stable code STORE_UNAVAILABLE, /readyz says the store is unavailable and /healthz still answers.
// "Later" needs a store that got past init(); init() verifies connectivity, so the test gives the store a real driver
// for the closed port itself (the state of a store whose server went away after start).
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchService } from '../src/search/createSearchService.ts';
import { createServer, type RunningServer } from '../src/server/createServer.ts';
import { LadybugStore } from '../src/store/ladybug/LadybugStore.ts';
import { Neo4jStore } from '../src/store/neo4j/Neo4jStore.ts';
import { IDS, fixtureBundles } from './fixtures/bundles.ts';
import { INGEST_CLI, SERVER_MAIN, runTs } from './opsProcess.ts';

const PASSWORD = 'do-not-log-this-password';
/**
 * The driver's default retries a failed transaction for 30 s (and the API pings once more before answering), so a
 * request against a lost Neo4j would take over a minute; the test's driver gives up at once. See docs/operations.md.
 */
const TEST_RETRY_MS = 0;

/** A port that was just free: bind port 0, read the number, close. */
async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Neo4j unreachable at start', () => {
  it('the server and the ingest CLI exit 1 with a clear line naming the URI, never the password', async () => {
    const uri = `bolt://127.0.0.1:${await closedPort()}`;
    const env = { KG_STORE: 'neo4j', NEO4J_URI: uri, NEO4J_PASSWORD: PASSWORD, PORT: '0' };
    for (const [script, args] of [
      [SERVER_MAIN, []],
      [INGEST_CLI, ['seeds']],
    ] as const) {
      const run = runTs(script, [...args], env);
      const { code } = await run.exited;
      const output = run.stderr + run.stdout;
      expect(code, output).toBe(1);
      expect(run.stderr).toContain(uri);
      expect(run.stderr).toMatch(/unreachable/);
      expect(output).not.toContain(PASSWORD);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  }, 120_000);
});

describe('Neo4j lost after start', () => {
  let dataDir: string;
  let index: LadybugStore;
  let lost: Neo4jStore;
  let server: RunningServer;

  beforeAll(async () => {
    const uri = `bolt://127.0.0.1:${await closedPort()}`;
    lost = new Neo4jStore({ uri, user: 'neo4j', password: PASSWORD, database: 'neo4j', batchSize: 500 });
    Object.assign(lost, {
      driver: neo4j.driver(uri, neo4j.auth.basic('neo4j', PASSWORD), { maxTransactionRetryTime: TEST_RETRY_MS }),
    });
    // The search index was built while the graph was reachable (here: from the same data in an embedded store).
    dataDir = await mkdtemp(join(tmpdir(), 'kg-faults-neo4j-'));
    index = new LadybugStore({ dataDir, batchSize: 500 });
    await index.init();
    for (const bundle of fixtureBundles) await index.replaceDocument(bundle);
    const search = await createSearchService({ store: index, cacheDir: join(dataDir, 'search-cache') });
    await search.refresh();
    server = await createServer({
      config: { PORT: 0, NODE_ENV: 'production' },
      store: lost,
      search,
      logger: pino({ level: 'silent' }),
      host: '127.0.0.1',
      webDir: join(dataDir, 'no-web'),
    });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await lost?.close();
    await index?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function gql(query: string): Promise<{ status: number; body: any }> {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return { status: res.status, body: await res.json() };
  }

  it.each([
    ['entity', `{ entity(id: "${IDS.apn}") { id name } }`],
    ['projects', '{ projects(filter: { covers: "APN" }) { totalCount nodes { id } } }'],
    ['documents', '{ documents { id } }'],
    ['search', '{ search(query: "オール光ネットワーク") { totalCount nodes { passage { id text } } } }'],
  ])('%s answers 503 with code STORE_UNAVAILABLE and no driver detail', async (_name, query) => {
    const { status, body } = await gql(query);
    expect(status).toBe(503);
    expect(body.errors?.[0]?.extensions?.code).toBe('STORE_UNAVAILABLE');
    const text = JSON.stringify(body);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
  }, 60_000);

  it('/readyz answers 503 naming the store; /healthz still answers 200', async () => {
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', checks: { store: 'unavailable' } });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 60_000);
});

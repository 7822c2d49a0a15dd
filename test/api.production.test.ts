// Production mode over the real server: no introspection, no landing page, no schema hints, and no internal detail
// in any error: a closed store answers STORE_UNAVAILABLE with a fixed message, and /readyz turns 503.
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFormatError, INTERNAL_ERROR_MESSAGE } from '../src/api/errors/formatError.ts';
import { badUserInput } from '../src/api/errors/apiErrors.ts';
import { startHarness, type Harness } from './apiHarness.ts';

describe('production mode', () => {
  let h: Harness;

  beforeAll(async () => {
    // Version check on every read, so closing the store shows at once instead of after the cache's check interval.
    h = await startHarness({ nodeEnv: 'production', readCache: { versionCheckMs: 0 } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers ordinary queries', async () => {
    const res = await h.gql('{ documents { id file } }');
    expect(res.status).toBe(200);
    expect(res.body.data!.documents.length).toBeGreaterThan(0);
  });

  it('hides introspection', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Project") { fields { name } } }']) {
      const res = await h.gql(query);
      expect(res.status).toBe(400);
      expect(res.body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.body.errors![0]!.message).toMatch(/introspection/i);
    }
  });

  it('shows no landing page', async () => {
    const res = await fetch(`${h.url}/graphql`, { headers: { accept: 'text/html', 'apollo-require-preflight': '1' } });
    expect(res.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(await res.text()).not.toMatch(/<html|cdn\./i);
  });

  it('gives no field suggestions that would reveal the schema', async () => {
    const res = await h.gql('{ documentz { id } }');
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.message).not.toMatch(/Did you mean|"documents"/);
  });

  it('masks a failing store: STORE_UNAVAILABLE with a fixed message, and /readyz 503', async () => {
    await h.store.close();
    for (const query of [
      '{ documents { id } }',
      '{ entities { nodes { id } } }',
      '{ projects(filter: { covers: "APN" }) { nodes { name } } }',
      '{ search(query: "APN") { nodes { passage { text } } } }',
    ]) {
      const res = await h.gql(query);
      const raw = JSON.stringify(res.body);
      expect(res.status, query).toBe(503);
      expect(res.body.errors!.map((e) => e.extensions!.code), query).toEqual(
        res.body.errors!.map(() => 'STORE_UNAVAILABLE'),
      );
      expect(res.body.errors![0]!.message).toBe('The graph store is unavailable; try again later.');
      // Nothing of the driver, the database, the file system or the code.
      expect(raw).not.toMatch(/lbug|ladybug|kuzu|Connection|Database|stack|\/tmp\/|\/work\/|\.ts:\d+|at \w+ \(/i);
    }
    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', checks: { store: 'unavailable', search: 'ok' } });
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });
});

describe('formatError', () => {
  // Apollo hands formatError the error as thrown inside a resolver, wrapped in a located GraphQLError.
  const located = (original: Error) =>
    new GraphQLError(original.message, { path: ['documents'], originalError: original });

  it('in production, replaces any unexpected error by a bare INTERNAL_SERVER_ERROR', () => {
    const format = createFormatError({ production: true });
    const leaked = new Error('Binder exception: table Entity at /var/data/kg.lbug does not exist');
    const out = format({ message: leaked.message, path: ['documents'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['x'] } }, located(leaked));
    expect(out).toEqual({ message: INTERNAL_ERROR_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('keeps deliberate errors (known codes) as they are', () => {
    const format = createFormatError({ production: true });
    const error = badUserInput('first', 'must be between 0 and 100 (got 1000)');
    const formatted = { message: error.message, extensions: { code: 'BAD_USER_INPUT' } };
    expect(format(formatted, located(error))).toBe(formatted);
  });

  it('outside production, keeps the message of unexpected errors but marks them internal', () => {
    const format = createFormatError({ production: false });
    const out = format({ message: 'boom', extensions: { code: 'SOMETHING' } }, located(new Error('boom')));
    expect(out).toEqual({ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});

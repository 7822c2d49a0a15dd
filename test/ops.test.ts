// Operating the service, end to end through src/server/main.ts in a child process over a real seeded store:
// configuration errors, health endpoints, structured request logs (request id, operation, duration, outcome; no
// document text, no secrets) and graceful shutdown on SIGTERM (stop accepting, finish in-flight requests, close
// the store).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { LadybugStore } from '../src/store/ladybug/LadybugStore.ts';
import { docA } from './fixtures/bundles.ts';
import { INGEST_CLI, SERVER_MAIN, runTs, startServerProcess, waitFor, type Running } from './opsProcess.ts';
import { SEEDS_DIR } from './support/seededStore.ts';

const SEED_FILE = join(SEEDS_DIR, '000_76e89f63a03d41e7.txt');
const SECRET = 'ops-test-secret-password';

describe('configuration', () => {
  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ KG_BATCH_SIZE: '0' }, 'KG_BATCH_SIZE'],
    [{ KG_MAX_FILE_BYTES: '-5' }, 'KG_MAX_FILE_BYTES'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ KG_STORE: 'mysql' }, 'KG_STORE'],
    [{ KG_STORE: 'neo4j' }, 'NEO4J_URI'],
    [{ KG_STORE: 'neo4j', NEO4J_URI: 'not a url' }, 'NEO4J_URI'],
  ])('%o is refused with a message naming %s', (env, name) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(new RegExp(`^\\s+${name}: `, 'm'));
  });

  it('defaults apply when nothing is set', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 4000, KG_STORE: 'ladybug', KG_DATA_DIR: 'data', LOG_LEVEL: 'info' });
  });

  it('the server and the ingest CLI exit 1 on a bad value, naming the variable, before touching any store', async () => {
    const dataDir = join(tmpdir(), `kg-ops-never-created-${process.pid}`);
    for (const script of [SERVER_MAIN, INGEST_CLI]) {
      const run = runTs(script, [], { KG_DATA_DIR: dataDir, KG_BATCH_SIZE: 'lots' });
      const { code } = await run.exited;
      expect(code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(/invalid configuration/);
      expect(run.stderr).toMatch(/KG_BATCH_SIZE: /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  }, 60_000);
});

describe('closing the embedded store', () => {
  it('releases the data directory at once: another process opens it while this one still runs', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kg-ops-close-'));
    try {
      const store = new LadybugStore({ dataDir, batchSize: 500 });
      await store.init();
      await store.replaceDocument(docA); // a write transaction, then close: what a graceful shutdown or a tool does
      await store.close();
      const other = runTs(INGEST_CLI, ['--if-empty'], { KG_DATA_DIR: dataDir });
      const { code } = await other.exited;
      expect(code, other.stderr).toBe(0);
      expect(other.stdout).toMatch(/already holds 1 documents/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  operation?: string;
  status?: number;
  durationMs?: number;
  outcome?: string;
  [key: string]: unknown;
}

/** Opens a fresh TCP connection (fetch would reuse a pooled one): 'connected' or the error code. */
function connectOutcome(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
  });
}

/**
 * A POST whose body is sent in two parts, so the request is in flight for as long as the test wants. It asks for
 * "100 Continue": Node's server answers it when it has parsed the headers and handed the request on, so `started`
 * resolves once the server is handling the request.
 */
function slowPost(url: string, body: string, requestId: string) {
  const bytes = Buffer.from(body);
  const half = Math.floor(bytes.length / 2);
  const req = request(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': bytes.length,
      'x-request-id': requestId,
      expect: '100-continue',
    },
  });
  const started = new Promise<void>((resolve) => req.once('continue', () => resolve()));
  const answer = new Promise<{ status: number; body: any }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
  });
  req.flushHeaders();
  return {
    started: started.then(() => void req.write(bytes.subarray(0, half))),
    answer,
    finish: () => req.end(bytes.subarray(half)),
  };
}

describe('a running server (src/server/main.ts)', () => {
  let work: string;
  let dataDir: string;
  let server: Running & { url: string };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'kg-ops-'));
    dataDir = join(work, 'data');
    const ingest = runTs(INGEST_CLI, [SEED_FILE], { KG_DATA_DIR: dataDir });
    expect((await ingest.exited).code, ingest.stderr).toBe(0);
    server = await startServerProcess({ KG_DATA_DIR: dataDir, NEO4J_PASSWORD: SECRET, NODE_ENV: 'production' });
  }, 180_000);

  afterAll(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function gql(query: string, requestId: string, variables?: unknown) {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ query, variables }),
    });
    expect(res.headers.get('x-request-id')).toBe(requestId);
    return { status: res.status, body: (await res.json()) as any };
  }

  it('answers /healthz and /readyz, logs each request, and shuts down gracefully on SIGTERM', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { store: 'ok', search: 'ok' } });

    const named = await gql(
      'query FindApn($q: String!) { search(query: $q, first: 5) { totalCount nodes { snippet passage { id text } } } }',
      'ops-named',
      { q: 'オール光ネットワーク' },
    );
    expect(named.status).toBe(200);
    expect(named.body.data.search.totalCount).toBeGreaterThan(0);
    const anonymous = await gql('{ entity(id: "proj:JP-DE") { id name mentions(first: 3) { source { quote } } } }', 'ops-anonymous');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.data.entity.id).toBe('proj:JP-DE');
    const rejected = await gql('{ projects(first: -1) { totalCount } }', 'ops-rejected');
    expect(rejected.status).toBe(400);
    expect(rejected.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');

    // Graceful shutdown: a request is in flight (half its body sent) when SIGTERM arrives.
    const inFlight = slowPost(server.url, JSON.stringify({ query: '{ documents { id title } }' }), 'ops-in-flight');
    await inFlight.started;
    server.child.kill('SIGTERM');
    await waitFor('the shutdown to begin', () => server.stdout.includes('"shutting down"'), 30_000, 10);
    // The listening socket closes as the drain starts; give it a moment, then no new connection is accepted…
    for (let i = 0; i < 100 && (await connectOutcome(Number(new URL(server.url).port))) === 'connected'; i++) await new Promise((r) => setTimeout(r, 50));
    // No new connections are accepted…
    expect(await connectOutcome(Number(new URL(server.url).port))).toBe('ECONNREFUSED');
    // …and the one in flight is finished.
    inFlight.finish();
    const finished = await inFlight.answer;
    expect(finished.status).toBe(200);
    expect(finished.body.data.documents).toHaveLength(1);
    const exit = await server.exited;
    expect(exit, server.stderr).toEqual({ code: 0, signal: null });

    // The store was closed: its directory opens again (the lock is free) and holds the same graph.
    const again = runTs(INGEST_CLI, [SEED_FILE], { KG_DATA_DIR: dataDir });
    expect((await again.exited).code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/unchanged\s+000_76e89f63a03d41e7\.txt/);

    // Logs: every line is JSON; one line per request with its id, operation, status, duration and outcome.
    const lines = server.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as LogLine);
    const access = new Map(lines.filter((l) => l.msg === 'request' && l.requestId).map((l) => [l.requestId!, l]));
    expect(access.get('ops-named')).toMatchObject({ operation: 'FindApn', status: 200, outcome: 'ok', path: '/graphql', method: 'POST' });
    expect(access.get('ops-anonymous')).toMatchObject({ operation: 'entity', status: 200, outcome: 'ok' });
    expect(access.get('ops-rejected')).toMatchObject({ operation: 'projects', status: 400, outcome: 'rejected' });
    expect(access.get('ops-in-flight')).toMatchObject({ operation: 'documents', status: 200, outcome: 'ok' });
    for (const line of access.values()) {
      expect(typeof line.durationMs).toBe('number');
      expect(line.durationMs).toBeGreaterThanOrEqual(0);
    }
    const healthLines = lines.filter((l) => l.msg === 'request' && (l.path === '/healthz' || l.path === '/readyz'));
    expect(healthLines.length).toBeGreaterThanOrEqual(2);
    expect(new Set(healthLines.map((l) => l.requestId)).size).toBe(healthLines.length); // generated ids are unique

    // No document text and no secret anywhere in the log: not the passages this run returned, not the seed's lines.
    const log = server.stdout + server.stderr;
    expect(log).not.toContain(SECRET);
    const returned: string[] = [
      ...named.body.data.search.nodes.flatMap((n: any) => [n.snippet, n.passage.text]),
      ...anonymous.body.data.entity.mentions.map((m: any) => m.source.quote),
    ];
    const seedLines = readFileSync(SEED_FILE, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length >= 12);
    for (const text of [...returned, ...seedLines]) expect(log).not.toContain(JSON.stringify(text).slice(1, -1).slice(0, 40));
    // Nor the search text the client sent.
    expect(log).not.toContain(JSON.stringify('オール光ネットワーク').slice(1, -1));
  }, 180_000);
});

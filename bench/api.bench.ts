// API benchmark (npm run bench:api): the real server on port 0 over a real store, autocannon against
// `{ __typename }` (the HTTP + GraphQL floor) and against the APN-projects query (store work included).
// Prints req/s and p99 for both and their ratio; the target is ratio >= 0.5. A benchmark, not a test.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../src/config.ts';
import type { DocumentBundle } from '../src/model/graph.ts';
import { createSearchService } from '../src/search/createSearchService.ts';
import { createServer } from '../src/server/createServer.ts';
import type { GraphStore } from '../src/store/GraphStore.ts';
import { openStore } from '../src/store/openStore.ts';

export const DEFAULT_BENCH_SECONDS = 10;
export const DEFAULT_BENCH_CONNECTIONS = 10;
export const TARGET_RATIO = 0.5;

const ROOT = resolve(import.meta.dirname, '..');

const APN_QUERY = `{
  projects(filter: { covers: "APN", international: true }) {
    totalCount
    nodes {
      id name nameEn theme international
      period { start end text source { document { file date } lineStart lineEnd } }
      budget { amountJpy text }
      countries { id name }
      covers { id name }
      partners { organization { id name } side role asOf source { document { file title date } lineStart lineEnd quote } }
    }
  }
}`;

interface AutocannonResult {
  requests: { average: number };
  latency: { p99: number };
  errors: number;
  non2xx: number;
  timeouts: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon ships no type declarations; the result fields used here are documented in its README.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** Seeds through the ingest entry point when it exists; otherwise the hand-built fixture bundles. */
async function load(store: GraphStore): Promise<string> {
  const ingestModule = join(ROOT, 'ingest', 'ingestPaths.ts');
  if (existsSync(ingestModule)) {
    const { ingestPaths } = (await import(ingestModule)) as {
      ingestPaths: (paths: string[], store: GraphStore, options: Record<string, unknown>) => Promise<unknown>;
    };
    const seeds = (await readdir(join(ROOT, 'seeds'))).filter((f) => f.endsWith('.txt')).map((f) => join(ROOT, 'seeds', f));
    await ingestPaths(seeds, store, { logger: pino({ level: 'silent' }) });
    return `seeds/ (${seeds.length} files, via ingestPaths)`;
  }
  const { fixtureBundles } = (await import(join(ROOT, 'test', 'fixtures', 'bundles.ts'))) as { fixtureBundles: DocumentBundle[] };
  for (const bundle of fixtureBundles) await store.replaceDocument(bundle);
  return `test/fixtures/bundles.ts (${fixtureBundles.length} bundles; ingest/ingestPaths.ts not available yet)`;
}

async function run(url: string, query: string, seconds: number): Promise<AutocannonResult> {
  return autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    connections: DEFAULT_BENCH_CONNECTIONS,
    duration: seconds,
  });
}

async function main(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? DEFAULT_BENCH_SECONDS);
  const dataDir = await mkdtemp(join(tmpdir(), 'kg-bench-api-'));
  const config = loadConfig({ KG_DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'production', LOG_LEVEL: 'silent' });
  const store = await openStore(config);
  try {
    const source = await load(store);
    const search = await createSearchService({ store, cacheDir: join(dataDir, 'search-cache') });
    await search.refresh();
    const server = await createServer({ config, store, search, logger: pino({ level: 'silent' }), host: '127.0.0.1' });
    try {
      const check = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: APN_QUERY }),
      });
      const body = (await check.json()) as { data?: { projects: { totalCount: number } }; errors?: unknown[] };
      if (body.errors) throw new Error(`APN query failed: ${JSON.stringify(body.errors)}`);
      console.log(`data: ${source}; APN query returns ${body.data!.projects.totalCount} project(s)`);
      console.log(`autocannon: ${DEFAULT_BENCH_CONNECTIONS} connections, ${seconds} s each`);

      const floor = await run(server.url, '{ __typename }', seconds);
      const apn = await run(server.url, APN_QUERY, seconds);
      const line = (name: string, r: AutocannonResult) =>
        `${name.padEnd(14)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p99 ${String(r.latency.p99).padStart(5)} ms   errors ${r.errors + r.non2xx + r.timeouts}`;
      console.log(line('{ __typename }', floor));
      console.log(line('APN projects', apn));
      const ratio = apn.requests.average / floor.requests.average;
      console.log(`ratio APN/__typename req/s: ${ratio.toFixed(2)} (target >= ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'})`);
    } finally {
      await server.close();
    }
  } finally {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();

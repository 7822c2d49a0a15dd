// Shared setup for the API and HTTP tests: a real LadybugDB store in a temp dir loaded with the hand-built fixture
// bundles (test/fixtures/bundles.ts), the real search service, and the real server on port 0 (loopback only).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { ReadCacheOptions } from '../src/api/loaders/CachedStore.ts';
import { loadConfig } from '../src/config.ts';
import { createSearchService } from '../src/search/createSearchService.ts';
import type { SearchService } from '../src/search/SearchService.ts';
import { createServer, type RunningServer } from '../src/server/createServer.ts';
import type { GraphStore } from '../src/store/GraphStore.ts';
import { openStore } from '../src/store/openStore.ts';
import type { DocumentBundle } from '../src/model/graph.ts';
import { fixtureBundles } from './fixtures/bundles.ts';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: { message: string; path?: unknown; extensions?: Record<string, any> }[] };
}

export interface Harness {
  url: string;
  store: GraphStore;
  search: SearchService;
  server: RunningServer;
  dataDir: string;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  nodeEnv?: 'test' | 'production';
  webDir?: string;
  /** Written after the fixture bundles, e.g. a newer document that changes a fact. */
  extraBundles?: readonly DocumentBundle[];
  readCache?: ReadCacheOptions;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kg-api-'));
  const config = loadConfig({ KG_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: options.nodeEnv ?? 'test' });
  const logger = pino({ level: 'silent' });
  const store = await openStore(config);
  for (const bundle of [...fixtureBundles, ...(options.extraBundles ?? [])]) await store.replaceDocument(bundle);
  const search = await createSearchService({ store, cacheDir: join(dataDir, 'search-cache') });
  await search.refresh();
  const server = await createServer({
    config,
    store,
    search,
    logger,
    host: '127.0.0.1',
    webDir: options.webDir ?? join(dataDir, 'no-web-build'),
    readCache: options.readCache,
  });
  const gql = async <T,>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as GraphQLResponse<T>['body'] };
  };
  return {
    url: server.url,
    store,
    search,
    server,
    dataDir,
    gql,
    async close() {
      await server.close();
      await store.close().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

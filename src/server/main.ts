// Entry point: validated config → store → search index → HTTP server. Any startup failure is one clear line and
// exit code 1, so a supervisor's log says what to fix.
import { join } from 'node:path';
import { pino } from 'pino';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { createSearchService } from '../search/createSearchService.ts';
import type { GraphStore } from '../store/GraphStore.ts';
import { openStore } from '../store/openStore.ts';
import { createServer } from './createServer.ts';

/** Search-index cache directory, inside the data directory. */
export const SEARCH_CACHE_DIRNAME = 'search-cache';

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // "invalid configuration:\n  PORT: …\n  KG_STORE: …" → "invalid configuration: PORT: …; KG_STORE: …"
  return message.replace(/:\s*\n\s*/g, ': ').replace(/\s*\n\s*/g, '; ');
}

function fail(what: string, error: unknown): never {
  process.stderr.write(`error: ${what}: ${oneLine(error)}\n`);
  process.exit(1);
}

/** How often the server checks whether the graph changed and the search index must follow. */
const DEFAULT_INDEX_REFRESH_MS = 15_000;

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    fail(error instanceof ConfigError ? 'bad configuration' : 'cannot read configuration', error);
  }
  const logger = pino({ level: config.LOG_LEVEL });

  let store: GraphStore;
  try {
    store = await openStore(config);
  } catch (error) {
    const where = config.KG_STORE === 'neo4j' ? config.NEO4J_URI : config.KG_DATA_DIR;
    fail(`cannot open the ${config.KG_STORE} graph store at ${where}`, error);
  }
  try {
    const search = await createSearchService({ store, cacheDir: join(config.KG_DATA_DIR, SEARCH_CACHE_DIRNAME) });
    await search.refresh();
    const server = await createServer({ config, store, search, logger });
    logger.info({ url: server.url }, `listening on ${server.url}`);
    // The index follows the graph: another process may ingest into Neo4j while this one serves.
    const refresher = setInterval(() => {
      search.refresh().catch((error: unknown) => logger.warn({ err: error }, 'search index refresh failed'));
    }, DEFAULT_INDEX_REFRESH_MS);
    refresher.unref();

    const shutdown = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      clearInterval(refresher);
      server
        .close()
        .then(() => store.close())
        .then(() => process.exit(0))
        .catch((error: unknown) => fail('shutdown failed', error));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  } catch (error) {
    await store.close().catch(() => undefined);
    fail('cannot start the server', error);
  }
}

await main();

// What every resolver receives: the data sources (reached only through their interfaces) and per-request loaders.
import type { Logger } from 'pino';
import type { SearchService } from '../search/SearchService.ts';
import type { GraphStore } from '../store/GraphStore.ts';
import { CachedStore, type ReadCacheOptions } from './loaders/CachedStore.ts';
import { createLoaders, type Loaders } from './loaders/createLoaders.ts';
import { guardStore } from './loaders/guardStore.ts';

export interface ApiContext {
  requestId: string;
  logger: Logger;
  /** The store behind the shared read cache; resolvers read through loaders where they can. */
  store: CachedStore;
  search: SearchService;
  loaders: Loaders;
  /** Per-request memo of derived values (e.g. an entity's relations with currentness), computed once per request. */
  memo: Map<string, Promise<unknown>>;
}

/** Computes `compute()` once per request and key. */
export function memoize<T>(ctx: ApiContext, key: string, compute: () => Promise<T>): Promise<T> {
  let value = ctx.memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = compute();
    ctx.memo.set(key, value);
  }
  return value;
}

export interface ApiDependencies {
  store: GraphStore;
  search: SearchService;
  logger: Logger;
  readCache?: ReadCacheOptions;
}

/** The store every request reads through: guarded (clear errors) and cached until the graph changes. */
export function sharedStore(deps: ApiDependencies): CachedStore {
  return new CachedStore(guardStore(deps.store), deps.readCache);
}

/** Returns the per-request context factory; the cached, guarded store is shared, the loaders are per request. */
export function contextFactory(deps: ApiDependencies, store: CachedStore = sharedStore(deps)): (requestId: string) => ApiContext {
  return (requestId) => ({
    requestId,
    logger: deps.logger.child({ requestId }),
    store,
    search: deps.search,
    loaders: createLoaders(store),
    memo: new Map(),
  });
}

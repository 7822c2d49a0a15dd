// The one place that picks a backend from the configuration.
import type { Config } from '../config.ts';
import type { GraphStore } from './GraphStore.ts';

/**
 * Opens the configured store and runs init() (schema, reachability); throws a StoreError with a stable code.
 * Each backend is imported only when chosen: neo4j-driver is not loaded for the embedded store, nor LadybugDB's
 * native module for Neo4j. For bulk writes, startStoreThread below runs it on a thread of its own.
 */
export async function openStore(config: Config): Promise<GraphStore> {
  const store =
    config.KG_STORE === 'neo4j'
      ? (await import('./neo4j/Neo4jStore.ts')).Neo4jStore.fromConfig(config)
      : (await import('./ladybug/LadybugStore.ts')).LadybugStore.fromConfig(config);
  await store.init();
  return store;
}

/**
 * The configured store on its own thread (ThreadedStore), already opening: its methods wait for the open and fail with
 * its error (init() resolves or rejects with it too). For the ingest, which has documents to read while the store
 * starts.
 */
export async function startStoreThread(config: Config): Promise<GraphStore> {
  const store = new (await import('./ThreadedStore.ts')).ThreadedStore(config);
  store.init().catch(() => undefined);
  return store;
}

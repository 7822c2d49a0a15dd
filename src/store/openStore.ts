// The one place that picks a backend from the configuration.
import type { Config } from '../config.ts';
import type { GraphStore } from './GraphStore.ts';
import { LadybugStore } from './ladybug/LadybugStore.ts';
import { Neo4jStore } from './neo4j/Neo4jStore.ts';

/** Opens the configured store and runs init() (schema, reachability); throws a StoreError with a stable code. */
export async function openStore(config: Config): Promise<GraphStore> {
  const store = config.KG_STORE === 'neo4j' ? Neo4jStore.fromConfig(config) : LadybugStore.fromConfig(config);
  await store.init();
  return store;
}

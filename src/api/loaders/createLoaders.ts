// Per-request DataLoaders: every entity, passage, document, relation list, fact list and mention list a query
// touches is fetched in one batched store call per kind and tick, so nested lists never cause N+1 queries.
// They live for one request only, so nothing stale outlives a re-ingest.
import DataLoader from 'dataloader';
import type {
  AttributeFact,
  DocumentRecord,
  EntityRecord,
  MentionRecord,
  PassageRecord,
  RelationFact,
} from '../../model/graph.ts';
import type { GraphStore } from '../../store/GraphStore.ts';

export interface Loaders {
  documents: DataLoader<string, DocumentRecord | null>;
  passages: DataLoader<string, PassageRecord | null>;
  entities: DataLoader<string, EntityRecord | null>;
  /** Relations where the entity is either end. */
  relationsOf: DataLoader<string, RelationFact[]>;
  factsOf: DataLoader<string, AttributeFact[]>;
  mentionsOfEntities: DataLoader<string, MentionRecord[]>;
  mentionsInPassages: DataLoader<string, MentionRecord[]>;
}

/** Spreads a flat batch result over the keys; a record lands under every key it belongs to. */
function groupBy<T>(keys: readonly string[], rows: readonly T[], keysOf: (row: T) => string[]): T[][] {
  const byKey = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) {
    for (const key of new Set(keysOf(row))) byKey.get(key)?.push(row);
  }
  return keys.map((k) => byKey.get(k) ?? []);
}

export function createLoaders(store: GraphStore): Loaders {
  return {
    documents: new DataLoader((ids) => store.getDocuments(ids)),
    passages: new DataLoader((ids) => store.getPassages(ids)),
    entities: new DataLoader((ids) => store.getEntities(ids)),
    relationsOf: new DataLoader(async (ids) =>
      groupBy(ids, await store.relationsOf(ids, 'both'), (r) => [r.fromId, r.toId]),
    ),
    factsOf: new DataLoader(async (ids) => groupBy(ids, await store.factsOf(ids), (f) => [f.subjectId])),
    mentionsOfEntities: new DataLoader(async (ids) =>
      groupBy(ids, await store.mentionsOfEntities(ids), (m) => [m.entityId]),
    ),
    mentionsInPassages: new DataLoader(async (ids) =>
      groupBy(ids, await store.mentionsInPassages(ids), (m) => [m.passageId]),
    ),
  };
}

/** Loads entities by id, dropping ids that no longer resolve (an edge to a removed entity is not an error). */
export async function loadEntities(loaders: Loaders, ids: readonly string[]): Promise<EntityRecord[]> {
  // load() rather than loadMany(): loadMany turns a failed batch into Error values, which would hide an outage.
  const records = await Promise.all([...new Set(ids)].map((id) => loaders.entities.load(id)));
  return records.filter((r): r is EntityRecord => r !== null);
}

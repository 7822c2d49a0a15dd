// The one graph-store interface. Ingest writes through it; the API and the search index read through it.
// Implementations: LadybugStore (embedded, default) and Neo4jStore, both running the queries in cypher/.
import type {
  AttributeFact,
  DocumentBundle,
  DocumentRecord,
  EntityRecord,
  EntityType,
  MentionRecord,
  PassageRecord,
  RelationFact,
  RelationType,
} from '../model/graph.ts';

export interface Page {
  limit: number;
  offset: number;
}

export interface Paged<T> {
  items: T[];
  total: number;
}

export interface EntityQuery {
  type?: EntityType;
  /** Matches name, nameEn and aliases, case-insensitively, as a substring; NFKC-normalized by the store. */
  text?: string;
  orderBy?: 'name' | 'type' | 'mentions';
}

export interface ProjectFilter {
  /** A technology by id, name or alias in either language ("APN", "All-Photonics Network", "オール光ネットワーク"). */
  covers?: string;
  /** A country or bloc by id, code or name ("DE", "ドイツ", "Germany", "country:DE"). */
  country?: string;
  /** An organization by id, name or alias, in any side/role (lead or partner). */
  partner?: string;
  /** Projects between Japan and at least one other country or bloc. */
  international?: boolean;
}

export interface WriteSummary {
  docId: string;
  /** false when the stored document already had the same content hash: nothing was written. */
  changed: boolean;
  passages: number;
  entities: number;
  relations: number;
  facts: number;
}

export interface GraphStats {
  documents: number;
  passages: number;
  entitiesByType: Record<EntityType, number>;
  relations: number;
  facts: number;
}

export type Direction = 'out' | 'in' | 'both';

export interface GraphStore {
  readonly kind: 'ladybug' | 'neo4j';
  /** Creates schema (idempotent) and checks the store is reachable. */
  init(): Promise<void>;
  close(): Promise<void>;
  /** Cheap reachability check, for /readyz. */
  ping(): Promise<void>;

  // ---- writes (each one transactional and idempotent; applied one at a time, in call order) ----
  /** Optional: readies the store for a bulk of writes (LadybugDB plans the write statements ahead). */
  prepareWrites?(): Promise<void>;
  /**
   * Replaces everything one document contributed (its passages, mentions, relations and facts) by the bundle,
   * in one transaction; entities shared with other documents are upserted, not duplicated; entities left with
   * no mention and no fact are removed. Same content hash → no write, changed: false.
   */
  replaceDocument(bundle: DocumentBundle): Promise<WriteSummary>;
  removeDocument(docId: string): Promise<void>;

  // ---- reads ----
  /** Changes whenever any document is added, replaced or removed (derived indexes key their caches on it). */
  graphVersion(): Promise<string>;
  stats(): Promise<GraphStats>;
  listDocuments(): Promise<DocumentRecord[]>;
  /** Batch lookups return one slot per id, in order, null where absent (DataLoader-friendly). */
  getDocuments(ids: readonly string[]): Promise<(DocumentRecord | null)[]>;
  getPassages(ids: readonly string[]): Promise<(PassageRecord | null)[]>;
  getEntities(ids: readonly string[]): Promise<(EntityRecord | null)[]>;
  /** Passages in id order after `afterId` (null: from the start), for building derived indexes. */
  scanPassages(afterId: string | null, limit: number): Promise<PassageRecord[]>;
  /** Entities in id order after `afterId`. */
  scanEntities(afterId: string | null, limit: number): Promise<EntityRecord[]>;
  findEntities(query: EntityQuery, page: Page): Promise<Paged<EntityRecord>>;
  /** Ids of entities whose name, nameEn, alias, code or id equals the term (NFKC, case-insensitive). */
  resolveEntityIds(term: string, type?: EntityType): Promise<string[]>;
  mentionsOfEntities(entityIds: readonly string[]): Promise<MentionRecord[]>;
  mentionsInPassages(passageIds: readonly string[]): Promise<MentionRecord[]>;
  relationsOf(entityIds: readonly string[], direction: Direction, types?: readonly RelationType[]): Promise<RelationFact[]>;
  factsOf(entityIds: readonly string[]): Promise<AttributeFact[]>;
  findProjects(filter: ProjectFilter, page: Page): Promise<Paged<EntityRecord>>;
}

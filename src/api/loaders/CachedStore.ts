// A read-through cache in front of the graph store, shared by all requests. The graph changes only when a document
// is ingested, so reads are cached until the store's graphVersion changes; the version is re-read in the background
// every `versionCheckMs`, which bounds how long an answer can lag behind an ingest. Batch reads are cached per id, so
// the per-request DataLoaders above it still batch, and a warm cache answers without touching the database.
// Only fulfilled reads are cached: a failing store is asked again on the next request.
import type {
  AttributeFact,
  DocumentBundle,
  DocumentRecord,
  EntityRecord,
  MentionRecord,
  PassageRecord,
  RelationFact,
  RelationType,
} from '../../model/graph.ts';
import type {
  Direction,
  EntityQuery,
  GraphStats,
  GraphStore,
  Page,
  Paged,
  ProjectFilter,
  WriteSummary,
} from '../../store/GraphStore.ts';

/** How often the store's graphVersion is re-read; 0 checks on every read. */
export const DEFAULT_VERSION_CHECK_MS = 1_000;
/** Cached keys (records, per-id lists, whole answers) before the least recently used are dropped. */
export const DEFAULT_CACHE_ENTRIES = 50_000;

export interface ReadCacheOptions {
  versionCheckMs?: number;
  maxEntries?: number;
}

export class CachedStore implements GraphStore {
  readonly kind: GraphStore['kind'];
  private readonly entries = new Map<string, unknown>();
  private version: string | null = null;
  private checkedAt = -Infinity;
  private checking: Promise<string> | null = null;
  private readonly versionCheckMs: number;
  private readonly maxEntries: number;

  constructor(
    private readonly store: GraphStore,
    options: ReadCacheOptions = {},
  ) {
    this.kind = store.kind;
    this.versionCheckMs = options.versionCheckMs ?? DEFAULT_VERSION_CHECK_MS;
    this.maxEntries = options.maxEntries ?? DEFAULT_CACHE_ENTRIES;
  }

  /**
   * The graph version answers are cached under. With versionCheckMs > 0 a due check runs in the background and the
   * current version keeps answering meanwhile (requests never wait on it); with 0, every read waits for the check.
   */
  /** The graph version reads are answered from (whole responses are cached under it too). */
  graphVersionNow(): Promise<string> {
    return this.fresh();
  }

  private fresh(): Promise<string> {
    const due = performance.now() - this.checkedAt >= this.versionCheckMs;
    if (this.version !== null && !due) return Promise.resolve(this.version);
    // Concurrent requests share one check.
    this.checking ??= this.store
      .graphVersion()
      .then((version) => {
        if (version !== this.version) this.entries.clear();
        this.version = version;
        this.checkedAt = performance.now();
        return version;
      })
      .finally(() => {
        this.checking = null;
      });
    if (this.version !== null && this.versionCheckMs > 0) {
      // A failed background check is retried on the next read; failures of real reads surface on their own.
      this.checking.catch(() => undefined);
      return Promise.resolve(this.version);
    }
    return this.checking;
  }

  private get<T>(key: string): T | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as T;
    // Map keeps insertion order: re-inserting marks the key as most recently used.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  private set(key: string, value: unknown): void {
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** A whole answer, keyed by the method and its arguments. */
  private async whole<T>(method: string, args: unknown[], read: () => Promise<T>): Promise<T> {
    const version = await this.fresh();
    const key = `${version}|${method}|${JSON.stringify(args)}`;
    const hit = this.get<T>(key);
    if (hit !== undefined) return hit;
    const value = await read();
    this.set(key, value);
    return value;
  }

  /** One value per id; only the ids not cached are read, in one call. */
  private async perId<T>(prefix: string, ids: readonly string[], read: (missing: string[]) => Promise<T[]>): Promise<T[]> {
    const version = await this.fresh();
    const keyOf = (id: string) => `${version}|${prefix}|${id}`;
    const found = new Map<string, T>();
    for (const id of ids) {
      const hit = this.get<T>(keyOf(id));
      if (hit !== undefined) found.set(id, hit);
    }
    const missing = [...new Set(ids.filter((id) => !found.has(id)))];
    if (missing.length > 0) {
      const values = await read(missing);
      missing.forEach((id, i) => {
        found.set(id, values[i] as T);
        this.set(keyOf(id), values[i]);
      });
    }
    // From the local map, not the cache: a small cache may already have dropped what was just read.
    return ids.map((id) => found.get(id) as T);
  }

  /** Lists per id, split out of one flat batch answer. */
  private perIdLists<T>(prefix: string, ids: readonly string[], read: (missing: string[]) => Promise<T[]>, owners: (row: T) => string[]) {
    return this.perId<T[]>(prefix, ids, async (missing) => {
      const rows = await read(missing);
      const byId = new Map<string, T[]>(missing.map((id) => [id, []]));
      for (const row of rows) for (const owner of new Set(owners(row))) byId.get(owner)?.push(row);
      return missing.map((id) => byId.get(id)!);
    });
  }

  // ---- pass-through ----
  init(): Promise<void> {
    return this.store.init();
  }
  close(): Promise<void> {
    return this.store.close();
  }
  ping(): Promise<void> {
    return this.store.ping();
  }
  async replaceDocument(bundle: DocumentBundle): Promise<WriteSummary> {
    this.version = null;
    return this.store.replaceDocument(bundle);
  }
  async removeDocument(docId: string): Promise<void> {
    this.version = null;
    return this.store.removeDocument(docId);
  }
  scanPassages(afterId: string | null, limit: number): Promise<PassageRecord[]> {
    return this.store.scanPassages(afterId, limit);
  }
  scanEntities(afterId: string | null, limit: number): Promise<EntityRecord[]> {
    return this.store.scanEntities(afterId, limit);
  }

  // ---- cached reads ----
  graphVersion(): Promise<string> {
    return this.fresh();
  }
  stats(): Promise<GraphStats> {
    return this.whole('stats', [], () => this.store.stats());
  }
  listDocuments(): Promise<DocumentRecord[]> {
    return this.whole('listDocuments', [], () => this.store.listDocuments());
  }
  findEntities(query: EntityQuery, page: Page): Promise<Paged<EntityRecord>> {
    return this.whole('findEntities', [query, page], () => this.store.findEntities(query, page));
  }
  findProjects(filter: ProjectFilter, page: Page): Promise<Paged<EntityRecord>> {
    return this.whole('findProjects', [filter, page], () => this.store.findProjects(filter, page));
  }
  resolveEntityIds(term: string, type?: EntityRecord['type']): Promise<string[]> {
    return this.whole('resolveEntityIds', [term, type], () => this.store.resolveEntityIds(term, type));
  }
  getDocuments(ids: readonly string[]): Promise<(DocumentRecord | null)[]> {
    return this.perId('doc', ids, (missing) => this.store.getDocuments(missing));
  }
  getPassages(ids: readonly string[]): Promise<(PassageRecord | null)[]> {
    return this.perId('passage', ids, (missing) => this.store.getPassages(missing));
  }
  getEntities(ids: readonly string[]): Promise<(EntityRecord | null)[]> {
    return this.perId('entity', ids, (missing) => this.store.getEntities(missing));
  }
  async relationsOf(entityIds: readonly string[], direction: Direction, types?: readonly RelationType[]): Promise<RelationFact[]> {
    const owners = (r: RelationFact) => (direction === 'out' ? [r.fromId] : direction === 'in' ? [r.toId] : [r.fromId, r.toId]);
    const lists = await this.perIdLists(
      `relations|${direction}|${types?.join(',') ?? '*'}`,
      entityIds,
      (missing) => this.store.relationsOf(missing, direction, types),
      owners,
    );
    // One row per relation even when both of its ends were asked for.
    return [...new Map(lists.flat().map((r) => [r.id, r])).values()];
  }
  async factsOf(entityIds: readonly string[]): Promise<AttributeFact[]> {
    return (await this.perIdLists('facts', entityIds, (m) => this.store.factsOf(m), (f) => [f.subjectId])).flat();
  }
  async mentionsOfEntities(entityIds: readonly string[]): Promise<MentionRecord[]> {
    return (await this.perIdLists('mentionsOf', entityIds, (m) => this.store.mentionsOfEntities(m), (x) => [x.entityId])).flat();
  }
  async mentionsInPassages(passageIds: readonly string[]): Promise<MentionRecord[]> {
    return (await this.perIdLists('mentionsIn', passageIds, (m) => this.store.mentionsInPassages(m), (x) => [x.passageId])).flat();
  }
  /** Any derived value computed from the store, cached like a read (e.g. passages per document). */
  derived<T>(name: string, compute: () => Promise<T>): Promise<T> {
    return this.whole(`derived:${name}`, [], compute);
  }
}

// GraphStore logic written once over the shared cypher/ queries; LadybugStore and Neo4jStore only supply
// transactions (read/write) that run Cypher text and return plain rows (numbers, strings, ISO dates, lists).
import { createHash } from 'node:crypto';
import {
  ENTITY_TYPES,
  RELATION_TYPES,
  type AttributeFact,
  type DocumentBundle,
  type DocumentRecord,
  type EntityRecord,
  type EntityType,
  type MentionRecord,
  type PassageRecord,
  type RelationFact,
  type RelationType,
} from '../model/graph.ts';
import type {
  Direction,
  EntityQuery,
  GraphStats,
  GraphStore,
  Page,
  Paged,
  ProjectFilter,
  WriteSummary,
} from './GraphStore.ts';
import { bundleRows, entityNumberRows, entityRow, mergeEntity, sameEntity, type Row } from './bundleRows.ts';
import { cypher, cypherForRelation, cypherUnionForRelations, type QueryName } from './cypher.ts';
import { normalizeKey } from './entityKeys.ts';
import { slots, toDocument, toEntity, toFact, toMention, toPassage, toRelation } from './records.ts';

/** The country the documents are written from: "international" projects involve another country or bloc. */
export const HOME_COUNTRY_ID = 'country:JP';

export type Params = Record<string, unknown>;

export interface CypherTx {
  /** Runs one statement; `rows`-style list parameters may be split by the backend but run in the same transaction. */
  run(text: string, params?: Params): Promise<Row[]>;
}

export abstract class CypherGraphStore implements GraphStore {
  abstract readonly kind: 'ladybug' | 'neo4j';
  abstract init(): Promise<void>;
  abstract close(): Promise<void>;

  constructor(protected readonly batchSize: number) {}

  /** Runs `fn` in one read transaction; failures become StoreQueryError naming `what`. */
  protected abstract read<T>(what: string, fn: (tx: CypherTx) => Promise<T>): Promise<T>;
  /** Runs `fn` in one write transaction, committed at the end, rolled back on any error (StoreWriteError). */
  protected abstract write<T>(what: string, fn: (tx: CypherTx) => Promise<T>): Promise<T>;

  async ping(): Promise<void> {
    await this.read('ping', (tx) => tx.run(cypher('read/ping')));
  }

  // ---- writes ----

  async replaceDocument(bundle: DocumentBundle): Promise<WriteSummary> {
    const rows = bundleRows(bundle);
    const doc = bundle.document;
    const summary = (changed: boolean): WriteSummary => ({
      docId: doc.id,
      changed,
      passages: bundle.passages.length,
      entities: bundle.entities.length,
      relations: bundle.relations.length,
      facts: bundle.facts.length,
    });
    return this.write(`writing ${doc.file} (${doc.id})`, async (tx) => {
      const [stored] = await tx.run(cypher('read/documents-by-ids'), { ids: [doc.id] });
      if (stored && stored.contentHash === doc.contentHash) return summary(false);

      const storedEntities = slots(
        bundle.entities.map((e) => e.id),
        (await tx.run(cypher('read/entities-by-ids'), { ids: bundle.entities.map((e) => e.id) })).map(toEntity),
      );
      // Entities shared with other documents usually arrive unchanged: write only what is new or changed.
      const entities = bundle.entities
        .map((e, i) => ({ stored: storedEntities[i] ?? null, merged: mergeEntity(storedEntities[i] ?? null, e) }))
        .filter(({ stored, merged }) => !stored || !sameEntity(stored, merged))
        .map(({ merged }) => merged);

      // A new document has nothing to delete and can orphan nothing; a replaced one only what its old version touched.
      const touched = stored ? await this.entitiesTouchedBy(tx, doc.id) : [];
      if (stored) await this.deleteDocumentContent(tx, doc.id);
      await tx.run(cypher('write/upsert-document'), rows.document);
      await this.batches(tx, 'write/upsert-entities', entities.map(entityRow));
      for (const numberRows of entityNumberRows(entities)) await this.batches(tx, 'write/set-entity-numbers', numberRows);
      await this.batches(tx, 'write/create-passages', rows.passages, undefined, { docId: doc.id });
      await this.batches(tx, 'write/create-mentions', rows.mentions, undefined, { docId: doc.id });
      for (const [type, relRows] of rows.relationsByType) {
        await this.batches(tx, 'write/create-relations', relRows, type);
      }
      await this.batches(tx, 'write/create-facts', rows.facts);
      await this.batches(tx, 'write/set-fact-numbers', rows.factNumbers);
      if (touched.length > 0) await tx.run(cypher('write/delete-orphan-entities'), { ids: touched });
      return summary(true);
    });
  }

  async removeDocument(docId: string): Promise<void> {
    await this.write(`removing ${docId}`, async (tx) => {
      const touched = await this.entitiesTouchedBy(tx, docId);
      await this.deleteDocumentContent(tx, docId);
      await tx.run(cypher('write/delete-document'), { docId });
      if (touched.length > 0) await tx.run(cypher('write/delete-orphan-entities'), { ids: touched });
    });
  }

  private async entitiesTouchedBy(tx: CypherTx, docId: string): Promise<string[]> {
    const ids = new Set<string>();
    for (const q of ['read/document-entity-ids-mentioned', 'read/document-entity-ids-related', 'read/document-entity-ids-with-facts'] as const) {
      for (const row of await tx.run(cypher(q), { docId })) ids.add(String(row.id));
    }
    return [...ids];
  }

  private async deleteDocumentContent(tx: CypherTx, docId: string): Promise<void> {
    await tx.run(cypher('write/delete-document-relations'), { docId });
    await tx.run(cypher('write/delete-document-passages'), { docId });
    await tx.run(cypher('write/delete-document-facts'), { docId });
  }

  /** One UNWIND statement per batch of `batchSize` rows. */
  private async batches(tx: CypherTx, name: QueryName, rows: Row[], rel?: RelationType, params: Params = {}): Promise<void> {
    const text = rel ? cypherForRelation(name, rel) : cypher(name);
    for (let i = 0; i < rows.length; i += this.batchSize) {
      await tx.run(text, { ...params, rows: rows.slice(i, i + this.batchSize) });
    }
  }

  // ---- reads ----

  async graphVersion(): Promise<string> {
    const rows = await this.read('graphVersion', (tx) => tx.run(cypher('read/document-versions')));
    const hash = createHash('sha256');
    for (const r of rows) hash.update(`${String(r.id)}\u0000${String(r.contentHash)}\u0000`);
    return hash.digest('hex').slice(0, 16);
  }

  async stats(): Promise<GraphStats> {
    return this.read('stats', async (tx) => {
      const [totals] = await tx.run(cypher('read/stats-totals'));
      const byType = await tx.run(cypher('read/stats-entities-by-type'));
      const entitiesByType = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
      for (const r of byType) {
        if ((ENTITY_TYPES as readonly string[]).includes(String(r.type))) entitiesByType[r.type as EntityType] = Number(r.n);
      }
      return {
        documents: Number(totals?.documents ?? 0),
        passages: Number(totals?.passages ?? 0),
        entitiesByType,
        relations: Number(totals?.relations ?? 0),
        facts: Number(totals?.facts ?? 0),
      };
    });
  }

  async listDocuments(): Promise<DocumentRecord[]> {
    return (await this.read('listDocuments', (tx) => tx.run(cypher('read/documents-all')))).map(toDocument);
  }

  async getDocuments(ids: readonly string[]): Promise<(DocumentRecord | null)[]> {
    return slots(ids, (await this.byIds('getDocuments', 'read/documents-by-ids', ids)).map(toDocument));
  }

  async getPassages(ids: readonly string[]): Promise<(PassageRecord | null)[]> {
    return slots(ids, (await this.byIds('getPassages', 'read/passages-by-ids', ids)).map(toPassage));
  }

  async getEntities(ids: readonly string[]): Promise<(EntityRecord | null)[]> {
    return slots(ids, (await this.byIds('getEntities', 'read/entities-by-ids', ids)).map(toEntity));
  }

  private async byIds(what: string, name: QueryName, ids: readonly string[]): Promise<Row[]> {
    if (ids.length === 0) return [];
    return this.read(what, (tx) => tx.run(cypher(name), { ids: [...new Set(ids)] }));
  }

  async scanPassages(afterId: string | null, limit: number): Promise<PassageRecord[]> {
    const rows = await this.read('scanPassages', (tx) =>
      tx.run(cypher('read/scan-passages'), { afterId: afterId ?? '', limit }),
    );
    return rows.map(toPassage);
  }

  async scanEntities(afterId: string | null, limit: number): Promise<EntityRecord[]> {
    const rows = await this.read('scanEntities', (tx) =>
      tx.run(cypher('read/scan-entities'), { afterId: afterId ?? '', limit }),
    );
    return rows.map(toEntity);
  }

  async findEntities(query: EntityQuery, page: Page): Promise<Paged<EntityRecord>> {
    const params = {
      type: query.type ?? '',
      text: query.text ? normalizeKey(query.text) : '',
      orderBy: query.orderBy ?? 'name',
    };
    return this.pagedEntities('findEntities', 'read/find-entity-ids', params, page);
  }

  async resolveEntityIds(term: string, type?: EntityType): Promise<string[]> {
    const key = normalizeKey(term);
    if (!key) return [];
    const rows = await this.read('resolveEntityIds', (tx) =>
      tx.run(cypher('read/entity-ids-by-key'), { key, type: type ?? '' }),
    );
    return rows.map((r) => String(r.id));
  }

  async findProjects(filter: ProjectFilter, page: Page): Promise<Paged<EntityRecord>> {
    const params = {
      projectType: 'Project' satisfies EntityType,
      covers: filter.covers ? normalizeKey(filter.covers) : '',
      country: filter.country ? normalizeKey(filter.country) : '',
      partner: filter.partner ? normalizeKey(filter.partner) : '',
      international: filter.international === undefined ? '' : filter.international ? 'yes' : 'no',
      homeCountryId: HOME_COUNTRY_ID,
    };
    return this.pagedEntities('findProjects', 'read/find-project-ids', params, page);
  }

  /** The query returns every matching id in order (one filter definition, exact total); one page is then fetched. */
  private async pagedEntities(what: string, name: QueryName, params: Params, page: Page): Promise<Paged<EntityRecord>> {
    return this.read(what, async (tx) => {
      const ids = (await tx.run(cypher(name), params)).map((r) => String(r.id));
      const pageIds = ids.slice(page.offset, page.offset + page.limit);
      const found = pageIds.length
        ? (await tx.run(cypher('read/entities-by-ids'), { ids: pageIds })).map(toEntity)
        : [];
      return { items: slots(pageIds, found).filter((e): e is EntityRecord => e !== null), total: ids.length };
    });
  }

  async mentionsOfEntities(entityIds: readonly string[]): Promise<MentionRecord[]> {
    return (await this.byIds('mentionsOfEntities', 'read/mentions-of-entities', entityIds)).map(toMention);
  }

  async mentionsInPassages(passageIds: readonly string[]): Promise<MentionRecord[]> {
    return (await this.byIds('mentionsInPassages', 'read/mentions-in-passages', passageIds)).map(toMention);
  }

  async relationsOf(
    entityIds: readonly string[],
    direction: Direction,
    types?: readonly RelationType[],
  ): Promise<RelationFact[]> {
    const wanted = RELATION_TYPES.filter((t) => !types || types.includes(t));
    if (entityIds.length === 0 || wanted.length === 0) return [];
    const names: QueryName[] = direction === 'out' ? ['read/relations-from'] : direction === 'in' ? ['read/relations-to'] : ['read/relations-from', 'read/relations-to'];
    const text = this.relationsText(names, wanted);
    const rows = await this.read('relationsOf', (tx) => tx.run(text, { ids: [...new Set(entityIds)] }));
    const order = (t: string) => (RELATION_TYPES as readonly string[]).indexOf(t);
    const seen = new Set<string>();
    return rows
      .map(toRelation)
      .filter((r) => !seen.has(`${r.type}|${r.id}`) && Boolean(seen.add(`${r.type}|${r.id}`)))
      .sort(
        (a, b) =>
          order(a.type) - order(b.type) ||
          cmp(a.fromId, b.fromId) ||
          cmp(a.toId, b.toId) ||
          cmp(a.asOf ?? '', b.asOf ?? '') ||
          cmp(a.docId, b.docId) ||
          a.lineStart - b.lineStart ||
          cmp(a.id, b.id),
      );
  }

  private readonly relationsTexts = new Map<string, string>();

  private relationsText(names: readonly QueryName[], types: readonly RelationType[]): string {
    const key = `${names.join('|')}:${types.join('|')}`;
    let text = this.relationsTexts.get(key);
    if (!text) {
      text = cypherUnionForRelations(names, types);
      this.relationsTexts.set(key, text);
    }
    return text;
  }

  async factsOf(entityIds: readonly string[]): Promise<AttributeFact[]> {
    return (await this.byIds('factsOf', 'read/facts-of', entityIds)).map(toFact);
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

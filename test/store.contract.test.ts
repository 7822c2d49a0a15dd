// One GraphStore contract, run against every backend: LadybugDB always (a temp dir per test), Neo4j when NEO4J_URI
// is set (emptied through the store API before each test: point it at a scratch database).
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import type { DocumentBundle } from '../src/model/graph.ts';
import type { GraphStore } from '../src/store/GraphStore.ts';
import { StoreError } from '../src/store/errors.ts';
import { LadybugStore } from '../src/store/ladybug/LadybugStore.ts';
import { openStore, startStoreThread } from '../src/store/openStore.ts';
import { ENTITIES, IDS, buildDocA, docA, docB } from './fixtures/bundles.ts';

interface Backend {
  name: string;
  kind: GraphStore['kind'];
  skip: boolean;
  fresh(): Promise<GraphStore>;
  release(store: GraphStore): Promise<void>;
}

const tempDirs: string[] = [];
const ladybug: Backend = {
  name: 'ladybug',
  kind: 'ladybug',
  skip: false,
  async fresh() {
    const dir = await mkdtemp(join(tmpdir(), 'kg-store-'));
    tempDirs.push(dir);
    return openStore(loadConfig({ KG_DATA_DIR: dir, KG_BATCH_SIZE: '4' }));
  },
  release: (store) => store.close(),
};

// The ingest's store: LadybugDB on a worker thread behind ThreadedStore.
const ladybugOnThread: Backend = {
  ...ladybug,
  name: 'ladybug on a worker thread',
  async fresh() {
    const dir = await mkdtemp(join(tmpdir(), 'kg-store-'));
    tempDirs.push(dir);
    const store = await startStoreThread(loadConfig({ KG_DATA_DIR: dir, KG_BATCH_SIZE: '4' }));
    await store.init();
    return store;
  },
};

const neo4jUri = process.env.NEO4J_URI;
if (!neo4jUri) console.log('store contract on Neo4j skipped: NEO4J_URI not set');
const neo4jBackend: Backend = {
  name: 'neo4j',
  kind: 'neo4j',
  skip: !neo4jUri,
  async fresh() {
    const store = await openStore(loadConfig({ ...process.env, KG_STORE: 'neo4j', KG_BATCH_SIZE: '4' }));
    for (const d of await store.listDocuments()) await store.removeDocument(d.id);
    return store;
  },
  release: (store) => store.close(),
};

afterAll(async () => {
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

const ALL = { limit: 100, offset: 0 };
const INJECTIONS = ["' OR 1=1 //", '}) DETACH DELETE n //', '"}) MATCH (n) DETACH DELETE n RETURN 1 AS x //', '$ids'];

/** Everything observable about the graph, to compare before/after. */
async function snapshot(store: GraphStore) {
  const entityIds = (await store.scanEntities(null, 10_000)).map((e) => e.id);
  return {
    stats: await store.stats(),
    version: await store.graphVersion(),
    documents: await store.listDocuments(),
    passages: await store.scanPassages(null, 10_000),
    entities: await store.getEntities(entityIds),
    relations: await store.relationsOf(entityIds, 'out'),
    facts: await store.factsOf(entityIds),
    mentions: await store.mentionsOfEntities(entityIds),
  };
}

function withFact(bundle: DocumentBundle, patch: Partial<DocumentBundle['facts'][number]>): DocumentBundle {
  const facts = bundle.facts.map((f, i) => (i === bundle.facts.length - 1 ? { ...f, ...patch } : f));
  return { ...bundle, facts };
}

for (const backend of [ladybug, ladybugOnThread, neo4jBackend]) {
  describe.skipIf(backend.skip)(`GraphStore contract: ${backend.name}`, () => {
    let store: GraphStore;
    beforeEach(async () => {
      store = await backend.fresh();
    });
    afterEach(async () => {
      await backend.release(store);
    });

    const loadBoth = async () => {
      await store.replaceDocument(docA);
      await store.replaceDocument(docB);
    };

    it('reports its kind, answers ping, starts empty', async () => {
      expect(store.kind).toBe(backend.kind);
      await store.ping();
      const stats = await store.stats();
      expect(stats.documents).toBe(0);
      expect(Object.values(stats.entitiesByType).every((n) => n === 0)).toBe(true);
      expect(await store.listDocuments()).toEqual([]);
    });

    it('stores two documents, sharing the entities they both mention', async () => {
      const a = await store.replaceDocument(docA);
      expect(a).toMatchObject({ docId: IDS.docA, changed: true, passages: 5, relations: 11, facts: 5 });
      await store.replaceDocument(docB);
      const stats = await store.stats();
      expect(stats).toEqual({
        documents: 2,
        passages: 9,
        entitiesByType: { Country: 3, Organization: 5, Program: 0, Project: 2, Technology: 1, Budget: 3, Event: 0 },
        relations: 21,
        facts: 7,
      });
      const ids = (await store.scanEntities(null, 1000)).map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect((await store.findEntities({ type: 'Technology' }, ALL)).total).toBe(1);
      expect((await store.listDocuments()).find((d) => d.file === docB.document.file)?.contentHash).toBe(docB.document.contentHash);
    });

    it('re-ingesting the same content writes nothing and duplicates nothing', async () => {
      await loadBoth();
      const before = await snapshot(store);
      const again = await store.replaceDocument(docA);
      expect(again.changed).toBe(false);
      expect((await store.replaceDocument(docB)).changed).toBe(false);
      expect(await snapshot(store)).toEqual(before);
    });

    it('rewriting a document with identical content under a new hash leaves the same graph (no duplicates)', async () => {
      await loadBoth();
      const before = await snapshot(store);
      const rehashed = { ...docB, document: { ...docB.document, contentHash: 'rehashed' } };
      expect((await store.replaceDocument(rehashed)).changed).toBe(true);
      const after = await snapshot(store);
      expect(after.stats).toEqual(before.stats);
      expect(after.relations).toEqual(before.relations);
      expect(after.facts).toEqual(before.facts);
      expect(after.mentions).toEqual(before.mentions);
      expect(after.version).not.toBe(before.version);
    });

    it('replacing a changed document drops its old content and orphans, and leaves the other document alone', async () => {
      await loadBoth();
      const bPassageIds = docB.passages.map((p) => p.id);
      const bBefore = {
        passages: await store.getPassages(bPassageIds),
        mentions: await store.mentionsInPassages(bPassageIds),
      };
      const versionBefore = await store.graphVersion();
      const corrected = buildDocA('corrected');
      expect((await store.replaceDocument(corrected)).changed).toBe(true);

      expect(await store.graphVersion()).not.toBe(versionBefore);
      expect((await store.getPassages([`${IDS.docA}#p1`]))[0]).toBeNull();
      expect((await store.getPassages([`${IDS.docA}#p4`]))[0]?.text).toContain('日本側代表者:1Finity');
      // 富士通 and the Flagship budget are mentioned nowhere any more: gone, with the Flagship fact.
      expect(await store.getEntities([IDS.fujitsu, IDS.flagshipBudget])).toEqual([null, null]);
      expect(await store.factsOf([IDS.flagshipBudget])).toEqual([]);
      const leads = await store.relationsOf([IDS.projDE], 'in', ['LEAD_OF']);
      expect(leads.filter((r) => r.side === 'JP').map((r) => [r.fromId, r.docId])).toEqual([
        [IDS.oneFinity, IDS.docA],
        [IDS.oneFinity, IDS.docB],
      ]);
      const stats = await store.stats();
      expect(stats.passages).toBe(8);
      expect(stats.facts).toBe(6);
      expect(stats.entitiesByType.Organization).toBe(4);
      expect(stats.entitiesByType.Budget).toBe(2);
      expect({
        passages: await store.getPassages(bPassageIds),
        mentions: await store.mentionsInPassages(bPassageIds),
      }).toEqual(bBefore);
    });

    it('a write the database rejects midway leaves the previous graph exactly as it was', async () => {
      await loadBoth();
      const before = await snapshot(store);
      // Everything before the facts is written first; the impossible date fails inside the same transaction.
      const broken = withFact(buildDocA('corrected'), { dateStart: '2025-13-45' });
      const error = await store.replaceDocument(broken).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe('STORE_WRITE_FAILED');
      expect((error as StoreError).message).toContain(docA.document.file);
      expect((error as StoreError).message).toContain('nothing was changed');
      expect(await snapshot(store)).toEqual(before);
      expect((await store.getEntities([IDS.fujitsu]))[0]?.name).toBe('富士通');

      // A new document failing the same way leaves no trace either.
      const newDoc = withFact(
        { ...docB, document: { ...docB.document, id: 'doc:new.txt', file: 'new.txt', contentHash: 'n' } },
        { dateEnd: 'not a date' },
      );
      const relabel = <T extends { docId: string }>(xs: T[]) => xs.map((x) => ({ ...x, docId: 'doc:new.txt' }));
      const broken2: DocumentBundle = {
        ...newDoc,
        passages: newDoc.passages.map((p) => ({ ...p, id: `new-${p.id}`, docId: 'doc:new.txt' })),
        mentions: relabel(newDoc.mentions).map((m) => ({ ...m, passageId: `new-${m.passageId}` })),
        relations: relabel(newDoc.relations).map((r) => ({ ...r, id: `new-${r.id}`, passageId: `new-${r.passageId}` })),
        facts: relabel(newDoc.facts).map((f) => ({ ...f, id: `new-${f.id}`, passageId: `new-${f.passageId}` })),
      };
      await expect(store.replaceDocument(broken2)).rejects.toMatchObject({ code: 'STORE_WRITE_FAILED' });
      expect(await snapshot(store)).toEqual(before);
    });

    it('refuses an inconsistent bundle before writing, naming the file and the record', async () => {
      await store.replaceDocument(docA);
      const before = await snapshot(store);
      const dangling = { ...docB, relations: [{ ...docB.relations[0]!, toId: 'org:NOT_IN_BUNDLE' }] };
      const error = await store.replaceDocument(dangling).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'STORE_INVALID_BUNDLE' });
      expect((error as Error).message).toContain(docB.document.file);
      expect((error as Error).message).toContain('org:NOT_IN_BUNDLE');
      expect(await snapshot(store)).toEqual(before);
    });

    it('keeps the union of aliases and finds entities by any name, in either language, full-width or not', async () => {
      await loadBoth();
      const [apn] = await store.getEntities([IDS.apn]);
      // docB lists only "APN": the aliases docA contributed stay.
      expect(apn?.aliases).toEqual(expect.arrayContaining(['APN', 'All-Photonics Network', 'オール光ネットワーク']));
      for (const term of ['APN', 'ＡＰＮ', 'apn', 'All-Photonics Network', 'all-photonics  network', 'オール光ネットワーク', 'tech:apn']) {
        expect(await store.resolveEntityIds(term), term).toEqual([IDS.apn]);
      }
      expect(await store.resolveEntityIds('Ericsson France')).toEqual([IDS.ericssonFr]);
      expect(await store.resolveEntityIds('エリクソンフランス')).toEqual([IDS.ericssonFr]);
      expect(await store.resolveEntityIds('ドイツ', 'Country')).toEqual([IDS.germany]);
      expect(await store.resolveEntityIds('DE')).toEqual([IDS.germany]);
      expect(await store.resolveEntityIds('ドイツ', 'Organization')).toEqual([]);
      expect(await store.resolveEntityIds('オール光')).toEqual([]);
      expect(await store.resolveEntityIds('   ')).toEqual([]);
    });

    it('findProjects filters by technology, country, partner and international, in either language', async () => {
      await loadBoth();
      const ids = async (filter: Parameters<GraphStore['findProjects']>[0]) =>
        (await store.findProjects(filter, ALL)).items.map((p) => p.id);
      expect(await ids({})).toEqual([IDS.projEU, IDS.projDE]);
      for (const covers of ['APN', 'オール光ネットワーク', 'All-Photonics Network', 'ＡＰＮ']) {
        expect(await ids({ covers }), covers).toEqual([IDS.projDE]);
      }
      for (const country of ['DE', 'ドイツ', 'Germany', 'country:DE']) {
        expect(await ids({ country }), country).toEqual([IDS.projDE]);
      }
      expect(await ids({ country: 'EU' })).toEqual([IDS.projEU]);
      expect(await ids({ country: '日本' })).toEqual([IDS.projEU, IDS.projDE]);
      expect(await ids({ partner: 'Ericsson France' })).toEqual([IDS.projEU]);
      expect(await ids({ partner: '1FINITY' })).toEqual([IDS.projDE]);
      expect(await ids({ partner: 'Adtran' })).toEqual([IDS.projDE]);
      expect(await ids({ international: true })).toEqual([IDS.projEU, IDS.projDE]);
      expect(await ids({ international: false })).toEqual([]);
      expect(await ids({ covers: 'APN', country: 'EU' })).toEqual([]);
      expect(await ids({ covers: 'APN', partner: 'アドラン' })).toEqual([IDS.projDE]);
      const page = await store.findProjects({ international: true }, { limit: 1, offset: 1 });
      expect(page.total).toBe(2);
      expect(page.items.map((p) => p.id)).toEqual([IDS.projDE]);
    });

    it('relationsOf carries type, direction, provenance and the document date', async () => {
      await loadBoth();
      const leads = await store.relationsOf([IDS.projDE], 'in', ['LEAD_OF']);
      expect(leads.map((r) => [r.fromId, r.side, r.docId, r.asOf, r.lineStart])).toEqual([
        [IDS.oneFinity, 'JP', IDS.docB, '2026-03-09', 613],
        [IDS.adtran, 'DE', IDS.docA, '2025-10-16', 489],
        [IDS.adtran, 'DE', IDS.docB, '2026-03-09', 615],
        [IDS.fujitsu, 'JP', IDS.docA, '2025-10-16', 488],
      ]);
      const fujitsu = leads.find((r) => r.fromId === IDS.fujitsu)!;
      const expected = docA.relations.find((r) => r.fromId === IDS.fujitsu)!;
      expect(fujitsu).toEqual(expected);

      const out = await store.relationsOf([IDS.projDE], 'out');
      expect(new Set(out.map((r) => r.type))).toEqual(new Set(['COVERS', 'BETWEEN', 'HAS_BUDGET']));
      expect(out.every((r) => r.fromId === IDS.projDE)).toBe(true);
      const both = await store.relationsOf([IDS.projDE], 'both');
      expect(both.length).toBe(out.length + (await store.relationsOf([IDS.projDE], 'in')).length);
      expect(await store.relationsOf([IDS.apn], 'out')).toEqual([]);
      expect((await store.relationsOf([IDS.apn], 'in', ['COVERS'])).map((r) => r.docId).sort()).toEqual([IDS.docA, IDS.docB]);
      expect(await store.relationsOf([], 'both')).toEqual([]);
    });

    it('factsOf and entities keep values, dates, numbers and provenance', async () => {
      await loadBoth();
      const facts = await store.factsOf([IDS.projDE]);
      const periods = facts.filter((f) => f.predicate === 'PERIOD');
      expect(periods.map((f) => [f.asOf, f.dateStart, f.dateEnd, f.docId])).toEqual([
        ['2025-10-16', '2025-06-01', '2028-03-31', IDS.docA],
        ['2026-03-09', '2025-06-01', '2028-03-31', IDS.docB],
      ]);
      expect(facts.find((f) => f.predicate === 'QUANTITY')).toMatchObject({ num: 3, unit: '年', lineStart: 485 });
      const stored = facts.find((f) => f.docId === IDS.docA && f.predicate === 'PERIOD')!;
      expect(stored).toEqual(docA.facts.find((f) => f.id === stored.id));
      expect((await store.factsOf([IDS.flagshipBudget]))[0]).toMatchObject({ num: 2.5, unit: '億ユーロ' });
      const [flagship, budgetDE] = await store.getEntities([IDS.flagshipBudget, IDS.budgetDE]);
      expect(flagship).toEqual(ENTITIES.flagshipBudget);
      expect(budgetDE).toMatchObject({ amountJpy: 100_000_000, qualifiers: ['per year', 'upper bound'] });
    });

    it('batch getters return one slot per id, in order, null where absent', async () => {
      await loadBoth();
      const docs = await store.getDocuments([IDS.docB, 'doc:none', IDS.docA]);
      expect(docs.map((d) => d?.id ?? null)).toEqual([IDS.docB, null, IDS.docA]);
      expect(docs[2]).toEqual(docA.document);
      const passages = await store.getPassages([docB.passages[2]!.id, 'nope', docA.passages[0]!.id]);
      expect(passages).toEqual([docB.passages[2], null, docA.passages[0]]);
      const entities = await store.getEntities([IDS.utokyo, 'x', IDS.utokyo]);
      expect(entities.map((e) => e?.id ?? null)).toEqual([IDS.utokyo, null, IDS.utokyo]);
      expect(await store.getEntities([])).toEqual([]);
    });

    it('mentions by entity and by passage carry surface, count and document', async () => {
      await loadBoth();
      const ofEricsson = await store.mentionsOfEntities([IDS.ericssonFr]);
      expect(ofEricsson.map((m) => [m.docId, m.surface, m.count])).toEqual([
        [IDS.docA, 'エリクソンフランス', 1],
        [IDS.docB, 'エリクソンフランス', 1],
      ]);
      const inPassage = await store.mentionsInPassages([docA.passages[2]!.id]);
      expect(inPassage.map((m) => [m.entityId, m.surface]).sort()).toEqual(
        [
          [IDS.apn, 'APN'],
          [IDS.apn, 'オール光ネットワーク'],
          [IDS.japan, '我が国'],
        ].sort(),
      );
    });

    it('scans passages and entities in id order, page by page', async () => {
      await loadBoth();
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await store.scanPassages(after, 4);
        if (page.length === 0) break;
        seen.push(...page.map((p) => p.id));
        after = page[page.length - 1]!.id;
      }
      const expected = [...docA.passages, ...docB.passages].map((p) => p.id).sort();
      expect(seen).toEqual(expected);
      const allIds = [...new Set([...docA.entities, ...docB.entities].map((e) => e.id))].sort();
      const entities = await store.scanEntities(IDS.japan, 2);
      expect(entities.map((e) => e.id)).toEqual(allIds.filter((id) => id > IDS.japan).slice(0, 2));
    });

    it('findEntities matches names in both languages, filters by type, orders and pages', async () => {
      await loadBoth();
      expect((await store.findEntities({ text: 'photonics' }, ALL)).items.map((e) => e.id)).toEqual([IDS.apn]);
      expect((await store.findEntities({ text: 'エリクソン' }, ALL)).items.map((e) => e.id)).toEqual([IDS.ericssonFr]);
      expect((await store.findEntities({ text: 'ＦＲＡＮＣＥ' }, ALL)).items.map((e) => e.id)).toEqual([IDS.ericssonFr]);
      const orgs = await store.findEntities({ type: 'Organization' }, { limit: 2, offset: 0 });
      expect(orgs.total).toBe(5);
      expect(orgs.items).toHaveLength(2);
      expect(orgs.items.every((e) => e.type === 'Organization')).toBe(true);
      const byMentions = await store.findEntities({ orderBy: 'mentions' }, { limit: 1, offset: 0 });
      expect(byMentions.items[0]?.id).toBe(IDS.apn);
      const byType = await store.findEntities({ orderBy: 'type' }, ALL);
      const types = byType.items.map((e) => e.type);
      expect(types).toEqual([...types].sort());
    });

    it('removeDocument removes one document and what only it supported; twice is harmless', async () => {
      await loadBoth();
      const version = await store.graphVersion();
      await store.removeDocument(IDS.docA);
      expect(await store.graphVersion()).not.toBe(version);
      expect((await store.listDocuments()).map((d) => d.id)).toEqual([IDS.docB]);
      expect(await store.getEntities([IDS.fujitsu, IDS.oneFinity])).toEqual([null, expect.objectContaining({ id: IDS.oneFinity })]);
      expect((await store.stats()).passages).toBe(docB.passages.length);
      const after = await snapshot(store);
      await store.removeDocument(IDS.docA);
      expect(await snapshot(store)).toEqual(after);
    });

    it('treats Cypher-looking input as plain values: matches nothing, changes nothing', async () => {
      await loadBoth();
      const before = await snapshot(store);
      for (const evil of INJECTIONS) {
        expect(await store.resolveEntityIds(evil)).toEqual([]);
        expect((await store.findEntities({ text: evil }, ALL)).total).toBe(0);
        expect((await store.findProjects({ covers: evil, partner: evil }, ALL)).total).toBe(0);
        expect(await store.getEntities([evil])).toEqual([null]);
        expect(await store.relationsOf([evil], 'both')).toEqual([]);
        expect(await store.getDocuments([evil])).toEqual([null]);
        await store.removeDocument(evil);
      }
      expect(await snapshot(store)).toEqual(before);
    });

    it('stores and returns text that looks like Cypher verbatim', async () => {
      const evil = INJECTIONS[1]!;
      const bundle = {
        ...docA,
        entities: docA.entities.map((e) => (e.id === IDS.utokyo ? { ...e, aliases: [...e.aliases, evil] } : e)),
      };
      await store.replaceDocument(bundle);
      expect(await store.resolveEntityIds(evil)).toEqual([IDS.utokyo]);
      expect((await store.getEntities([IDS.utokyo]))[0]?.aliases).toContain(evil);
      expect((await store.stats()).documents).toBe(1);
    });
  });
}

describe('LadybugStore: data directory errors', () => {
  it('a second process opening the same data directory gets STORE_LOCKED naming the directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kg-lock-'));
    tempDirs.push(dir);
    const holder = new LadybugStore({ dataDir: dir, batchSize: 10 });
    await holder.init();
    try {
      const storeModule = new URL('../src/store/ladybug/LadybugStore.ts', import.meta.url).href;
      const code = `
        const { LadybugStore } = await import(${JSON.stringify(storeModule)});
        try { await new LadybugStore({ dataDir: ${JSON.stringify(dir)}, batchSize: 10 }).init(); console.log('opened'); }
        catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message })); process.exit(3); }`;
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(child.status, child.stderr).toBe(3);
      const reported = JSON.parse(child.stdout.trim().split('\n').pop()!) as { code: string; message: string };
      expect(reported.code).toBe('STORE_LOCKED');
      expect(reported.message).toBe(
        `data directory ${dir} is in use by another process (is the server or another ingest running?)`,
      );
    } finally {
      await holder.close();
    }
  });

  it('a data directory whose parent is missing gets STORE_UNAVAILABLE naming the path', async () => {
    const base = await mkdtemp(join(tmpdir(), 'kg-missing-'));
    tempDirs.push(base);
    const dataDir = join(base, 'no', 'such', 'data');
    const error = await new LadybugStore({ dataDir, batchSize: 10 }).init().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect((error as Error).message).toContain(join(base, 'no', 'such'));
  });

  it('on a worker thread, an error keeps its class and code: STORE_UNAVAILABLE at open, STORE_INVALID_BUNDLE on write', async () => {
    const base = await mkdtemp(join(tmpdir(), 'kg-thread-'));
    tempDirs.push(base);
    const missing = join(base, 'no', 'such', 'data');
    const openError = await (await startStoreThread(loadConfig({ KG_DATA_DIR: missing }))).init().catch((e: unknown) => e);
    expect(openError).toBeInstanceOf(StoreError);
    expect(openError).toMatchObject({ code: 'STORE_UNAVAILABLE', name: 'StoreUnavailableError' });
    expect((openError as Error).message).toContain(join(base, 'no', 'such'));

    const store = await startStoreThread(loadConfig({ KG_DATA_DIR: join(base, 'data') }));
    try {
      const broken = { ...docA, passages: [...docA.passages, docA.passages[0]!] };
      const writeError = await store.replaceDocument(broken).catch((e: unknown) => e);
      expect(writeError).toBeInstanceOf(StoreError);
      expect(writeError).toMatchObject({ code: 'STORE_INVALID_BUNDLE', message: expect.stringContaining('appears twice') });
      expect((await store.stats()).documents).toBe(0);
      expect((await store.replaceDocument(docA)).changed).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('creates a missing data directory and reopens an existing database with its content', async () => {
    const base = await mkdtemp(join(tmpdir(), 'kg-reopen-'));
    tempDirs.push(base);
    const dataDir = join(base, 'data');
    const first = new LadybugStore({ dataDir, batchSize: 10 });
    await first.init();
    await first.replaceDocument(docA);
    const version = await first.graphVersion();
    await first.close();
    const second = new LadybugStore({ dataDir, batchSize: 10 });
    await second.init();
    try {
      expect(await second.graphVersion()).toBe(version);
      expect((await second.replaceDocument(docA)).changed).toBe(false);
    } finally {
      await second.close();
    }
  });
});

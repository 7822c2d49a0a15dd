// Resolvers over HTTP on the fixture documents (test/fixtures/bundles.ts: the 2025-10-16 and 2026-03-09 decks):
// project filters by every alias form, current vs superseded partners, period history, provenance of every fact,
// entity lookup in both languages, search/suggest shapes and cursor pagination.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentBundle } from '../src/model/graph.ts';
import { docA, IDS } from './fixtures/bundles.ts';
import { startHarness, type Harness } from './apiHarness.ts';

const SOURCE = 'source { document { id file title date } lineStart lineEnd quote }';
const FILE_A = '000_76e89f63a03d41e7.txt';
const FILE_B = '001_2089f0eb9d58c753.txt';

describe('resolvers on the fixture documents', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function data(query: string, variables?: Record<string, unknown>) {
    const res = await h.gql(query, variables);
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
    expect(res.status).toBe(200);
    return res.body.data!;
  }

  describe('projects', () => {
    it.each(['APN', 'All-Photonics Network', 'オール光ネットワーク', 'ＡＰＮ', 'apn', IDS.apn])(
      'covers: %s finds the one international project on APN',
      async (covers) => {
        const d = await data('query($c: String) { projects(filter: { covers: $c, international: true }) { totalCount nodes { id international } } }', {
          c: covers,
        });
        expect(d.projects).toEqual({ totalCount: 1, nodes: [{ id: IDS.projDE, international: true }] });
      },
    );

    it('filters by country and partner in either language, and an unknown name matches nothing', async () => {
      const ids = async (filter: Record<string, unknown>) =>
        (await data('query($f: ProjectFilter) { projects(filter: $f) { nodes { id } } }', { f: filter })).projects.nodes.map(
          (n: { id: string }) => n.id,
        );
      expect(await ids({ country: 'ドイツ' })).toEqual([IDS.projDE]);
      expect(await ids({ country: 'Germany' })).toEqual([IDS.projDE]);
      expect(await ids({ country: 'EU' })).toEqual([IDS.projEU]);
      expect(await ids({ partner: 'Ericsson France' })).toEqual([IDS.projEU]);
      expect(await ids({ partner: '1Finity' })).toEqual([IDS.projDE]);
      expect(await ids({ covers: 'quantum teleportation' })).toEqual([]);
      expect((await ids({})).sort()).toEqual([IDS.projDE, IDS.projEU].sort());
    });

    it('lists the current leads only: 1Finity (2026-03-09) has replaced 富士通 as the Japanese lead', async () => {
      const d = await data(`query($id: ID!) { entity(id: $id) { ... on Project {
        partners { organization { id name } kind side role asOf current ${SOURCE} sources { document { file } lineStart } }
      } } }`, { id: IDS.projDE });
      const partners = d.entity.partners;
      expect(partners.map((p: any) => [p.organization.id, p.side, p.role, p.current]).sort()).toEqual(
        [
          [IDS.adtran, 'DE', '代表者', true],
          [IDS.oneFinity, 'JP', '代表者', true],
        ].sort(),
      );
      const oneFinity = partners.find((p: any) => p.organization.id === IDS.oneFinity);
      expect(oneFinity).toMatchObject({
        kind: 'LEAD',
        asOf: '2026-03-09',
        source: { document: { file: FILE_B, date: '2026-03-09' }, lineStart: 613, lineEnd: 613, quote: '日本側代表者: 1Finity' },
      });
      // The German lead is stated by both decks: one entry, both sources, newest first.
      const adtran = partners.find((p: any) => p.organization.id === IDS.adtran);
      expect(adtran.sources).toEqual([
        { document: { file: FILE_B }, lineStart: 615 },
        { document: { file: FILE_A }, lineStart: 489 },
      ]);
    });

    it('keeps the superseded lead reachable with includeHistory, marked current: false with its own source', async () => {
      const d = await data(`query($id: ID!) { entity(id: $id) { ... on Project {
        partners(includeHistory: true) { organization { id } side current asOf ${SOURCE} }
      } } }`, { id: IDS.projDE });
      const fujitsu = d.entity.partners.filter((p: any) => p.organization.id === IDS.fujitsu);
      expect(fujitsu).toEqual([
        {
          organization: { id: IDS.fujitsu },
          side: 'JP',
          current: false,
          asOf: '2025-10-16',
          source: {
            document: { id: IDS.docA, file: FILE_A, title: '国際連携に向けた取組', date: '2025-10-16' },
            lineStart: 488,
            lineEnd: 488,
            quote: '日本側代表者：富士通',
          },
        },
      ]);
      expect(d.entity.partners.filter((p: any) => p.current)).toHaveLength(2);
    });

    it('tells the organizations their role is history or current', async () => {
      const d = await data(`{
        fujitsu: entity(id: "${IDS.fujitsu}") { ... on Organization { projects { project { id } current side role } } }
        oneFinity: entity(id: "${IDS.oneFinity}") { ... on Organization { projects { project { id } current } } }
      }`);
      expect(d.fujitsu.projects).toEqual([{ project: { id: IDS.projDE }, current: false, side: 'JP', role: '代表者' }]);
      expect(d.oneFinity.projects).toEqual([{ project: { id: IDS.projDE }, current: true }]);
    });

    it('gives the period, budget, theme, countries and technologies of a project, each with its source', async () => {
      const d = await data(`query($id: ID!) { entity(id: $id) { ... on Project {
        theme international
        period { start end text asOf current ${SOURCE} sources { document { file } } }
        periodHistory { start }
        budget { amountJpy text perYear budget { id } ${SOURCE} }
        countries { id } covers { id name }
      } } }`, { id: IDS.projDE });
      const p = d.entity;
      expect(p.theme).toMatch(/^オール光ネットワークの高度化に向けたデジタルツイン技術/);
      expect(p.period).toMatchObject({
        start: '2025-06-01',
        end: '2028-03-31',
        asOf: '2026-03-09',
        current: true,
        source: { document: { file: FILE_B }, lineStart: 609 },
      });
      // Same dates in both decks (only the wording differs): no invented history.
      expect(p.period.sources).toHaveLength(2);
      expect(p.periodHistory).toEqual([]);
      expect(p.budget).toMatchObject({
        amountJpy: 100_000_000,
        text: '各年度最大1億円(日本側)',
        perYear: true,
        budget: { id: IDS.budgetDE },
        source: { document: { file: FILE_B }, lineStart: 611, quote: '予算: 各年度最大1億円(日本側)' },
      });
      expect(p.countries.map((c: any) => c.id).sort()).toEqual([IDS.germany, IDS.japan].sort());
      expect(p.covers).toEqual([{ id: IDS.apn, name: 'オール光ネットワーク' }]);
    });
  });

  describe('entities', () => {
    it.each([
      ['Ericsson France', IDS.ericssonFr],
      ['エリクソン', IDS.ericssonFr],
      ['university of tokyo', IDS.utokyo],
      ['東大', IDS.utokyo],
      ['ＡＰＮ', IDS.apn],
    ])('query %s finds %s', async (query, id) => {
      const d = await data('query($q: String) { entities(query: $q) { nodes { id } } }', { q: query });
      expect(d.entities.nodes.map((n: { id: string }) => n.id)).toContain(id);
    });

    it('filters by type and resolves the concrete type', async () => {
      const d = await data('{ entities(type: Organization, first: 100) { totalCount nodes { __typename type } } }');
      expect(d.entities.totalCount).toBe(5);
      expect(new Set(d.entities.nodes.map((n: any) => `${n.__typename}/${n.type}`))).toEqual(new Set(['Organization/Organization']));
    });

    it('pages with opaque cursors until hasNextPage is false, without gaps or repeats', async () => {
      const all = await data('{ entities(first: 100) { totalCount nodes { id } } }');
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 50; i++) {
        const page: any = (await data('query($a: String) { entities(first: 3, after: $a) { totalCount edges { cursor node { id } } pageInfo { endCursor hasNextPage } } }', { a: after })).entities;
        expect(page.totalCount).toBe(all.entities.totalCount);
        seen.push(...page.edges.map((e: any) => e.node.id));
        expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(all.entities.nodes.map((n: any) => n.id));
    });

    it('answers null for an unknown id', async () => {
      expect((await data('{ entity(id: "org:NOPE") { id } }')).entity).toBeNull();
    });

    it('gives mentions, facts and relations with where they came from', async () => {
      const d = await data(`{ entity(id: "${IDS.apn}") {
        name nameEn aliases mentionCount
        mentions(first: 2) { surface passage { id } source { document { file } lineStart lineEnd quote } }
        relations { type direction current other { id } ${SOURCE} }
        ... on Technology { coveredBy { id } }
      } }`);
      const e = d.entity;
      expect(e.aliases).toEqual(expect.arrayContaining(['APN', 'All-Photonics Network']));
      expect(e.mentionCount).toBeGreaterThanOrEqual(5);
      expect(e.mentions).toHaveLength(2);
      for (const m of e.mentions) {
        expect([FILE_A, FILE_B]).toContain(m.source.document.file);
        expect(m.source.lineStart).toBeGreaterThan(0);
        expect(m.source.quote.length).toBeGreaterThan(0);
      }
      expect(e.coveredBy).toEqual([{ id: IDS.projDE }]);
      // COVERS is stated by both decks and accumulates: one current relation, newest source.
      expect(e.relations).toEqual([
        expect.objectContaining({ type: 'COVERS', direction: 'in', current: true, other: { id: IDS.projDE } }),
      ]);
      expect(e.relations[0].source.document.file).toBe(FILE_B);
    });
  });

  describe('documents, search and suggest', () => {
    it('lists documents newest first with their passage counts, and finds one by id or file name', async () => {
      const d = await data(`{ documents { id file title date passageCount }
        byFile: document(id: "${FILE_A}") { id } byId: document(id: "${IDS.docA}") { file } none: document(id: "nope.txt") { id } }`);
      expect(d.documents.map((x: any) => [x.file, x.date, x.passageCount])).toEqual([
        [FILE_B, '2026-03-09', 4],
        [FILE_A, '2025-10-16', docA.passages.length],
      ]);
      expect(d.byFile).toEqual({ id: IDS.docA });
      expect(d.byId).toEqual({ file: FILE_A });
      expect(d.none).toBeNull();
    });

    it('search returns passages with document, lines, section, snippet and entities', async () => {
      const d = await data(`{ search(query: "APN", first: 10) {
        totalCount pageInfo { hasNextPage }
        nodes { score snippet snippetHighlights { start end }
          passage { id text document { id file title date } lineStart lineEnd section sectionPath }
          entities { id type name } }
        interpretation { entities { entity { id } matched expandedTo } tokens }
        facets { documents { key label count } }
      } }`);
      const s = d.search;
      expect(s.totalCount).toBeGreaterThan(0);
      expect(s.nodes.length).toBeGreaterThan(0);
      for (const n of s.nodes) {
        expect([FILE_A, FILE_B]).toContain(n.passage.document.file);
        expect(n.passage.lineEnd).toBeGreaterThanOrEqual(n.passage.lineStart);
        expect(n.score).toBeGreaterThan(0);
        for (const hl of n.snippetHighlights) expect(hl.end).toBeLessThanOrEqual(n.snippet.length);
      }
      expect(s.nodes.some((n: any) => n.entities.some((e: any) => e.id === IDS.apn))).toBe(true);
      expect(s.interpretation.entities.map((x: any) => x.entity.id)).toContain(IDS.apn);
      const sectioned = s.nodes.find((n: any) => n.passage.sectionPath.length > 0);
      if (sectioned) expect(sectioned.passage.section).toBe(sectioned.passage.sectionPath.join(' › '));
    });

    it('search pages with cursors and answers a blank query with an empty page', async () => {
      const first = (await data('{ search(query: "APN", first: 1) { totalCount edges { cursor node { passage { id } } } pageInfo { endCursor hasNextPage } } }')).search;
      expect(first.edges).toHaveLength(1);
      if (first.totalCount > 1) {
        expect(first.pageInfo.hasNextPage).toBe(true);
        const second = (await data('query($a: String) { search(query: "APN", first: 1, after: $a) { nodes { passage { id } } } }', { a: first.pageInfo.endCursor })).search;
        expect(second.nodes[0].passage.id).not.toBe(first.edges[0].node.passage.id);
      }
      expect((await data('{ search(query: "   ") { totalCount nodes { score } } }')).search).toEqual({ totalCount: 0, nodes: [] });
    });

    it('suggest completes names and aliases in both languages', async () => {
      const en = (await data('{ suggest(prefix: "Ericsson") { label entity { id type } } }')).suggest;
      expect(en.map((s: any) => s.entity.id)).toContain(IDS.ericssonFr);
      const ja = (await data('{ suggest(prefix: "アドラン") { entity { id } } }')).suggest;
      expect(ja.map((s: any) => s.entity.id)).toContain(IDS.adtran);
      expect((await data('{ suggest(prefix: "") { label } }')).suggest).toEqual([]);
    });
  });
});

/** A later deck (2026-06-01) that moves the Japan–Germany project's start: the newest statement becomes current. */
function laterDeck(): DocumentBundle {
  const docId = 'doc:002_later.txt';
  const passageId = `${docId}#p0`;
  const quote = '期間: 2025年9月から開始。最大3年間(2028年度まで)';
  return {
    document: {
      id: docId,
      file: '002_later.txt',
      title: '後日の資料',
      date: '2026-06-01',
      dateSource: 'text',
      contentHash: 'later-deck',
      encoding: 'utf-8',
      lineCount: 20,
      charCount: 200,
      ingestedAt: '2026-06-02T00:00:00.000Z',
    },
    passages: [{ id: passageId, docId, ordinal: 0, text: quote, lineStart: 12, lineEnd: 12, section: ['日独'], kind: 'paragraph' }],
    entities: [docA.entities.find((e) => e.id === IDS.projDE)!],
    mentions: [{ entityId: IDS.projDE, passageId, docId, surface: '日独', count: 1 }],
    relations: [],
    facts: [
      {
        id: 'fact:later-period',
        subjectId: IDS.projDE,
        predicate: 'PERIOD',
        value: '2025年9月から開始。最大3年間(2028年度まで)',
        num: null,
        unit: null,
        dateStart: '2025-09-01',
        dateEnd: '2029-03-31',
        docId,
        passageId,
        lineStart: 12,
        lineEnd: 12,
        quote,
        asOf: '2026-06-01',
      },
    ],
  };
}

describe('period history', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ extraBundles: [laterDeck()] });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('makes the newest period current and keeps the older one as history with its source', async () => {
    const res = await h.gql(`{ entity(id: "${IDS.projDE}") { ... on Project {
      period { start end asOf current source { document { file date } lineStart } }
      periodHistory { start end asOf current sources { document { file } lineStart } }
      periods(includeHistory: true) { start current }
      current: periods { start }
    } } }`);
    expect(res.body.errors).toBeUndefined();
    const p = res.body.data!.entity;
    expect(p.period).toEqual({
      start: '2025-09-01',
      end: '2029-03-31',
      asOf: '2026-06-01',
      current: true,
      source: { document: { file: '002_later.txt', date: '2026-06-01' }, lineStart: 12 },
    });
    expect(p.periodHistory).toEqual([
      {
        start: '2025-06-01',
        end: '2028-03-31',
        asOf: '2026-03-09',
        current: false,
        sources: [
          { document: { file: FILE_B }, lineStart: 609 },
          { document: { file: FILE_A }, lineStart: 485 },
        ],
      },
    ]);
    expect(p.periods).toEqual([
      { start: '2025-09-01', current: true },
      { start: '2025-06-01', current: false },
    ]);
    expect(p.current).toEqual([{ start: '2025-09-01' }]);
  });
});

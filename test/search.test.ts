// Search over the real LadybugDB store and the real kuromoji dictionary, on hand-made bundles that pin the traps.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchService, type SearchServiceHandle } from '../src/search/createSearchService.ts';
import { SearchInputError } from '../src/search/errors.ts';
import type { SearchResult } from '../src/search/SearchService.ts';
import type { GraphStore } from '../src/store/GraphStore.ts';
import { openTestStore } from './fixtures/eval/openTestStore.ts';
import { SEARCH_BUNDLES, passageWith } from './fixtures/eval/searchBundles.ts';

let dir: string;
let store: GraphStore;
let search: SearchServiceHandle;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kg-search-'));
  store = await openTestStore(join(dir, 'db'));
  for (const b of SEARCH_BUNDLES) await store.replaceDocument(b);
  search = await createSearchService({ store, cacheDir: join(dir, 'cache') });
});

afterAll(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

const run = (query: string, limit = 10) => search.search({ query, limit, offset: 0 });
const ids = (r: SearchResult) => r.hits.map((h) => h.passageId);

describe('substring traps', () => {
  it('京都 finds nothing: 東京 and 東京都 share characters, not the word', async () => {
    const r = await run('京都');
    expect(r.total).toBe(0);
    expect(r.hits).toEqual([]);
  });

  it('インド ranks the country above インド太平洋', async () => {
    const r = await run('インド');
    expect(ids(r)[0]).toBe(passageWith('インドとの'));
    expect(ids(r).indexOf(passageWith('インド太平洋'))).toBeGreaterThan(0);
  });

  it('5G ranks 5G passages above Beyond 5G', async () => {
    const r = await run('5G');
    const beyond = ids(r).indexOf(passageWith('Beyond 5G'));
    expect(ids(r).slice(0, 2).sort()).toEqual([passageWith('5G基地局'), passageWith('５Ｇの普及')].sort());
    expect(beyond).toBe(2);
  });

  it('full-width ５Ｇ is the same query as 5G', async () => {
    expect(ids(await run('５Ｇ'))).toEqual(ids(await run('5G')));
  });

  it('G7 does not match G20', async () => {
    const r = await run('G7');
    expect(ids(r)).toEqual([passageWith('G7デジタル')]);
  });

  it('フランス finds the country programme first and the nested エリクソンフランス too', async () => {
    const r = await run('フランス');
    expect(ids(r)).toEqual([passageWith('フランス2030'), passageWith('エリクソンフランス')]);
  });

  it('words inside longer words: 光ネットワーク in オール光ネットワーク, 考え in 考える', async () => {
    expect(ids(await run('光ネットワーク'))[0]).toBe(passageWith('東京大学がオール光'));
    expect(ids(await run('光ネットワーク'))).not.toContain(passageWith('アドラン'));
    expect(ids(await run('考え'))).toEqual([passageWith('考える')]);
  });

  it('1161億 finds 1,161.4億円', async () => {
    expect(ids(await run('1161億'))[0]).toBe(passageWith('1,161.4億円'));
  });

  it('a word-order variant matches: 海底光ケーブル ~ 光海底ケーブル', async () => {
    expect(ids(await run('海底光ケーブル'))).toContain(passageWith('光海底ケーブル'));
  });
});

describe('entities and cross-language queries', () => {
  it('Ericsson France finds エリクソンフランス and says why', async () => {
    const r = await run('Ericsson France');
    expect(ids(r)[0]).toBe(passageWith('エリクソンフランス'));
    expect(r.interpretation.entities.map((e) => e.entityId)).toEqual(['org:EricssonFR']);
  });

  it('Adran Networks and Adran alone find アドラン・ネットワークSE社', async () => {
    for (const q of ['Adran Networks', 'Adran', 'adran netwroks']) {
      expect(ids(await run(q))[0], q).toBe(passageWith('アドラン'));
    }
  });

  it('All-Photonics Network expands to オール光ネットワーク and APN', async () => {
    const r = await run('All-Photonics Network');
    expect(ids(r).sort()).toEqual([passageWith('東京大学がオール光'), passageWith('APNで接続')].sort());
    const apn = r.interpretation.entities.find((e) => e.entityId === 'tech:APN');
    expect(apn?.expandedTo).toEqual(expect.arrayContaining(['オール光ネットワーク', 'APN']));
  });

  it('MIRAI HARMONY and Hexa-X-II are found with and without hyphens', async () => {
    expect(ids(await run('MIRAI HARMONY'))).toEqual([passageWith('MIRAI')]);
    expect(ids(await run('Hexa-X-II'))).toEqual([passageWith('Hexa-X-II')]);
    expect(ids(await run('hexa x ii'))).toEqual([passageWith('Hexa-X-II')]);
  });

  it('the distinctive end of a longer name names the entity (MIRAI HARMONY → 6G-MIRAI-HARMONY); its beginning does not', async () => {
    expect((await run('MIRAI HARMONY')).interpretation.entities.map((e) => e.entityId)).toEqual(['project:MIRAI']);
    expect((await run('6G MIRAI')).interpretation.entities).toEqual([]);
  });

  it('Japan Germany joint research puts the 日独 passage first through the countries in the graph', async () => {
    const r = await run('Japan Germany joint research');
    expect(ids(r)[0]).toBe(passageWith('日独'));
    expect(r.interpretation.entities.map((e) => e.entityId).sort()).toEqual(['country:DE', 'country:JP']);
  });

  it('NICT ワークショップ matches the spaced-out N I C T', async () => {
    expect(ids(await run('NICT ワークショップ'))[0]).toBe(passageWith('N I C T'));
  });
});

describe('hits, facets and filters', () => {
  it('highlights point at the matched text inside the snippet', async () => {
    const r = await run('All-Photonics Network');
    for (const h of r.hits) {
      expect(h.highlights.length).toBeGreaterThan(0);
      for (const hl of h.highlights) expect(['オール光ネットワーク', 'APN']).toContain(h.snippet.slice(hl.start, hl.end));
      expect(h.entityIds[0]).toBe('tech:APN');
    }
  });

  it('facets count the full result set; filters narrow it', async () => {
    const all = await run('ワークショップ', 1);
    expect(all.total).toBe(2);
    expect(all.hits).toHaveLength(1);
    expect(all.facets.documents).toEqual([{ key: 'doc:search-b.txt', label: '検索テストB', count: 2 }]);
    expect(all.facets.entities).toEqual([{ key: 'org:NICT', label: '情報通信研究機構', count: 1 }]);
    expect(all.facets.entityTypes).toEqual([{ key: 'Organization', label: 'Organization', count: 1 }]);

    const f = (filter: object) => search.search({ query: '5G', limit: 10, offset: 0, filter });
    expect((await f({ documents: ['search-b.txt'] })).total).toBe(1);
    expect((await f({ dateTo: '2025-12-31' })).total).toBe(2);
    expect((await f({ dateFrom: '2026-01-01', dateTo: '2026-12-31' })).total).toBe(1);
    expect((await f({ entities: ['tech:B5G'] })).hits.map((h) => h.passageId)).toEqual([passageWith('Beyond 5G')]);
    expect((await f({ entityTypes: ['Country'] })).hits.map((h) => h.passageId)).toEqual([passageWith('5G基地局')]);
  });

  it('suggest completes entity names in both languages', async () => {
    expect((await search.suggest('エリ', 5)).map((s) => s.entityId)).toEqual(['org:EricssonFR']);
    expect(await search.suggest('Eric', 5)).toEqual([{ entityId: 'org:EricssonFR', label: 'Ericsson France' }]);
    expect((await search.suggest('オール', 5))[0]?.entityId).toBe('tech:APN');
    expect(await search.suggest('', 5)).toEqual([]);
  });
});

describe('bad input', () => {
  const rejects = async (query: string, message: RegExp) => {
    const err = await run(query).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SearchInputError);
    expect((err as SearchInputError).code).toBe('BAD_USER_INPUT');
    expect((err as Error).message).toMatch(message);
  };

  it('rejects empty, over-long, control-character and lone-surrogate queries with a reason', async () => {
    await rejects('', /empty/);
    await rejects('   ', /empty/);
    await rejects('あ'.repeat(10_000), /too long/);
    await rejects('5G\u0000', /control/);
    await rejects('abc\uD800', /surrogate/);
  });

  it('punctuation only is a valid query with no hits', async () => {
    const r = await run('!!!…、。');
    expect(r.total).toBe(0);
  });
});

describe('cache', () => {
  it('reuses the serialized index while the graph is unchanged and rebuilds after a change', async () => {
    expect(search.indexInfo()?.source).toBe('built');
    const again = await createSearchService({ store, cacheDir: join(dir, 'cache') });
    expect(again.indexInfo()?.source).toBe('cache');
    expect(ids(await again.search({ query: 'Ericsson France', limit: 5, offset: 0 }))).toEqual(ids(await run('Ericsson France')));

    const before = search.indexInfo()!.graphVersion;
    await store.removeDocument('doc:search-b.txt');
    await search.refresh();
    expect(search.indexInfo()?.graphVersion).not.toBe(before);
    expect(search.indexInfo()?.source).toBe('built');
    expect((await run('Hexa-X-II')).total).toBe(0);
    expect((await readdir(join(dir, 'cache'))).filter((f) => f.endsWith('.json'))).toHaveLength(1);
  });
});

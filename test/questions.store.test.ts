// Each public question whose answer is an entity or a number (../shared/eval/questions.public.json), answered
// through the GraphStore interface over the ingested seeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttributeFact, EntityRecord, RelationFact } from '../src/model/graph.ts';
import type { GraphStore } from '../src/store/GraphStore.ts';
import { openSeededStore, type SeededStore } from './support/seededStore.ts';

let seeded: SeededStore;
let store: GraphStore;

beforeAll(async () => {
  seeded = await openSeededStore();
  store = seeded.store;
});
afterAll(async () => seeded?.close());

const one = async (term: string, type?: EntityRecord['type']): Promise<string> => {
  const ids = await store.resolveEntityIds(term, type);
  expect(ids, `exactly one entity named ${term}`).toHaveLength(1);
  return ids[0]!;
};
const entity = async (id: string) => (await store.getEntities([id]))[0]!;
/** The newest statement per key wins: the current facts of a set of document-dated statements. */
const newest = <T extends { asOf: string | null }>(items: T[]): T => [...items].sort((a, b) => (b.asOf ?? '').localeCompare(a.asOf ?? ''))[0]!;
const facts = async (id: string, predicate: AttributeFact['predicate']) => (await store.factsOf([id])).filter((f) => f.predicate === predicate);
const rels = async (ids: string[], dir: 'in' | 'out', type: RelationFact['type']) => store.relationsOf(ids, dir, [type]);

describe('questions answered through the store', () => {
  it('Q001 the international joint projects covering APN: only the Japan–Germany project', async () => {
    const page = await store.findProjects({ covers: 'APN', international: true }, { limit: 20, offset: 0 });
    expect(page.items.map((p) => p.id)).toEqual(['proj:JP-DE']);
    for (const alias of ['All-Photonics Network', 'オール光ネットワーク', 'ＡＰＮ']) {
      expect((await store.findProjects({ covers: alias, international: true }, { limit: 20, offset: 0 })).items.map((p) => p.id)).toEqual(['proj:JP-DE']);
    }
  });

  it('Q002 6G MIRAI-HARMONY: 東京大学 leads on the Japanese side, エリクソンフランス on the EU side', async () => {
    const id = await one('6G MIRAI-HARMONY', 'Project');
    const leads = await rels([id], 'in', 'LEAD_OF');
    const bySide = (side: string) => [...new Set(leads.filter((r) => r.side === side).map((r) => r.fromId))];
    expect(bySide('JP')).toEqual(['org:UTOKYO']);
    expect(bySide('EU')).toEqual(['org:ERICSSON_FR']);
    expect((await entity('org:ERICSSON_FR')).nameEn).toBe('Ericsson France');
  });

  it('Q005 the Japan–Germany project’s Japanese lead: 1Finity as of 2026-03-09, 富士通 before (2025-10-16)', async () => {
    const id = await one('日独国際共同研究プロジェクト', 'Project');
    const jp = (await rels([id], 'in', 'LEAD_OF')).filter((r) => r.side === 'JP');
    expect(newest(jp).fromId).toBe('org:1FINITY');
    expect(newest(jp).asOf).toBe('2026-03-09');
    expect(jp.filter((r) => r.asOf === '2025-10-16').map((r) => r.fromId)).toEqual(['org:FUJITSU']);
  });

  it('Q008 the international joint projects that started in 2025', async () => {
    const projects = await store.findProjects({ international: true }, { limit: 50, offset: 0 });
    const started: string[] = [];
    for (const p of projects.items) {
      const period = newest(await facts(p.id, 'PERIOD'));
      if (period?.dateStart?.startsWith('2025')) started.push(p.id);
    }
    expect(started.sort()).toEqual(['proj:6gmirai-harmony', 'proj:JP-DE'].sort());
  });

  it('Q011 the Beyond 5G fund in FY2025: initial + supplementary = ¥38.9bn', async () => {
    const id = await one('Beyond 5G fund', 'Program');
    const budgetIds = [...new Set((await rels([id], 'out', 'HAS_BUDGET')).map((r) => r.toId))];
    const budgets = (await store.getEntities(budgetIds)).filter((b) => b?.fiscalYear === 2025 && ['当初', '補正'].includes(b.budgetKind ?? ''));
    expect(budgets.reduce((sum, b) => sum + (b!.amountJpy ?? 0), 0)).toBe(38_900_000_000);
  });

  it('Q014 the foreign 6G initiatives of the October 2025 deck by country, and which have budget figures', async () => {
    const doc = '000_76e89f63a03d41e7.txt';
    const located = (await store.relationsOf(await countryIds(), 'in', ['LOCATED_IN'])).filter((r) => r.docId === `doc:${doc}` && r.role === 'section');
    const countries = new Set(located.map((r) => r.toId));
    expect([...countries].sort()).toEqual(['country:CN', 'country:DE', 'country:FI', 'country:FR', 'country:GB', 'country:IN', 'country:KR', 'country:NL', 'country:US', 'region:EUROPE']);
    const withBudget = new Set<string>();
    for (const r of located) if ((await rels([r.fromId], 'out', 'HAS_BUDGET')).some((b) => b.docId === `doc:${doc}`)) withBudget.add(r.toId);
    expect([...withBudget].sort()).toEqual(['country:DE', 'country:FI', 'country:FR', 'country:GB', 'country:KR', 'country:NL']);
  });

  it('Q017 the fields where the Digital Overseas Strategy 2030 says autonomy matters for security', async () => {
    const id = await one('デジタル海外展開総合戦略2030', 'Program');
    const covered = (await rels([id], 'out', 'COVERS')).filter((r) => r.role?.includes('自律性の確保'));
    expect([...new Set(covered.map((r) => r.toId))].sort()).toEqual(['tech:CYBERSEC', 'tech:LLM', 'tech:NTN', 'tech:RAN', 'tech:SUBSEA']);
  });

  it('Q020 the numeric Open RAN target: 30 %', async () => {
    const target = (await facts(await one('オープンRAN'), 'TARGET')).find((f) => f.unit === '%')!;
    expect(target.num).toBe(30);
    expect(target.value).toContain('シェア上位');
  });

  it('Q026 the B5G R&D workshop on submarine optical cables: 75 participants (25 on site + 50 online)', async () => {
    const id = await one('Beyond 5G研究開発ワークショップ', 'Event');
    const people = (await facts(id, 'QUANTITY')).filter((f) => f.unit === '名');
    expect(people.reduce((s, f) => s + (f.num ?? 0), 0)).toBe(75);
  });

  it('Q029 the 要素技術・シーズ創出型プログラム: 委託, up to ¥100m per project a year', async () => {
    const id = await one('要素技術・シーズ創出型プログラム', 'Program');
    expect((await facts(id, 'SUPPORT_FORM')).map((f) => f.value)).toContain('委託');
    const budgets = await store.getEntities([...new Set((await rels([id], 'out', 'HAS_BUDGET')).map((r) => r.toId))]);
    expect(budgets.map((b) => [b!.amountJpy, b!.qualifiers.includes('per year')])).toContainEqual([100_000_000, true]);
  });

  it('Q035 6GIC: founded by the University of Surrey in November 2020, 70+ members', async () => {
    const id = await one('6GIC');
    expect((await rels([id], 'in', 'LEAD_OF')).map((r) => r.fromId)).toContain('org:UNIV_SURREY');
    expect((await facts(id, 'START'))[0]!.dateStart).toBe('2020-11-01');
    expect((await facts(id, 'QUANTITY')).map((f) => f.num)).toContain(70);
  });

  it('Q038 IMT-2030 (6G) was set up by MIIT in June 2019', async () => {
    const id = await one('IMT-2030 (6G)');
    expect((await rels([id], 'in', 'LEAD_OF')).map((r) => r.fromId)).toContain('org:MIIT');
    expect((await facts(id, 'START'))[0]!.dateStart).toBe('2019-06-01');
  });

  it('Q041 the German organizations', async () => {
    const german = (await store.relationsOf(['country:DE'], 'in', ['LOCATED_IN'])).map((r) => r.fromId);
    const orgs = (await store.getEntities([...new Set(german)])).filter((e) => e?.type === 'Organization').map((e) => e!.id);
    expect(orgs).toEqual(expect.arrayContaining(['org:ADTRAN', 'org:BMBF']));
    expect(german).toEqual(expect.arrayContaining([await one('6Gプラットフォーム'), await one('6G研究ハブ')]));
  });

  it('Q044 companies supported by the 地方枠 programme in FY2023 and FY2024: 34', async () => {
    const id = await one('地方枠', 'Program');
    const counts = (await facts(id, 'QUANTITY')).filter((f) => f.unit === '社' && ['2023-04-01', '2024-04-01'].includes(f.dateStart ?? ''));
    expect(counts.reduce((s, f) => s + (f.num ?? 0), 0)).toBe(34);
  });

  it('Q047 the Tokyo QKD Network: built by NICT, operating since 2010', async () => {
    const id = await one('東京QKDネットワーク');
    expect((await rels([id], 'in', 'LEAD_OF')).map((r) => r.fromId)).toContain('org:NICT');
    expect((await facts(id, 'START'))[0]!.dateStart).toBe('2010-01-01');
  });

  it('Q056 APN R&D projects running since FY2022 and FY2023 in the Strategy 2.0 roadmap: 7', async () => {
    const counts = (await facts('tech:APN', 'QUANTITY')).filter((f) => f.unit === 'プロジェクト');
    expect(counts.reduce((s, f) => s + (f.num ?? 0), 0)).toBe(7);
  });

  it('Q059 Japanese companies’ share of the 2024 world base-station market: about 1.7 %', async () => {
    const share = (await facts('tech:5G', 'QUANTITY')).find((f) => f.unit === '%' && f.value?.includes('日本企業は'));
    expect(share?.num).toBe(1.7);
  });

  it('Q071 NICT’s UK counterpart for the Japan–UK workshop: UKRI EPSRC now, DSIT in the earlier deck', async () => {
    const events = (await store.relationsOf(['country:GB'], 'in', ['BETWEEN'])).map((r) => r.fromId);
    const partners = (await store.relationsOf([...new Set(events)], 'in', ['PARTNER_OF'])).filter((r) => r.side === 'GB');
    expect(newest(partners).fromId).toBe('org:UKRI_EPSRC');
    expect(partners.filter((r) => r.asOf === '2025-10-16').map((r) => r.fromId)).toEqual(['org:DSIT']);
  });
});

async function countryIds(): Promise<string[]> {
  return (await store.findEntities({ type: 'Country' }, { limit: 500, offset: 0 })).items.map((e) => e.id);
}

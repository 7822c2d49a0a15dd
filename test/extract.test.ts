// Extraction on the real seed documents (real reading, normalization, segmentation, kuromoji and dictionaries).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentBundle, RelationFact } from '../src/model/graph.ts';
import { loadTokenizer } from '../src/text/tokenizer.ts';
import { extractDocuments, type SegmentedInput } from '../ingest/extract/extractDocuments.ts';
import { readDocument } from '../ingest/read/readDocument.ts';
import { normalizeDocument } from '../ingest/normalize/normalizeDocument.ts';
import { segmentDocument } from '../ingest/segment/segmentDocument.ts';

const SEEDS = join(import.meta.dirname, '..', 'seeds');
const OCT = '000_76e89f63a03d41e7.txt';
const MAR = '001_2089f0eb9d58c753.txt';
const STRATEGY = '004_491f3151e96d6752.txt';

let bundles: Map<string, DocumentBundle>;

beforeAll(async () => {
  const tokenizer = await loadTokenizer();
  const inputs: SegmentedInput[] = [];
  for (const file of readdirSync(SEEDS).sort()) {
    const raw = await readDocument(join(SEEDS, file), { maxBytes: 20 * 1024 * 1024 });
    const seg = segmentDocument(normalizeDocument(raw), raw);
    inputs.push({
      document: { id: `doc:${file}`, file, title: seg.title, date: seg.date, dateSource: seg.date ? 'text' : 'none', contentHash: raw.contentHash, encoding: raw.encoding, lineCount: raw.lines.length, charCount: raw.text.length, ingestedAt: '' },
      passages: seg.passages,
    });
  }
  bundles = new Map(extractDocuments(inputs, { tokenizer }).map((b) => [b.document.file, b]));
});

const rel = (b: DocumentBundle, type: string, from: string | null, to: string | null): RelationFact[] =>
  b.relations.filter((r) => r.type === type && (from === null || r.fromId === from) && (to === null || r.toId === to));
const entityByName = (b: DocumentBundle, name: string) => b.entities.find((e) => e.name === name || e.aliases.includes(name));

describe('international joint projects (2025-10-16 and 2026-03-09 decks)', () => {
  it.each([OCT, MAR])('%s: the Japan–EU project 6G MIRAI-HARMONY with both leads, countries, period and budget', (file) => {
    const b = bundles.get(file)!;
    const p = entityByName(b, '6G MIRAI-HARMONY')!;
    expect(p.type).toBe('Project');
    expect(p.aliases).toContain('日EU国際共同研究プロジェクト');
    const leads = rel(b, 'LEAD_OF', null, p.id).map((r) => [r.fromId, r.side]);
    expect(leads).toEqual(expect.arrayContaining([['org:UTOKYO', 'JP'], ['org:ERICSSON_FR', 'EU']]));
    expect(rel(b, 'BETWEEN', p.id, null).map((r) => r.toId).sort()).toEqual(['country:JP', 'region:EU']);
    const period = b.facts.find((f) => f.subjectId === p.id && f.predicate === 'PERIOD')!;
    expect([period.dateStart, period.dateEnd]).toEqual(['2025-04-01', '2028-03-31']);
    const budget = b.entities.find((e) => e.id === rel(b, 'HAS_BUDGET', p.id, null)[0]!.toId)!;
    expect(budget.amountJpy).toBe(100_000_000);
    expect(budget.qualifiers).toContain('per year');
  });

  it('the Japan–Germany project covers APN; its Japanese lead is 富士通 in October and 1Finity in March', () => {
    const oct = bundles.get(OCT)!;
    const mar = bundles.get(MAR)!;
    for (const [b, lead] of [[oct, 'org:FUJITSU'], [mar, 'org:1FINITY']] as const) {
      const p = b.entities.find((e) => e.id === 'proj:JP-DE')!;
      expect(p.name).toBe('日独国際共同研究プロジェクト');
      expect(rel(b, 'COVERS', p.id, 'tech:APN')).toHaveLength(1);
      const leads = rel(b, 'LEAD_OF', null, p.id);
      expect(leads.find((r) => r.side === 'JP')!.fromId).toBe(lead);
      expect(leads.find((r) => r.side === 'DE')!.fromId).toBe('org:ADTRAN');
      expect(rel(b, 'BETWEEN', p.id, null).map((r) => r.toId).sort()).toEqual(['country:DE', 'country:JP']);
    }
    const r = rel(oct, 'LEAD_OF', 'org:FUJITSU', 'proj:JP-DE')[0]!;
    expect([r.lineStart, r.lineEnd, r.asOf, r.quote]).toEqual([488, 488, '2025-10-16', '日本側代表者:富士通']);
  });

  it('the Japan–US project starts in April 2026 in October and June 2026 in March; ¥144,000,000 a year', () => {
    const start = (file: string) => bundles.get(file)!.facts.find((f) => f.subjectId === 'proj:JP-US' && f.predicate === 'PERIOD')!.dateStart;
    expect(start(OCT)).toBe('2026-04-01');
    expect(start(MAR)).toBe('2026-06-01');
    const b = bundles.get(OCT)!;
    const budget = b.entities.find((e) => e.id === rel(b, 'HAS_BUDGET', 'proj:JP-US', null)[0]!.toId)!;
    expect(budget.amountJpy).toBe(144_000_000);
  });

  it('the Japan–UK block is no project: its workshop partner is DSIT in October and UKRI EPSRC in March', () => {
    const partner = (file: string) => rel(bundles.get(file)!, 'PARTNER_OF', null, 'event:JP-GB-ワークショップ').filter((r) => r.side === 'GB').map((r) => r.fromId);
    expect(partner(OCT)).toEqual(['org:DSIT']);
    expect(partner(MAR)).toEqual(['org:UKRI_EPSRC']);
    expect(bundles.get(OCT)!.entities.some((e) => e.id === 'proj:JP-GB')).toBe(false);
    const places = bundles.get(MAR)!.facts.filter((f) => f.subjectId === 'event:JP-GB-ワークショップ' && f.predicate === 'PLACE').map((f) => [f.value, f.dateStart]);
    expect(places).toEqual([['東京', '2025-12-01'], ['ロンドン', '2026-03-01']]);
  });
});

describe('foreign 6G programmes of the October deck, with their countries and budgets', () => {
  const located = (name: string) => {
    const b = bundles.get(OCT)!;
    const e = entityByName(b, name)!;
    return { e, countries: rel(b, 'LOCATED_IN', e.id, null).map((r) => r.toId), budgets: rel(b, 'HAS_BUDGET', e.id, null).map((r) => b.entities.find((x) => x.id === r.toId)!) };
  };
  it.each([
    ['UKTL', 'country:GB', 'GBP', 80_000_000, 16_000_000_000],
    ['FNS', 'country:NL', 'EUR', 203_000_000, 32_400_000_000],
    ['フランス2030', 'country:FR', 'EUR', 412_000_000, 65_900_000_000],
    ['6G Flagship', 'country:FI', 'EUR', 250_000_000, 40_000_000_000],
    ['K-Network2030戦略', 'country:KR', 'KRW', 625_300_000_000, 69_400_000_000],
    ['6G研究ハブ', 'country:DE', 'EUR', 700_000_000, 112_000_000_000],
  ])('%s → %s, %s %d (≈ ¥%d)', (name, country, currency, foreign, jpy) => {
    const { countries, budgets } = located(name);
    expect(countries).toContain(country);
    expect(budgets.map((b) => [b.currency, b.amountForeign, b.amountJpy])).toContainEqual([currency, foreign, jpy]);
  });
  it.each([
    ['Next G Alliance', 'country:US'],
    ['Hexa-X-IIプロジェクト', 'region:EUROPE'],
    ['IMT-2030 (6G)', 'country:CN'],
    ['Bharat 6G Alliance', 'country:IN'],
  ])('%s → %s, no budget figure', (name, country) => {
    const { countries, budgets } = located(name);
    expect(countries).toContain(country);
    expect(budgets).toEqual([]);
  });
  it('6GIC was founded by the University of Surrey in November 2020; IMT-2030 (6G) by MIIT in June 2019', () => {
    const b = bundles.get(OCT)!;
    const gic = entityByName(b, '6GIC')!;
    expect(gic.nameEn).toBe('6G Innovation Centre');
    expect(rel(b, 'LEAD_OF', 'org:UNIV_SURREY', gic.id)[0]!.role).toBe('設立');
    expect(b.facts.find((f) => f.subjectId === gic.id && f.predicate === 'START')!.dateStart).toBe('2020-11-01');
    const imt = entityByName(b, 'IMT-2030 (6G)')!;
    expect(rel(b, 'LEAD_OF', 'org:MIIT', imt.id)).toHaveLength(1);
    expect(b.facts.find((f) => f.subjectId === imt.id && f.predicate === 'START')!.dateStart).toBe('2019-06-01');
  });
});

describe('budgets', () => {
  it('the Beyond 5G fund: FY2025 initial ¥15.0bn and supplementary ¥23.9bn (March deck), each budget once', () => {
    const b = bundles.get(MAR)!;
    const ids = [...new Set(rel(b, 'HAS_BUDGET', 'prog:B5G_FUND', null).map((r) => r.toId))];
    const fy2025 = b.entities.filter((e) => ids.includes(e.id) && e.fiscalYear === 2025).map((e) => [e.budgetKind, e.amountJpy]);
    expect(fy2025.sort()).toEqual([['当初', 15_000_000_000], ['補正', 23_900_000_000]]);
  });
  it('support scale per project of the 要素技術・シーズ創出型プログラム: 委託, up to ¥100m a year', () => {
    const b = bundles.get(OCT)!;
    const prog = entityByName(b, '要素技術・シーズ創出型プログラム')!;
    expect(b.facts.find((f) => f.subjectId === prog.id && f.predicate === 'SUPPORT_FORM')!.value).toBe('委託');
    const budget = b.entities.find((e) => e.id === rel(b, 'HAS_BUDGET', prog.id, null)[0]!.toId)!;
    expect([budget.amountJpy, budget.qualifiers.includes('per year')]).toEqual([100_000_000, true]);
  });
});

describe('tables', () => {
  it('a table of programmes under the fund’s heading: each row’s programme is PART_OF the fund, with its support forms', () => {
    const b = bundles.get('003_167667bd1f5c54e1.txt')!;
    const parts = [...new Set(rel(b, 'PART_OF', null, 'prog:B5G_FUND').map((r) => b.entities.find((e) => e.id === r.fromId)!.name))];
    expect(parts.sort()).toEqual(['社会実装・海外展開志向型戦略的プログラム', '要素技術・シーズ創出型プログラム', '電波有効利用研究開発プログラム'].sort());
    const strategic = entityByName(b, '社会実装・海外展開志向型戦略的プログラム')!;
    const forms = b.facts.filter((f) => f.subjectId === strategic.id && f.predicate === 'SUPPORT_FORM').map((f) => f.value!.slice(0, 2));
    expect(forms).toEqual(['助成', '委託']);
  });
});

describe('counts, targets and lists', () => {
  it('「地方枠」事業 supported 11 companies in FY2023 and 23 in FY2024', () => {
    const b = bundles.get(STRATEGY)!;
    const prog = entityByName(b, '地方枠事業')!;
    const counts = b.facts.filter((f) => f.subjectId === prog.id && f.predicate === 'QUANTITY' && f.unit === '社').map((f) => [f.dateStart, f.num]);
    expect(counts).toEqual([['2023-04-01', 11], ['2024-04-01', 23]]);
  });
  it('Open RAN: 30% of the 5G base-station market by around 2030', () => {
    const t = bundles.get(STRATEGY)!.facts.find((f) => f.subjectId === 'tech:OPEN_RAN' && f.predicate === 'TARGET')!;
    expect([t.num, t.unit, t.dateEnd]).toEqual([30, '%', '2030-12-31']);
  });
  it('the strategy 2030 names five fields where autonomy matters for security', () => {
    const b = bundles.get(STRATEGY)!;
    const covered = rel(b, 'COVERS', 'prog:DIGITAL_OVERSEAS_2030', null).filter((r) => r.role?.includes('自律性の確保')).map((r) => r.toId);
    expect(covered.sort()).toEqual(['tech:CYBERSEC', 'tech:LLM', 'tech:NTN', 'tech:RAN', 'tech:SUBSEA']);
  });
  it('the B5G R&D workshop on submarine optical cables had 25 people on site and about 50 online', () => {
    const b = bundles.get(MAR)!;
    const ws = entityByName(b, 'Beyond 5G研究開発ワークショップ')!;
    const people = b.facts.filter((f) => f.subjectId === ws.id && f.predicate === 'QUANTITY' && f.unit === '名').map((f) => f.num);
    expect(people.reduce<number>((a, n) => a + (n ?? 0), 0)).toBe(75);
  });
});

describe('substring traps and aliases', () => {
  const mentioned = (file: string) => new Set(bundles.get(file)!.mentions.map((m) => m.entityId));
  it('no Kyoto inside Tokyo, no India inside インド太平洋, no AI inside MIRAI', () => {
    const all = [...bundles.values()].flatMap((b) => b.mentions);
    expect(all.some((m) => m.surface === '京都')).toBe(false);
    expect(all.filter((m) => m.entityId === 'country:IN').every((m) => m.surface === 'インド')).toBe(true);
    expect(all.filter((m) => m.entityId === 'region:INDO_PACIFIC').length).toBeGreaterThan(0);
    const mirai = bundles.get(OCT)!.passages.find((p) => p.text.includes('MIRAI-HARMONY'))!;
    expect(bundles.get(OCT)!.mentions.filter((m) => m.passageId === mirai.id && m.entityId === 'tech:AI').map((m) => m.surface)).toEqual(['AI']);
  });
  it('5G inside "Beyond 5G" is Beyond 5G, not 5G', () => {
    const b = bundles.get(OCT)!;
    const line9 = b.passages.find((p) => p.lineStart === 9)!;
    const ids = b.mentions.filter((m) => m.passageId === line9.id).map((m) => m.entityId);
    expect(ids).toContain('prog:B5G_STRATEGY');
    expect(ids).not.toContain('tech:5G');
  });
  it('APN and オール光ネットワーク are one entity; N I C T, NICT and 情報通信研究機構 are one organization', () => {
    expect(mentioned(OCT).has('tech:APN')).toBe(true);
    const apn = [...bundles.values()].flatMap((b) => b.mentions).filter((m) => m.entityId === 'tech:APN').map((m) => m.surface.replace(/\s+/g, ''));
    expect(apn).toEqual(expect.arrayContaining(['APN', 'オール光ネットワーク']));
    const nict = [...bundles.values()].flatMap((b) => b.mentions).filter((m) => m.entityId === 'org:NICT').map((m) => m.surface);
    expect(nict).toEqual(expect.arrayContaining(['NICT', '情報通信研究機構']));
  });
  it('every fact carries its document, a line range inside the file, a quote and the document date', () => {
    for (const b of bundles.values()) {
      for (const f of [...b.relations, ...b.facts]) {
        expect(f.docId).toBe(b.document.id);
        expect(f.lineStart).toBeGreaterThanOrEqual(1);
        expect(f.lineEnd).toBeGreaterThanOrEqual(f.lineStart);
        expect(f.lineEnd).toBeLessThanOrEqual(b.document.lineCount);
        expect(f.quote.length).toBeGreaterThan(0);
        expect(f.asOf).toBe(b.document.date);
      }
    }
  });
});

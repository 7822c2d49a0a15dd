// The extractor on a document it was not written for (a made-up deck in the same genre): other country pairs, a
// programme named in its theme, unknown organizations, a budget line with fiscal year and kind.
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { DocumentBundle } from '../src/model/graph.ts';
import { loadTokenizer } from '../src/text/tokenizer.ts';
import { extractDocuments } from '../ingest/extract/extractDocuments.ts';
import { readDocument } from '../ingest/read/readDocument.ts';
import { normalizeDocument } from '../ingest/normalize/normalizeDocument.ts';
import { segmentDocument } from '../ingest/segment/segmentDocument.ts';

let b: DocumentBundle;
let trends: DocumentBundle;
beforeAll(async () => {
  const inputs = [];
  for (const file of ['joint-projects-2026.md', 'overseas-trends-2026.txt']) {
    const raw = await readDocument(join(import.meta.dirname, 'fixtures', 'documents', file), { maxBytes: 1 << 20 });
    const seg = segmentDocument(normalizeDocument(raw), raw);
    const document = { id: `doc:${raw.file}`, file: raw.file, title: seg.title, date: seg.date, dateSource: 'text' as const, contentHash: raw.contentHash, encoding: raw.encoding, lineCount: raw.lines.length, charCount: raw.text.length, ingestedAt: '' };
    inputs.push({ document, passages: seg.passages });
  }
  [b, trends] = extractDocuments(inputs, { tokenizer: await loadTokenizer() }) as [DocumentBundle, DocumentBundle];
});

const rels = (type: string, to: string) => b.relations.filter((r) => r.type === type && r.toId === to).map((r) => [r.fromId, r.side]);

it('names a project by its theme, relates both sides and the countries', () => {
  const p = b.entities.find((e) => e.name === 'Q-BRIDGE')!;
  expect(p.type).toBe('Project');
  expect(p.aliases).toEqual(['日韓国際共同研究プロジェクト']);
  expect(rels('LEAD_OF', p.id)).toEqual([['org:NEC', 'JP'], ['org:SAMSUNG', 'KR']]);
  expect(b.relations.filter((r) => r.type === 'COVERS' && r.fromId === p.id).map((r) => r.toId)).toEqual(['tech:QKD']);
  expect(b.relations.filter((r) => r.type === 'BETWEEN' && r.fromId === p.id).map((r) => r.toId)).toEqual(['country:JP', 'country:KR']);
  expect(b.facts.find((f) => f.subjectId === p.id && f.predicate === 'PERIOD')).toMatchObject({ dateStart: '2026-05-01', dateEnd: '2028-03-31' });
});

it('creates organizations it has never seen, on the side they represent', () => {
  const p = b.entities.find((e) => e.id === 'proj:JP-FR')!;
  expect(p.name).toBe('日仏国際共同研究プロジェクト');
  const leads = b.relations.filter((r) => r.type === 'LEAD_OF' && r.toId === p.id).map((r) => [b.entities.find((e) => e.id === r.fromId)!.name, r.side]);
  expect(leads).toEqual([['京都大学', 'JP'], ['タレス・アレニア・スペース社', 'FR']]);
  expect(b.relations.filter((r) => r.type === 'COVERS' && r.fromId === p.id).map((r) => r.toId)).toEqual(['tech:NTN', 'tech:HAPS']);
});

it('reads an abbreviation of a new organization and a budget line with fiscal year and kind', () => {
  expect(b.entities.find((e) => e.name === 'ウェーブテック研究所')?.aliases).toEqual(['WTL']);
  const owner = b.entities.find((e) => e.name === '宇宙通信高度化推進事業')!;
  const budget = b.entities.find((e) => e.id === b.relations.find((r) => r.type === 'HAS_BUDGET' && r.fromId === owner.id)!.toId)!;
  expect([budget.amountJpy, budget.fiscalYear, budget.budgetKind]).toEqual([4_550_000_000, 2026, '当初']);
});

it('foreign initiatives under country headings, an announced strategy, an event with its detail lines, a target', () => {
  const t = trends;
  const byName = (n: string) => t.entities.find((e) => e.name === n)!;
  const sns = byName('SNS JU');
  expect(sns.nameEn).toBe('Smart Networks and Services Joint Undertaking');
  expect(t.relations.filter((r) => r.fromId === sns.id && r.type === 'LOCATED_IN').map((r) => r.toId)).toContain('region:EUROPE');
  expect(t.relations.find((r) => r.type === 'LEAD_OF' && r.toId === sns.id)?.fromId).toBe('org:EC');
  const budget = t.entities.find((e) => e.id === t.relations.find((r) => r.type === 'HAS_BUDGET' && r.fromId === sns.id)!.toId)!;
  expect([budget.currency, budget.amountForeign, budget.amountJpy]).toEqual(['EUR', 900_000_000, 144_000_000_000]);
  expect(t.facts.find((f) => f.subjectId === byName('国家周波数戦略').id && f.predicate === 'START')?.dateStart).toBe('2024-05-01');
  const ws = byName('光電融合技術の社会実装に関するワークショップ');
  const facts = t.facts.filter((f) => f.subjectId === ws.id);
  expect(facts.filter((f) => f.predicate === 'DATE').map((f) => f.dateStart)).toEqual(['2026-01-20']);
  expect(facts.filter((f) => f.predicate === 'PLACE').map((f) => f.value)).toEqual(['大手町']);
  expect(facts.filter((f) => f.predicate === 'QUANTITY').map((f) => f.num)).toEqual([40, 120]);
  expect(t.facts.find((f) => f.subjectId === 'tech:PEC' && f.predicate === 'TARGET')).toMatchObject({ num: 25, unit: '%', dateEnd: '2030-12-31' });
});

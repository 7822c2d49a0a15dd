// The derived index on its own (real kuromoji, records as the store returns them): country pairs such as 日独,
// typo expansion that leaves numbers alone, and the bounded top-k selection used for a page of hits.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyEntity, type EntityRecord, type PassageRecord } from '../src/model/graph.ts';
import { LatinVocabulary } from '../src/search/fuzzyTerms.ts';
import { ConceptScorer, combineConcepts } from '../src/search/scoreConcepts.ts';
import { SearchIndex, type SourceData } from '../src/search/SearchIndex.ts';
import { before, topRanked } from '../src/search/topRanked.ts';
import { understandQuery } from '../src/search/understandQuery.ts';
import { loadTokenizer, type Tokenizer } from '../src/text/tokenizer.ts';

const country = (code: string, name: string, nameEn: string): EntityRecord => ({ ...emptyEntity(`country:${code}`, 'Country', name), nameEn, code });
const TEXTS = [
  '2025年4月以降、日 EU国際共同研究プロジェクト及び日独国際共同研究プロジェクトを順次開始。',
  '今日独自の方式を検討した。',
  'ドイツとの協力を継続する。',
  '日本の研究開発費は横ばい。',
];

let tokenize: Tokenizer;
let index: SearchIndex;

beforeAll(async () => {
  tokenize = await loadTokenizer();
  const passages: PassageRecord[] = TEXTS.map((text, i) => ({
    id: `doc:x.txt#${i}`, docId: 'doc:x.txt', ordinal: i, text, lineStart: i + 1, lineEnd: i + 1, section: [], kind: 'paragraph',
  }));
  const source: SourceData = {
    graphVersion: 'v1',
    documents: [{ id: 'doc:x.txt', file: 'x.txt', title: 'x', date: null } as SourceData['documents'][number]],
    passages,
    entities: [country('JP', '日本', 'Japan'), country('DE', 'ドイツ', 'Germany'), { ...emptyEntity('region:EU', 'Country', 'EU'), code: 'EU' }],
    mentions: [],
  };
  index = SearchIndex.build(source, tokenize);
});

const mentioned = (entityId: string) =>
  [...(index.passagesOfEntity.get(index.entityIndexById.get(entityId)!)?.keys() ?? [])].map((pi) => TEXTS.indexOf(index.passages[pi]!.text));

describe('country pairs', () => {
  it('日独 and 日 EU count as mentions of both countries; 今日独自 does not', () => {
    expect(mentioned('country:DE')).toEqual([0]);
    expect(mentioned('country:JP')).toEqual([0]);
    expect(mentioned('region:EU')).toEqual([0]);
  });

  it('an English query naming two countries ranks the pair passage first', () => {
    const scorer = new ConceptScorer(index, tokenize);
    const u = understandQuery(index, tokenize, 'Japan Germany joint research');
    const ranked = topRanked(combineConcepts(u.concepts.map((c) => scorer.score(c, null)), index.passages.length), 10);
    expect(TEXTS[ranked[0]![0]]).toBe(TEXTS[0]);
    expect(ranked.map(([pi]) => TEXTS.indexOf(index.passages[pi]!.text))).not.toContain(1);
  });

  it('survives serialization', () => {
    const again = SearchIndex.deserialize(index.serialize())!;
    expect(again.entityScores.map((e) => [...(e?.passages ?? [])])).toEqual(index.entityScores.map((e) => [...(e?.passages ?? [])]));
    expect(again.passages.map((p) => p.mentions)).toEqual(index.passages.map((p) => p.mentions));
  });
});

describe('typo expansion', () => {
  const vocabulary = new LatinVocabulary(['networks', 'network', 'networks37', 'g7', 'g20', 'harmony', 'harmonia']);
  it('allows letter typos but never changes numbers', () => {
    expect(vocabulary.expand('netwroks', false)).toEqual(['networks']);
    expect(vocabulary.expand('netvork', false)).toEqual(['network']);
    expect(vocabulary.expand('networks', false)).not.toContain('networks37');
    expect(vocabulary.expand('g7', false)).toEqual(['g7']);
  });
  it('expands the word being typed as a prefix', () => {
    expect(vocabulary.expand('harm', true).sort()).toEqual(['harmonia', 'harmony']);
  });
});

describe('topRanked', () => {
  it('equals the first k of a full sort (score descending, passage ascending)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(50), fc.integer({ min: 0, max: 5 })), { maxLength: 200 }), fc.nat(30), (rows, k) => {
        const entries = [...new Map(rows.map(([pi, s]) => [pi, s / 5] as [number, number]))];
        const sorted = [...entries].sort((a, b) => (before(a, b) ? -1 : 1)).slice(0, k);
        expect(topRanked(entries, k)).toEqual(sorted);
      }),
    );
  });
});

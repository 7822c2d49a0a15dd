// segmentDocument on the real seeds: project blocks, heading paths, dates, and line bookkeeping.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NormalizedDocument, normalizeDocument } from '../ingest/normalize/normalizeDocument.ts';
import { readDocument } from '../ingest/read/readDocument.ts';
import {
  DEFAULT_MAX_PASSAGE_CHARS,
  type SegmentedDocument,
  type SegmentedPassage,
  segmentDocument,
} from '../ingest/segment/segmentDocument.ts';
import { parseJapaneseDate } from '../src/text/japaneseDate.ts';

const LIMIT = { maxBytes: 1 << 26 };
const SEEDS = [
  'seeds/000_76e89f63a03d41e7.txt',
  'seeds/001_2089f0eb9d58c753.txt',
  'seeds/002_f70bb1a024afd040.txt',
  'seeds/003_167667bd1f5c54e1.txt',
  'seeds/004_491f3151e96d6752.txt',
];
const segs: SegmentedDocument[] = [];
const norms: NormalizedDocument[] = [];
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kg-seg-'));
  for (const f of SEEDS) {
    const raw = await readDocument(f, LIMIT);
    const doc = normalizeDocument(raw);
    norms.push(doc);
    segs.push(segmentDocument(doc, raw));
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The passage that contains physical line n. */
function at(doc: number, n: number): SegmentedPassage {
  const p = segs[doc]!.passages.find((x) => x.lineStart <= n && n <= x.lineEnd);
  if (!p) throw new Error(`no passage covers line ${n} of ${SEEDS[doc]}`);
  return p;
}

describe('project blocks', () => {
  it('seeds/000 lines 467-473: the 日EU ○ block is one passage', () => {
    const p = at(0, 470);
    expect([p.kind, p.lineStart, p.lineEnd]).toEqual(['block', 467, 473]);
    for (const s of ['日EU', '6G MIRAI-HARMONY', '東京大学', 'エリクソンフランス', '期間:2025年4月から開始し、最大3年間']) {
      expect(p.text).toContain(s);
    }
  });

  it('seeds/000 lines 482-489: the 日独 block', () => {
    const p = at(0, 488);
    expect([p.kind, p.lineStart, p.lineEnd]).toEqual(['block', 482, 489]);
    expect(p.text).toMatch(/^○日独/);
    expect(p.text).toContain('日本側代表者:富士通\nドイツ側代表者:アドラン・ネットワークSE社');
    // the next ○ block starts a new passage, the bullet after the last one is separate
    expect(at(0, 475).lineStart).toBe(475);
    expect([at(0, 491).lineStart, at(0, 491).lineEnd]).toEqual([491, 493]);
    expect(at(0, 495).kind).toBe('bullet');
  });

  it('seeds/001 lines 584-594: a ## heading with its labelled fields is one block', () => {
    const p = at(1, 590);
    expect([p.kind, p.lineStart, p.lineEnd]).toEqual(['block', 584, 594]);
    expect(p.text).toMatch(/^日EU\(両首脳による日EUデジタルパートナーシップ案件\)/);
    for (const s of ['テーマ:', '期間: 2025年4月から開始', '予算: 各年度最大1億円', '日本側代表者: 東京大学', 'EU側代表者: エリクソンフランス']) {
      expect(p.text).toContain(s);
    }
    expect([at(1, 600).lineStart, at(1, 600).lineEnd]).toEqual([596, 603]);
    // a heading followed by bullets stays a heading
    expect([at(1, 617).kind, at(1, 619).kind]).toEqual(['heading', 'bullet']);
    expect(at(1, 619).section.at(-1)).toBe('日英(大臣間の日英デジタルパートナーシップ案件)その他');
  });
});

describe('heading paths', () => {
  it('seeds/000 line 308: a foreign programme sits under its country', () => {
    const p = at(0, 308);
    expect(p.kind).toBe('bullet');
    expect(p.text).toBe('2020年11月にSurrey大学により設立。70以上の企業・大学が参加。');
    expect(p.section).toEqual(['英国', '6GIC (6G Innovation Centre)']);
    expect(at(0, 312).section).toEqual(['英国', 'UKTL (UK Telecoms Lab)']);
    expect(at(0, 363).section).toEqual(['フィンランド', '6G Flagship']);
    expect(at(0, 423).section).toEqual(['ドイツ', '6G-ANNA (6G-Access, Network of Networks, Automation & Simplification)']);
    // the country list ends where a slide of another shape starts
    expect(at(0, 427).section).not.toContain('ドイツ');
    expect(at(0, 470).section).not.toContain('ドイツ');
  });

  it('recurring sub-titles nest under the item they belong to', () => {
    expect(at(0, 180).section).toEqual(['重点分野の目標・取組', '海底ケーブル', '具体的な取組']);
    expect(at(0, 102).section).toEqual(['AI 時代の新たなデジタルインフラの推進', 'データセンター・海底ケーブル・AI', '具体的な取組']);
  });

  it('markdown and numbered headings', () => {
    expect(at(1, 23).section).toEqual(['情報通信分野を巡る動向', '実現に向けた戦略', '① AI社会を支える デジタルインフラの整備']);
    expect(at(1, 23).text).toBe('オール光ネットワークの社会実装');
    expect(at(2, 20).section).toEqual(['1 経緯・背景等', '(1)「Beyond 5G推進戦略」(2020年(令和2年)6月)及び関連する取組']);
    expect(at(2, 201).section).toEqual([
      '2 Beyond 5Gの実現に向けた戦略',
      '(4)戦略推進に当たっての基本的考え方',
      '① 各種取組において重視すべき視点',
      'ア 業界構造等の変化の的確な把握とゲームチェンジ',
    ]);
    expect(at(2, 201).kind).toBe('paragraph'); // "(2)の新たな…" starts a paragraph, not a heading
  });

  it('footnote definitions are their own passages', () => {
    const f2 = at(2, 38);
    expect([f2.kind, f2.lineStart, f2.lineEnd, f2.footnote]).toEqual(['paragraph', 37, 40, 2]);
    expect(at(2, 44).footnote).toBeUndefined();
  });
});

describe('document facts', () => {
  it('dates near the top', () => {
    expect(segs.map((s) => s.date)).toEqual(['2025-10-16', '2026-03-09', null, null, '2025-06-11']);
  });

  it('titles', () => {
    expect(segs[0]!.title).toBe('国際連携に向けた取組');
    expect(segs[4]!.title).toBe('デジタル海外展開総合戦略2030');
  });

  it('parses Japanese dates through the calendar', () => {
    expect(parseJapaneseDate('令和7年10月16日')?.iso).toBe('2025-10-16');
    expect(parseJapaneseDate('令和七年十月十六日')?.iso).toBe('2025-10-16');
    expect(parseJapaneseDate('令和元年5月1日')?.iso).toBe('2019-05-01');
    expect(parseJapaneseDate('平成31年4月30日')?.iso).toBe('2019-04-30');
    expect(parseJapaneseDate('2026年3月9日')?.iso).toBe('2026-03-09');
    expect(parseJapaneseDate('令和7年2月30日')).toBeNull();
  });
});

describe('passage bookkeeping', () => {
  it('every passage is non-empty, ordered, and its line offsets map back to its lines', () => {
    for (let d = 0; d < SEEDS.length; d++) {
      const doc = norms[d]!;
      const bad: string[] = [];
      segs[d]!.passages.forEach((p, i) => {
        const where = `${SEEDS[d]} #${i} ${p.lineStart}-${p.lineEnd}`;
        if (p.ordinal !== i || p.text.trim() === '' || p.lineStart > p.lineEnd) bad.push(`${where}: shape`);
        if (p.lineOffsets.length !== p.lineEnd - p.lineStart + 1 || p.lineOffsets[0] !== 0) bad.push(`${where}: offsets`);
        for (let k = 1; k < p.lineOffsets.length; k++) {
          if (p.lineOffsets[k]! < p.lineOffsets[k - 1]! || p.lineOffsets[k]! > p.text.length) bad.push(`${where}: offset ${k}`);
        }
        if (doc.text.slice(p.textOffset, p.textOffset + p.text.length) !== p.text) bad.push(`${where}: textOffset`);
        const first = doc.toOriginal(p.textOffset).line;
        const last = doc.toOriginal(p.textOffset + p.text.length - 1).line;
        if (first !== p.lineStart || last !== p.lineEnd) bad.push(`${where}: maps to ${first}-${last}`);
        if (p.text.length > DEFAULT_MAX_PASSAGE_CHARS) bad.push(`${where}: too long`);
      });
      expect(bad.slice(0, 5)).toEqual([]);
    }
  });

  it('a 100 KB single line is cut into bounded passages of that line', async () => {
    const path = join(dir, 'long.txt');
    await writeFile(path, `${'総務省はBeyond 5Gの研究開発を推進する。'.repeat(4000)}\n`);
    const raw = await readDocument(path, LIMIT);
    const seg = segmentDocument(normalizeDocument(raw), raw);
    expect(seg.passages.length).toBeGreaterThan(50);
    for (const p of seg.passages) {
      expect([p.lineStart, p.lineEnd, p.lineOffsets]).toEqual([1, 1, [0]]);
      expect(p.text.length).toBeLessThanOrEqual(DEFAULT_MAX_PASSAGE_CHARS);
      expect(p.text.endsWith('。')).toBe(true);
    }
    expect(seg.passages.map((p) => p.text).join('')).toBe(raw.lines[0]);
  });
});

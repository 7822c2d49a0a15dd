// normalizeDocument on real seed lines: PDF joins, spaced letters, footnotes, and the offset map back to the file.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NormalizedDocument, normalizeDocument } from '../ingest/normalize/normalizeDocument.ts';
import { type RawDocument, readDocument } from '../ingest/read/readDocument.ts';

const LIMIT = { maxBytes: 1 << 26 };
const SEEDS = [
  'seeds/000_76e89f63a03d41e7.txt',
  'seeds/001_2089f0eb9d58c753.txt',
  'seeds/002_f70bb1a024afd040.txt',
  'seeds/003_167667bd1f5c54e1.txt',
  'seeds/004_491f3151e96d6752.txt',
];
const raws = new Map<string, RawDocument>();
const docs = new Map<string, NormalizedDocument>();
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kg-norm-'));
  for (const f of SEEDS) {
    const raw = await readDocument(f, LIMIT);
    raws.set(f, raw);
    docs.set(f, normalizeDocument(raw));
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const doc = (i: number) => docs.get(SEEDS[i]!)!;
const line = (i: number, n: number) => doc(i).lines[n - 1]!;

async function normalizeText(text: string): Promise<{ raw: RawDocument; doc: NormalizedDocument }> {
  const path = join(dir, `t${Math.random().toString(36).slice(2)}.txt`);
  await writeFile(path, text);
  const raw = await readDocument(path, LIMIT);
  return { raw, doc: normalizeDocument(raw) };
}

describe('NFKC', () => {
  it('normalizes full-width letters/digits and half-width kana but keeps enclosed numbers', async () => {
    const { doc: d } = await normalizeText('ＡＰＮと５Ｇ、ｶﾞｲﾄﾞ①（１）\n');
    expect(d.text).toBe('APNと5G、ガイド①(1)');
    // ガ came from the two units ｶﾞ at columns 7-8: it maps to the first
    expect(d.toOriginal(d.text.indexOf('ガ'))).toEqual({ line: 1, column: 7 });
    expect(d.toOriginal(d.text.indexOf('イ'))).toEqual({ line: 1, column: 9 });
  });

  it('removes markdown emphasis so split bold text joins', () => {
    expect(doc(0).text).toContain('オール光ネットワークを中心に、より社会実装・海外展開に焦点を置いた新たな戦略を策定');
  });
});

describe('PDF line joins', () => {
  it('joins words split across lines inside a paragraph (seeds/002)', () => {
    const t = doc(2).text;
    expect(t).toContain('について情報通信審議会に諮問した'); // 情報通\n信審議会, lines 44-45
    expect(t).toContain('高い周波数帯(サブ6・ミリ波)'); // ミ\nリ波, lines 462-463
    expect(t).toContain('グローバルサウスをはじめとする'); // グローバル\nサウス, lines 431-432
    expect(t).toContain('「第6期科学技術・イノベーション基本計画」'); // split across a blank line, lines 2-4
    expect(doc(2).joinedToPrevious[4 - 1]).toBe(true);
  });

  it('keeps the break before bullets, headings, labelled fields and after short list lines', () => {
    const d0 = doc(0);
    expect(d0.text).toContain('日本側代表者:富士通\nドイツ側代表者:アドラン・ネットワークSE社'); // label line
    expect(d0.text).toContain('令和7年10月16日\n総務省 国際戦略局 技術政策課\n松井 正幸'); // fields of a title slide
    const d2 = doc(2);
    expect(d2.text).toContain('及び関連する取組\n総務省は、'); // (1) heading then paragraph (lines 15-16)
    expect(d2.joinedToPrevious[16 - 1]).toBe(false);
    expect(doc(0).text).toContain('Inclusive\n包摂性'); // Latin then Japanese on short lines
  });

  it('joins short slide lines split inside a Japanese phrase (seeds/000)', () => {
    expect(doc(0).text).toContain('AI社会を支える次世代情報通信基盤の実現に向けた戦略');
    expect(doc(0).text).toContain('APN関連技術の国別特許出願件数シェア');
  });

  it('drops page-number lines', () => {
    expect(doc(2).dropped[396 - 1]).toBe(true);
    expect(line(2, 396)).toBe('');
    expect(doc(0).dropped[284 - 1]).toBe(true);
    expect(doc(2).dropped[1 - 1]).toBe(false);
  });
});

describe('spaced letters', () => {
  it('collapses letters a PDF extraction spaced out', () => {
    expect(line(1, 285)).toContain('(NICT)');
    expect(line(1, 285)).toContain('QuAT');
    expect(line(1, 285)).toContain('(QST)');
    expect(line(1, 35)).toBe('## AI時代の新たなデジタルインフラの推進');
    expect(line(1, 75)).toBe('- -BBユニバーサルサービスの確保');
    expect(line(1, 80)).toContain('「5Gならではの」');
    expect(line(1, 303)).toContain('Beyond 5G(6G)');
    expect(line(0, 94)).toBe('AI 時代の新たなデジタルインフラの推進');
    expect(line(4, 132)).toContain('5G 基地局市場');
  });

  it('does not glue real words or two numbers', () => {
    expect(line(2, 69)).toContain('Open RAN');
    expect(line(0, 469)).toContain('(6G MIRAI-HARMONY)');
    expect(line(0, 351)).toBe('Hexa-X-IIプロジェクト');
    expect(line(0, 9)).toContain('Beyond 5G推進戦略懇談会');
    expect(line(1, 555)).toBe('※2 4年以内にTRLが概ね6、5年以内にTRLが概ね7など');
  });

  it('removes spaces between numbers and Japanese units', () => {
    expect(line(2, 4)).toContain('(2021年(令和3年)3月26日閣議決定)');
    expect(line(1, 994)).toContain('R3年 2021年'); // two year expressions stay apart
  });
});

describe('footnotes', () => {
  it('finds the definitions of seeds/002 and their references', () => {
    expect(doc(2).footnotes.map((f) => [f.number, f.line, f.referenceLine])).toEqual([
      [1, 36, 23],
      [2, 37, 24],
      [3, 42, 25],
      [4, 78, 54],
      [5, 79, 57],
      [6, 82, 69],
      [7, 294, 284],
    ]);
  });

  it('detaches references glued to words', () => {
    expect(line(2, 69)).toContain('Open RANや光伝送装置');
    expect(line(2, 24)).toContain('時限的な基金を創設して');
    expect(line(2, 23)).toMatch(/^し、国立研究開発法人/);
    expect(line(2, 54)).toBe('するため、改めて法律を改正した。');
    expect(line(2, 25)).toMatch(/「Beyond 5G推進コンソーシアム」$/);
    expect(line(2, 57)).toMatch(/^う。\)により実施する/);
    expect(line(4, 43)).toContain('特需が我が国のみならず'); // <sup>6</sup>
    expect(line(4, 41)).toContain('規模となっている。'); // " 4。" defined by <sup>4</sup>
  });

  it('leaves numbers that are not references', () => {
    const t = doc(2).text;
    expect(t).toContain('G7群馬高崎デジタル・技術大臣会合');
    expect(t).toContain('「Society 5.0」');
    expect(t).toContain('5G サービスの開始');
    expect(t).toContain('2030年代');
    expect(line(2, 36)).toMatch(/^1 国立研究開発法人/); // the definition keeps its number
  });

  it('does not detach without a definition', async () => {
    const { doc: d } = await normalizeText('また、Open RAN6や光伝送装置等、基金 2を創設した。\n');
    expect(d.text).toBe('また、Open RAN6や光伝送装置等、基金2を創設した。');
    expect(d.footnotes).toEqual([]);
  });
});

describe('offset map', () => {
  it('maps every normalized offset to a valid line and column of the file', () => {
    for (const f of SEEDS) {
      const raw = raws.get(f)!;
      const d = docs.get(f)!;
      let exact = 0;
      const bad: string[] = []; // collected, so one failure does not hide the others and the loop stays fast
      for (let o = 0; o <= d.text.length; o++) {
        const { line: l, column } = d.toOriginal(o);
        const rawLine = raw.lines[l - 1];
        if (rawLine === undefined || column < 0 || column > rawLine.length) {
          bad.push(`${f} offset ${o} → ${l}:${column}`);
          continue;
        }
        const c = d.text.charCodeAt(o);
        // kanji and kana are unchanged by every step: they must point at themselves
        if ((c >= 0x3041 && c <= 0x30fa) || (c >= 0x4e00 && c <= 0x9fff)) {
          if (rawLine[column] === d.text[o]) exact++;
          else bad.push(`${f} offset ${o} '${d.text[o]}' → ${l}:${column} '${rawLine[column]}'`);
        }
      }
      expect(bad.slice(0, 5)).toEqual([]);
      expect(exact).toBeGreaterThan(1000);
      // line offsets are consistent with the map
      for (let i = 0; i < raw.lines.length; i++) {
        expect(d.lineEndOffsets[i]! - d.lineStartOffsets[i]!).toBe(d.lines[i]!.length);
        if (d.lines[i]) expect(d.toOriginal(d.lineStartOffsets[i]!).line).toBe(i + 1);
      }
    }
  });

  it('handles a 100 KB single line and odd Unicode', async () => {
    const long = `${'情報通信 A I と 5 G の研究開発。'.repeat(5000)}\u0000\u200b𠮷\ud800\n`;
    const { raw, doc: d } = await normalizeText(long);
    expect(d.lines).toHaveLength(1);
    expect(d.text.startsWith('情報通信 AI と5G の研究開発。')).toBe(true);
    const o = d.text.indexOf('𠮷');
    expect(raw.lines[0]!.slice(d.toOriginal(o).column, d.toOriginal(o).column + 2)).toBe('𠮷');
  });
});

// RawDocument → NormalizedDocument: one normalized string for the whole document plus a map from every offset in it
// back to the file's line and column. Steps per line: NFKC (enclosed numbers kept), inline markdown emphasis removed,
// footnote references detached, PDF-spaced letters collapsed, number–word spaces removed, ends trimmed. Then lines a
// PDF extraction wrapped inside a word are joined (情報通\n信審議会 → 情報通信審議会) and page-number lines dropped.
import { displayWidth, isJapaneseWordChar, isWordChar } from '../../src/text/chars.ts';
import type { RawDocument } from '../read/readDocument.ts';
import { type Footnote, findFootnotes } from './footnotes.ts';
import {
  collapseSpacedLetters,
  joinJapaneseSpaces,
  joinNumberSpaces,
  nfkc,
  stripInlineMarkup,
  trimLine,
} from './lineTransforms.ts';
import { MappedLine, deleteRanges } from './MappedLine.ts';
import { isStructuralStart } from './structure.ts';

export interface OriginalPosition {
  /** 1-based physical line of the file. */
  line: number;
  /** 0-based UTF-16 index into that line (raw.lines[line-1]). */
  column: number;
}

export interface NormalizedDocument {
  text: string;
  /** Normalized content of each physical line (index = line-1); '' for blank and dropped lines. */
  lines: string[];
  /** Offset in `text` where each physical line's content starts (index = line-1). Every line has one: a blank,
   * dropped or joined line gets the position where its (possibly empty) content sits. Non-decreasing. */
  lineStartOffsets: number[];
  /** Offset in `text` just past each line's content. */
  lineEndOffsets: number[];
  /** True when the line's content follows the previous line's with no line break: a word the PDF wrapped. A blank
   * line between two joined lines is marked too. */
  joinedToPrevious: boolean[];
  /** True when the line belongs to the same paragraph as the previous non-blank line: adjacent lines, and lines a
   * PDF layout separated by a blank line inside a paragraph (the blank line between is marked too). */
  continuesParagraph: boolean[];
  /** True for lines removed as layout noise (page numbers). */
  dropped: boolean[];
  /** Footnote definitions whose references were detached from the running text. */
  footnotes: Footnote[];
  /** The display width a line must reach to count as wrapped by the PDF layout (see DEFAULT_WRAP_RATIO). */
  wrapWidth: number;
  toOriginal(offset: number): OriginalPosition;
}

/** A line at least this share of the document's typical full width (95th percentile) was wrapped by the layout. */
export const DEFAULT_WRAP_RATIO = 0.8;
/** Share of lines at full width from which a document is taken to be laid out in wrapped lines (PDF text). */
export const DEFAULT_WRAPPED_LINE_SHARE = 0.25;
const SENTENCE_END = new Set(['。', '.', '!', '?', '！', '？', '．']);

function isBlank(s: string): boolean {
  return s.trim() === '';
}

function isPageNumber(content: string): boolean {
  return content.length > 0 && content.length <= 3 && /^\d+$/.test(content);
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export function normalizeDocument(raw: RawDocument): NormalizedDocument {
  const n = raw.lines.length;
  // 1. per-line normalization that does not depend on other lines
  const stage1: MappedLine[] = raw.lines.map((l) => stripInlineMarkup(nfkc(MappedLine.identity(l))));

  // 2. footnotes need the whole document
  const { footnotes, markers, definitionLines } = findFootnotes(stage1.map((m) => m.text));
  const byLine = new Map<number, Array<[number, number]>>();
  for (const m of markers) {
    const list = byLine.get(m.lineIndex) ?? [];
    list.push([m.start, m.end]);
    byLine.set(m.lineIndex, list);
  }
  const mapped: MappedLine[] = stage1.map((m, i) => {
    let line = deleteRanges(m, byLine.get(i) ?? []);
    line = collapseSpacedLetters(line);
    line = joinNumberSpaces(line);
    line = joinJapaneseSpaces(line);
    return trimLine(line);
  });

  // 3. page numbers: a lone 1–3 digit line between blank lines
  const dropped = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; i++) {
    const prevBlank = i === 0 || isBlank(raw.lines[i - 1]!);
    const nextBlank = i === n - 1 || isBlank(raw.lines[i + 1]!);
    if (prevBlank && nextBlank && isPageNumber(mapped[i]!.text)) dropped[i] = true;
  }
  const content = mapped.map((m, i) => (dropped[i] ? '' : m.text));

  // 4. joins
  const widths: number[] = [];
  for (const c of content) if (c) widths.push(displayWidth(c));
  // Only a page layout wraps lines: there many lines reach nearly the same width. Otherwise no line counts as wrapped.
  const fullWidth = Math.max(20, Math.round(percentile(widths, 0.95) * DEFAULT_WRAP_RATIO));
  const atFull = widths.filter((w) => w >= fullWidth).length;
  const wrapWidth = atFull >= widths.length * DEFAULT_WRAPPED_LINE_SHARE ? fullWidth : Number.POSITIVE_INFINITY;
  const joined = new Array<boolean>(n).fill(false);
  const continues = new Array<boolean>(n).fill(false);
  for (let j = 1; j < n; j++) {
    const b = content[j]!;
    if (!b) continue;
    let i = j - 1;
    let acrossBlank = false;
    if (!content[i] && !dropped[i] && i > 0 && content[i - 1] && isBlank(raw.lines[i]!)) {
      i--;
      acrossBlank = true;
    }
    const a = content[i]!;
    if (!a) continue;
    const bIsFootnote = definitionLines.has(j);
    if (shouldJoin(a, b, acrossBlank, wrapWidth, bIsFootnote)) {
      joined[j] = continues[j] = true;
      if (acrossBlank) joined[j - 1] = continues[j - 1] = true;
    } else if (acrossBlank && !bIsFootnote && !isStructuralStart(b) && !SENTENCE_END.has(a[a.length - 1]!) && displayWidth(a) >= wrapWidth) {
      // a wrapped line that ends on punctuation ("…取り組んできた、"): same paragraph, the blank line is layout noise
      continues[j] = continues[j - 1] = true;
      joined[j - 1] = true;
    } else if (!acrossBlank) {
      continues[j] = true;
    }
  }

  // 5. assemble text and the offset map
  const parts: string[] = [];
  const lineStartOffsets = new Array<number>(n);
  const lineEndOffsets = new Array<number>(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && !joined[i]) {
      parts.push('\n');
      total += 1;
    }
    lineStartOffsets[i] = total;
    parts.push(content[i]!);
    total += content[i]!.length;
    lineEndOffsets[i] = total;
  }
  const text = parts.join('');
  const origin = new Int32Array(text.length + 1);
  for (let i = 0; i < n; i++) {
    const base = raw.lineStarts[i]!;
    const start = lineStartOffsets[i]!;
    if (i > 0 && !joined[i]) origin[start - 1] = raw.lineStarts[i - 1]! + raw.lines[i - 1]!.length; // the "\n"
    const cols = mapped[i]!.cols;
    const len = content[i]!.length;
    for (let k = 0; k < len; k++) origin[start + k] = base + cols[k]!;
  }
  origin[text.length] = n > 0 ? raw.lineStarts[n - 1]! + raw.lines[n - 1]!.length : 0;

  const lineStarts = raw.lineStarts;
  return {
    text,
    lines: content,
    lineStartOffsets,
    lineEndOffsets,
    joinedToPrevious: joined,
    continuesParagraph: continues,
    dropped,
    footnotes,
    wrapWidth,
    toOriginal(offset: number): OriginalPosition {
      const o = origin[Math.max(0, Math.min(text.length, Math.trunc(offset)))]!;
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid]! <= o) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: o - (lineStarts[lo] ?? 0) };
    },
  };
}

const DATE_LINE = /^(?:令和|平成|昭和)?(?:\d{1,4}|元)年\d{1,2}月\d{1,2}日$/;
const SPACED_JAPANESE = /[\u3041-\u30ff\u4e00-\u9fff] [\u3041-\u30ff\u4e00-\u9fff]/;

/**
 * A line break between a and b is a PDF wrap inside a word when both sides are word characters, b does not open a
 * new item, and at least one side is Japanese. Breaks after a list/heading line, next to Latin text, or across a
 * blank line count only when a is as wide as the page's text (it was wrapped, not ended).
 */
function shouldJoin(a: string, b: string, acrossBlank: boolean, wrapWidth: number, bIsFootnote: boolean): boolean {
  if (bIsFootnote || isStructuralStart(b) || a.includes('\t') || b.includes('\t')) return false;
  const lastUnit = a.charCodeAt(a.length - 1);
  // a trailing low surrogate: classify by its high half (isJapaneseWordChar knows the CJK extension planes)
  const last = lastUnit >= 0xdc00 && lastUnit <= 0xdfff && a.length >= 2 ? a.charCodeAt(a.length - 2) : lastUnit;
  const first = b.charCodeAt(0);
  if (SENTENCE_END.has(a[a.length - 1]!) || !isWordChar(last) || !isWordChar(first)) return false;
  const aJa = isJapaneseWordChar(last);
  const bJa = isJapaneseWordChar(first);
  if (!aJa && !bJa) return false;
  // Slide text puts separate fields on consecutive short lines: a date line, "総務省 国際戦略局", a name.
  const fieldLike = DATE_LINE.test(a) || SPACED_JAPANESE.test(a) || SPACED_JAPANESE.test(b);
  const needsWrap = acrossBlank || !aJa || !bJa || isStructuralStart(a) || fieldLike;
  return !needsWrap || displayWidth(a) >= wrapWidth;
}

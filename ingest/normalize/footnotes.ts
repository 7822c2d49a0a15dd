// Footnotes of PDF-extracted text: a definition line starts with its number ("2 令和２年度…" or "<sup>2</sup> …"),
// and the reference is the same number glued to a word in the running text ("基金 2を", "Open RAN6や").
// A number is only treated as a reference when the document defines that footnote, and (for plain numbers) only the
// first candidate between the previous footnote's reference and the definition, in order 1, 2, 3…: `5G`, `G7`,
// `Society 5.0`, `2030年` never qualify.
import { isAsciiDigit, isHiragana, isJapaneseWordChar, isLatinWordChar } from '../../src/text/chars.ts';

export interface Footnote {
  number: number;
  /** 1-based line of the definition. */
  line: number;
  /** 1-based line of the reference in the running text (null if only the definition was found: `<sup>` style). */
  referenceLine: number | null;
}

export interface FootnoteMarker {
  /** 0-based line index. */
  lineIndex: number;
  /** [start, end) in the line to delete: the number and a space before it. */
  start: number;
  end: number;
  number: number;
}

/** How many unmatched reference candidates are remembered while looking for the next definition. */
export const DEFAULT_MAX_PENDING_REFERENCES = 200;

const CLOSERS = new Set(['」', '』', ')', '）', '】', '〕', ']']);
const AFTER_PUNCT = new Set(['、', '。', ',', '.', '，', '．', ')', '）', '」']);

/** A plain definition: "N text" at the start of a line. */
function plainDefinition(line: string): number | null {
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  const start = i;
  while (i < line.length && isAsciiDigit(line.charCodeAt(i))) i++;
  if (i === start || i - start > 3 || line[i] !== ' ') return null;
  while (i < line.length && line[i] === ' ') i++;
  return i < line.length ? Number(line.slice(start, i).trim()) : null;
}

const SUP_OPEN = '<sup>';
const SUP_CLOSE = '</sup>';

function supDefinition(line: string): number | null {
  const t = line.trimStart();
  if (!t.startsWith(SUP_OPEN)) return null;
  const close = t.indexOf(SUP_CLOSE);
  const n = t.slice(SUP_OPEN.length, close);
  return close > 0 && /^\d{1,3}$/.test(n) ? Number(n) : null;
}

/** Plain-number reference candidates in one line, in order. */
function plainCandidates(s: string, lineIndex: number, out: FootnoteMarker[]): void {
  for (let p = 0; p < s.length; p++) {
    if (!isAsciiDigit(s.charCodeAt(p))) continue;
    let q = p;
    while (q < s.length && isAsciiDigit(s.charCodeAt(q))) q++;
    const digits = q - p;
    const at = p;
    p = q - 1;
    if (digits > 3 || at === 0) continue;
    // after: a particle or punctuation, or the end of the line
    let after = true;
    if (q < s.length) {
      const a = s.charCodeAt(q);
      if (a === 0x20) after = s.slice(q).trim() === '';
      else after = isHiragana(a) || AFTER_PUNCT.has(s[q]!);
    }
    if (!after) continue;
    const b = s.charCodeAt(at - 1);
    const bs = s[at - 1]!;
    let start = -1;
    if (isJapaneseWordChar(b) || CLOSERS.has(bs)) start = at;
    else if (isLatinWordChar(b) && !isAsciiDigit(b)) {
      // glued to a Latin word: only a word of 2+ letters ("RAN6"), never "G7"
      let k = at - 1;
      while (k >= 0 && isLatinWordChar(s.charCodeAt(k))) k--;
      const word = s.slice(k + 1, at);
      if (word.length >= 2 && !/\d/.test(word)) start = at;
    } else if (bs === ' ' && at >= 2) {
      const b2 = s.charCodeAt(at - 2);
      if (isJapaneseWordChar(b2) || CLOSERS.has(s[at - 2]!)) start = at - 1;
    }
    if (start < 0) continue;
    out.push({ lineIndex, start, end: q, number: Number(s.slice(at, q)) });
  }
}

/** Explicit superscript markup: <sup>N</sup>, $^N$, $^{N}$, ^{N}. */
const EXPLICIT_MARKER = /<sup>(\d{1,3})<\/sup>|\$\^\{?(\d{1,3})\}?\$|\^\{(\d{1,3})\}/g;

function explicitMarkers(s: string, lineIndex: number, defined: Set<number>, out: FootnoteMarker[]): void {
  const skip = s.trimStart().startsWith(SUP_OPEN) ? s.indexOf(SUP_CLOSE) + SUP_CLOSE.length : 0; // a definition's own number
  for (const m of s.matchAll(EXPLICIT_MARKER)) {
    const n = Number(m[1] ?? m[2] ?? m[3]);
    if (m.index < skip || !defined.has(n)) continue;
    let start = m.index;
    while (start > 0 && s[start - 1] === ' ') start--;
    out.push({ lineIndex, start, end: m.index + m[0].length, number: n });
  }
}

/** Finds footnote definitions and the references to detach. `lines` are NFKC-normalized physical lines. */
export function findFootnotes(lines: string[]): { footnotes: Footnote[]; markers: FootnoteMarker[]; definitionLines: Set<number> } {
  const footnotes: Footnote[] = [];
  const markers: FootnoteMarker[] = [];
  const definitionLines = new Set<number>();

  // <sup>N</sup> style: explicit markup, every definition counts.
  const supDefined = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const n = supDefinition(lines[i]!);
    if (n !== null && !supDefined.has(n)) {
      supDefined.add(n);
      definitionLines.add(i);
      footnotes.push({ number: n, line: i + 1, referenceLine: null });
    }
  }
  const candidatesByLine: FootnoteMarker[][] = lines.map((line, i) => {
    const found: FootnoteMarker[] = [];
    if (!definitionLines.has(i)) plainCandidates(line, i, found);
    return found;
  });
  if (supDefined.size > 0) {
    for (let i = 0; i < lines.length; i++) explicitMarkers(lines[i]!, i, supDefined, markers);
    for (const f of footnotes) {
      let ref = markers.find((m) => m.number === f.number);
      // no explicit reference: the nearest plain "…いる 4。" before the definition
      for (let i = f.line - 2; !ref && i >= 0 && i >= f.line - 1 - DEFAULT_MAX_PENDING_REFERENCES; i--) {
        ref = candidatesByLine[i]!.findLast((c) => c.number === f.number);
        if (ref) markers.push(ref);
      }
      f.referenceLine = ref ? ref.lineIndex + 1 : null;
    }
  }

  // Plain style: definitions numbered 1, 2, 3… each preceded by its reference.
  let expected = 1;
  let candidates: FootnoteMarker[] = []; // reference candidates after the last accepted reference
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (definitionLines.has(i)) continue;
    const def = plainDefinition(line);
    const ref = def === expected ? candidates.find((c) => c.number === expected) : undefined;
    if (ref) {
      markers.push(ref);
      footnotes.push({ number: expected, line: i + 1, referenceLine: ref.lineIndex + 1 });
      definitionLines.add(i);
      candidates = candidates.filter((c) => c.lineIndex > ref.lineIndex || c.start >= ref.end);
      expected++;
      continue;
    }
    candidates.push(...candidatesByLine[i]!);
    // a window of recent candidates is enough: references precede their definitions by about a page
    if (candidates.length > DEFAULT_MAX_PENDING_REFERENCES) candidates = candidates.slice(-DEFAULT_MAX_PENDING_REFERENCES);
  }
  markers.sort((a, b) => a.lineIndex - b.lineIndex || a.start - b.start);
  footnotes.sort((a, b) => a.line - b.line);
  return { footnotes, markers, definitionLines };
}

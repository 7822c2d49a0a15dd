// Splits a normalized document into passages, each with its physical line range and heading path.
// Rules, in the order they are tried for each non-blank line:
//  - Markdown heading (`## …`): a heading passage and a heading-path entry (level = number of #). When the lines
//    after it are ≥2 labelled fields (`期間: …`, `予算: …`), heading + fields become one 'block' passage instead.
//  - `○` line: a 'block' with the first group of lines after it plus any further labelled-field groups
//    (テーマ/期間/予算/代表者…), up to the next ○, heading, or unlabelled group.
//  - Tab-separated line: one 'table-row' passage; `tableHeader` holds the first row's cells of that table.
//  - Bullet (`-`, `・`, `●`, `◆`, `✓`, …) or numbered item: a 'bullet' with its continuation lines. A short numbered
//    line that reads like a title (`(1)…`, `① …`, `ア …`, `1 経緯`) is a heading instead.
//  - Slide-style title: an isolated short line without sentence punctuation that does not end in kana, followed by
//    content. A title followed by another title is the outer one (a country above its programmes); a title that
//    recurs ≥3 times (`具体的な取組`) nests one level deeper. In Markdown documents they nest below the # headings.
//  - Everything else: 'paragraph' = consecutive lines (plus lines the normalizer marked as the same paragraph).
// Passages longer than DEFAULT_MAX_PASSAGE_CHARS are cut at sentence ends; empty passages are never produced.
import { displayWidth, isHiragana } from '../../src/text/chars.ts';
import { parseJapaneseDate } from '../../src/text/japaneseDate.ts';
import type { PassageKind } from '../../src/model/graph.ts';
import type { NormalizedDocument } from '../normalize/normalizeDocument.ts';
import { isEnclosedNumber, isLabelLine, isStructuralStart } from '../normalize/structure.ts';
import type { RawDocument } from '../read/readDocument.ts';

export interface SegmentedPassage {
  ordinal: number;
  kind: PassageKind;
  /** Normalized text (markers such as `- ・` and `##` stripped). */
  text: string;
  /** 1-based physical lines of the original file. */
  lineStart: number;
  lineEnd: number;
  /** Heading path, outermost first. */
  section: string[];
  /** Offset in `text` where each physical line lineStart..lineEnd begins (index i → line lineStart+i). */
  lineOffsets: number[];
  /** Offset of `text` inside the NormalizedDocument's text (doc.toOriginal(textOffset + i) maps back). */
  textOffset: number;
  /** For table rows: the cells of the table's first row. */
  tableHeader?: string[];
  /** For footnote definitions: the footnote number. */
  footnote?: number;
}

export interface SegmentedDocument {
  title: string;
  /** ISO date stated near the top of the document, or null. */
  date: string | null;
  passages: SegmentedPassage[];
}

export const DEFAULT_MAX_PASSAGE_CHARS = 1500;
export const DEFAULT_MAX_PASSAGE_LINES = 30;
/** A title or heading line is at most this wide (display columns: full-width characters count 2). */
export const DEFAULT_MAX_TITLE_WIDTH = 80;
/** Non-blank lines from the top searched for the document date. */
export const DEFAULT_DATE_SEARCH_LINES = 12;
/** A title text seen this often is a recurring sub-heading (`具体的な取組`). */
export const DEFAULT_RECURRING_TITLE_COUNT = 3;

const MD_HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET_MARKERS = new Set(['-', '*', '+', '・', '•', '●', '◆', '◇', '■', '□', '▶', '▷', '►', '➡', '→', '✓', '✔', '▪', '▸', '☆', '★', '◎', '―', '—']);
const SENTENCE_PUNCT = /[。．.!?！？]$|。/;
/** Source notes, captions, and timeline entries (`2020年6月 …`) are not titles. */
const NOT_TITLE_START = /^(?:\(?出典|図 ?\d|表 ?\d|注[:：)]|※|\d{4}年|(?:令和|平成|昭和)(?:\d{1,2}|元)年)/;

type NumberedType = 'chapter' | 'digit' | 'paren' | 'circled' | 'kana';

function numberedType(line: string): NumberedType | null {
  if (/^第\d{1,3}[章部編]/.test(line)) return 'chapter';
  if (/^\d{1,2} \S/.test(line)) return 'digit';
  // "(2)の新たな…", "①で示した…": a reference to an item, not an item
  if (/^\(\d{1,3}\)(?![のでにをはがとへ])/.test(line)) return 'paren';
  if (isEnclosedNumber(line.charCodeAt(0)) && !/^.[のでにをはがとへ]/u.test(line)) return 'circled';
  if (/^[ア-ン] \S/.test(line)) return 'kana';
  return null;
}

/** Heading-ish text: short, no sentence punctuation, not ending in kana (titles end in nouns, items in verbs). */
function readsLikeTitle(line: string): boolean {
  if (!line || displayWidth(line) > DEFAULT_MAX_TITLE_WIDTH || SENTENCE_PUNCT.test(line)) return false;
  const last = line.charCodeAt(line.length - 1);
  if (isHiragana(last) || '、,，:：;；'.includes(line[line.length - 1]!)) return false;
  return true;
}

function contentShape(line: string): string {
  if (line[0] === '○') return 'block';
  if (stripBullet(line) > 0) return 'bullet';
  if (numberedType(line) || /^\d{1,3}[.)]/.test(line)) return 'numbered';
  return 'text';
}

function stripBullet(line: string): number {
  let i = 0;
  while (i < line.length && (BULLET_MARKERS.has(line[i]!) || line[i] === ' ' || line[i] === '\t')) i++;
  return i;
}

interface Draft {
  kind: PassageKind;
  start: number; // offset in doc.text
  end: number;
  lineStart: number; // 0-based line index
  lineEnd: number;
  section: string[];
  tableHeader?: string[];
  footnote?: number;
}

export function segmentDocument(doc: NormalizedDocument, raw: RawDocument): SegmentedDocument {
  const lines = doc.lines;
  const n = lines.length;
  const footnoteAt = new Map<number, number>(doc.footnotes.map((f) => [f.line - 1, f.number]));
  const blank = (i: number) => i >= n || lines[i] === '';
  const nextNonBlank = (i: number) => {
    let j = i;
    while (j < n && blank(j)) j++;
    return j;
  };
  const continues = (i: number) => i < n && doc.continuesParagraph[i] === true && !blank(i);

  const mdHeadings = lines.filter((l) => MD_HEADING.test(l)).length;
  const markdown = mdHeadings >= 2;

  // Titles: isolated plain lines that read like titles and are followed by something.
  const isTitle = new Array<boolean>(n).fill(false);
  const titleCount = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    if (!l || footnoteAt.has(i) || isStructuralStart(l) || l.includes('\t') || NOT_TITLE_START.test(l)) continue;
    if (continues(i) || continues(i + 1) || nextNonBlank(i + 1) >= n) continue;
    if (!readsLikeTitle(l) || parseJapaneseDate(l)) continue;
    isTitle[i] = true;
    titleCount.set(l, (titleCount.get(l) ?? 0) + 1);
  }
  /** The line runs on into the next one (a PDF wrap), so it is the start of a paragraph, not a title. */
  const wrapped = (i: number): boolean =>
    displayWidth(lines[i]!) >= doc.wrapWidth ||
    (i + 1 < n && (doc.joinedToPrevious[i + 1] === true || (blank(i + 1) && doc.continuesParagraph[i + 1] === true)));
  const numberedHeading = (i: number): NumberedType | null => {
    const l = lines[i]!;
    const type = numberedType(l);
    if (!type || footnoteAt.has(i) || wrapped(i)) return null;
    return readsLikeTitle(l) ? type : null;
  };
  const isAnyHeading = (i: number) => i < n && (isTitle[i] || MD_HEADING.test(lines[i]!) || numberedHeading(i) !== null);

  // Levels: Markdown 1–6; below them (or at the top in plain documents) numbered headings, then slide titles.
  const base = markdown ? 6 : 1;
  const NUMBERED_LEVEL: Record<NumberedType, number> = { chapter: base + 1, digit: base + 2, paren: base + 3, circled: base + 4, kana: base + 5 };
  const GROUP_TITLE = markdown ? base + 6 : 1;
  const ITEM_TITLE = base + 6 + (markdown ? 1 : 0);
  const RECURRING_TITLE = ITEM_TITLE + 1;

  // `shape`: for a group title, the kind of content under its first sub-title (see the title branch below)
  const stack: Array<{ level: number; text: string; shape?: string }> = [];
  const path = () => stack.map((h) => h.text);
  const enter = (level: number, text: string) => {
    while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
    const parents = path();
    stack.push({ level, text });
    return parents;
  };

  const drafts: Draft[] = [];
  const add = (kind: PassageKind, from: number, to: number, section: string[], skip = 0, extra: Partial<Draft> = {}) => {
    const start = doc.lineStartOffsets[from]! + skip;
    const end = doc.lineEndOffsets[to]!;
    if (doc.text.slice(start, end).trim() === '') return;
    drafts.push({ kind, start, end, lineStart: from, lineEnd: to, section, ...extra });
  };

  /** Lines of labelled fields after `from` (blank lines between allowed); returns the last line used and the count. */
  const labelledFields = (from: number): { end: number; count: number } => {
    let end = from - 1;
    let count = 0;
    for (;;) {
      const j = nextNonBlank(end + 1);
      if (j >= n || !isLabelLine(lines[j]!) || isAnyHeading(j) || lines[j]![0] === '○') return { end, count };
      count++;
      end = j;
      while (end + 1 < n && !blank(end + 1) && !isStructuralStart(lines[end + 1]!) && !isAnyHeading(end + 1)) end++;
    }
  };
  /** A heading line followed by two or more labelled fields (テーマ:, 期間: …) is one block; else a heading alone. */
  const headingOrBlock = (i: number, parents: string[]): number => {
    const fields = labelledFields(i + 1);
    if (fields.count >= 2) {
      add('block', i, fields.end, parents);
      return fields.end + 1;
    }
    add('heading', i, i, parents);
    return i + 1;
  };

  let tableHeader: string[] | undefined;
  let i = 0;
  while (i < n) {
    if (blank(i)) {
      i++;
      continue;
    }
    const l = lines[i]!;
    if (!l.includes('\t')) tableHeader = undefined;

    const md = MD_HEADING.exec(l);
    if (md) {
      const text = md[2]!.replace(/\s+#+$/, '').trim();
      const level = md[1]!.length;
      const fields = labelledFields(i + 1);
      const parents = text ? enter(level, text) : path();
      if (fields.count >= 2) {
        add('block', i, fields.end, parents, l.length - md[2]!.length);
        i = fields.end + 1;
      } else {
        add('heading', i, i, parents, l.length - md[2]!.length);
        i++;
      }
      continue;
    }

    if (l[0] === '○') {
      // the ○ line, its first group of lines, then further groups of labelled fields
      let end = i;
      const first = nextNonBlank(i + 1);
      if (first < n && lines[first]![0] !== '○' && !isAnyHeading(first)) {
        end = first;
        while (end + 1 < n && !blank(end + 1) && lines[end + 1]![0] !== '○' && !isAnyHeading(end + 1)) end++;
      }
      end = Math.max(end, labelledFields(end + 1).end);
      add('block', i, end, path());
      i = end + 1;
      continue;
    }

    if (l.includes('\t')) {
      const cells = l.split('\t').map((c) => c.trim());
      if (!tableHeader) tableHeader = cells;
      add('table-row', i, i, path(), 0, tableHeader === cells ? {} : { tableHeader });
      i++;
      continue;
    }

    const numbered = numberedHeading(i);
    if (numbered) {
      i = headingOrBlock(i, enter(NUMBERED_LEVEL[numbered], l));
      continue;
    }

    if (isTitle[i]) {
      const next = nextNonBlank(i + 1);
      const recurring = (titleCount.get(l) ?? 0) >= DEFAULT_RECURRING_TITLE_COUNT;
      const level = recurring ? RECURRING_TITLE : isAnyHeading(next) ? GROUP_TITLE : ITEM_TITLE;
      if (level === ITEM_TITLE) {
        // Sub-titles of one group look alike (each followed by bullets); one followed by other content starts
        // a new slide, so the group (a country above its programmes) ends there.
        const g = stack.findIndex((h) => h.level === GROUP_TITLE);
        const shape = contentShape(next < n ? lines[next]! : '');
        if (g >= 0) {
          if (stack[g]!.shape === undefined) stack[g]!.shape = shape;
          else if (stack[g]!.shape !== shape) stack.length = g;
        }
      }
      i = headingOrBlock(i, enter(level, l));
      continue;
    }

    // bullet / numbered item / footnote / paragraph: the line plus its continuation lines
    const bulletSkip = stripBullet(l);
    const isBullet = bulletSkip > 0 || numberedType(l) !== null;
    const footnote = footnoteAt.get(i);
    let end = i;
    const limit = i + DEFAULT_MAX_PASSAGE_LINES;
    while (end + 1 < n && end + 1 < limit) {
      const k = end + 1;
      if (blank(k)) {
        // a blank line the normalizer marked as inside a paragraph
        if (doc.continuesParagraph[k] && continues(nextNonBlank(k))) {
          end = nextNonBlank(k);
          continue;
        }
        break;
      }
      const next = lines[k]!;
      if (footnoteAt.has(k) || next.includes('\t') || next[0] === '○' || isAnyHeading(k)) break;
      if (doc.joinedToPrevious[k]) {
        end = k;
        continue;
      }
      if (isStructuralStart(next) && !(isLabelLine(next) && !isBullet)) break;
      if (isBullet && !continues(k)) break;
      // in wrapped (PDF) text an item continues only after a line that reached the page width
      if (isBullet && Number.isFinite(doc.wrapWidth) && displayWidth(lines[end]!) < doc.wrapWidth) break;
      end = k;
    }
    const kind = isBullet && footnote === undefined ? 'bullet' : 'paragraph';
    add(kind, i, end, path(), bulletSkip, footnote === undefined ? {} : { footnote });
    i = end + 1;
  }

  const passages = finalize(drafts, doc);
  return { title: documentTitle(lines, raw), date: documentDate(lines), passages };
}

/** Cuts over-long drafts at sentence ends and computes text and per-line offsets. */
function finalize(drafts: Draft[], doc: NormalizedDocument): SegmentedPassage[] {
  const out: SegmentedPassage[] = [];
  const text = doc.text;
  for (const d of drafts) {
    let start = d.start;
    while (start < d.end) {
      let end = d.end;
      if (end - start > DEFAULT_MAX_PASSAGE_CHARS) {
        const limit = start + DEFAULT_MAX_PASSAGE_CHARS;
        const sentence = text.lastIndexOf('。', limit - 1);
        const newline = text.lastIndexOf('\n', limit - 1);
        const cut = Math.max(sentence + 1, newline + 1);
        end = cut > start + DEFAULT_MAX_PASSAGE_CHARS / 4 ? cut : limit;
        const c = text.charCodeAt(end - 1);
        if (c >= 0xd800 && c <= 0xdbff) end--; // never split a surrogate pair
      }
      // trim whitespace at the piece's ends so lineStart/lineEnd describe real text
      let s = start;
      let e = end;
      while (s < e && /\s/.test(text[s]!)) s++;
      while (e > s && /\s/.test(text[e - 1]!)) e--;
      if (e > s) {
        let first = d.lineStart;
        while (first < d.lineEnd && doc.lineEndOffsets[first]! <= s) first++;
        let last = d.lineEnd;
        while (last > first && doc.lineStartOffsets[last]! >= e) last--;
        const lineOffsets: number[] = [];
        for (let k = first; k <= last; k++) lineOffsets.push(Math.max(0, Math.min(e - s, doc.lineStartOffsets[k]! - s)));
        out.push({
          ordinal: out.length,
          kind: d.kind,
          text: text.slice(s, e),
          lineStart: first + 1,
          lineEnd: last + 1,
          section: d.section,
          lineOffsets,
          textOffset: s,
          ...(d.tableHeader ? { tableHeader: d.tableHeader } : {}),
          ...(d.footnote !== undefined ? { footnote: d.footnote } : {}),
        });
      }
      start = end;
    }
  }
  return out;
}

function documentDate(lines: string[]): string | null {
  let seen = 0;
  for (const line of lines) {
    if (!line) continue;
    if (++seen > DEFAULT_DATE_SEARCH_LINES) break;
    const l = line.replace(/^#+\s*/, '');
    // a date that stands on its own line (optionally followed by an issuer), not one inside a sentence
    if (displayWidth(l) > DEFAULT_MAX_TITLE_WIDTH / 2 || l.includes('。')) continue;
    const d = parseJapaneseDate(l);
    if (d) return d.iso;
  }
  return null;
}

function documentTitle(lines: string[], raw: RawDocument): string {
  let first: string | null = null;
  let seen = 0;
  for (const line of lines) {
    if (!line) continue;
    if (++seen > DEFAULT_DATE_SEARCH_LINES) break;
    const md = MD_HEADING.exec(line);
    if (md && md[1] === '#') return md[2]!.trim();
    if (first === null && !parseJapaneseDate(line)) first = md ? md[2]!.trim() : line;
  }
  return first ?? raw.file;
}

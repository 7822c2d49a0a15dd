// Per-line normalization steps. Each is one linear pass over the line (no backtracking regexes), so a 100 KB line
// costs the same per character as a short one.
import { isAsciiAlnum, isAsciiDigit, isJapaneseWordChar, isLatinWordChar, isSpace } from '../../src/text/chars.ts';
import { MappedBuilder, type MappedLine, deleteRanges } from './MappedLine.ts';

/** Enclosed numbers (①, ➁, ❶, ㉑, ㊱) carry list structure; NFKC would flatten them to plain digits. */
function keepsForm(cp: number): boolean {
  return (
    (cp >= 0x2460 && cp <= 0x24ff) ||
    (cp >= 0x2776 && cp <= 0x2793) ||
    (cp >= 0x3251 && cp <= 0x325f) ||
    (cp >= 0x32b1 && cp <= 0x32bf)
  );
}

function isCombining(c: number): boolean {
  return (
    (c >= 0x0300 && c <= 0x036f) ||
    (c >= 0x3099 && c <= 0x309a) ||
    (c >= 0xff9e && c <= 0xff9f) ||
    (c >= 0x1ab0 && c <= 0x1aff) ||
    (c >= 0x1dc0 && c <= 0x1dff) ||
    (c >= 0x20d0 && c <= 0x20ff) ||
    (c >= 0xfe20 && c <= 0xfe2f) ||
    (c >= 0xfe00 && c <= 0xfe0f)
  );
}

/** Invisible characters that only split words: zero-width space/joiners, BOM, soft hyphen, word joiner. */
function isInvisible(c: number): boolean {
  return c === 0x200b || c === 0x200c || c === 0x200d || c === 0xfeff || c === 0xad || c === 0x2060;
}

/** Kana, CJK ideographs and Japanese punctuation: NFKC leaves them alone (when no combining mark follows). */
function isNfkcStable(c: number): boolean {
  return (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc || (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3001 && c <= 0x3002) || (c >= 0x300c && c <= 0x3011) || c === 0x30fb;
}

function hasDroppable(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || isInvisible(c)) return true;
  }
  return false;
}

/** NFKC (full-width ＡＰＮ５Ｇ → APN5G, half-width ｶﾞ → ガ), except enclosed numbers; drops invisible and C0 control characters. */
export function nfkc(line: MappedLine): MappedLine {
  const s = line.text;
  let clean = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 || (c < 0x20 && c !== 0x09)) {
      clean = false;
      break;
    }
  }
  if (clean) return line; // ASCII-only: NFKC is the identity
  if (s.normalize('NFKC') === s && !hasDroppable(s)) return line;
  const b = new MappedBuilder();
  let i = 0;
  while (i < s.length) {
    const cp = s.codePointAt(i)!;
    let end = i + (cp > 0xffff ? 2 : 1);
    // A base character and its combining marks normalize together (ｶ + ﾞ → ガ).
    while (end < s.length && isCombining(s.charCodeAt(end))) end++;
    const col = line.cols[i]!;
    if (cp < 0x20 && cp !== 0x09) {
      // control character: dropped
    } else if (isInvisible(cp)) {
      // dropped
    } else if (end === i + 1 && (cp < 0x80 || isNfkcStable(cp))) {
      b.push(s[i]!, col);
    } else {
      const unit = s.slice(i, end);
      b.push(keepsForm(cp) ? unit : unit.normalize('NFKC'), col);
    }
    i = end;
  }
  return b.build();
}

/** Removes markdown emphasis (`**`) and backslash escapes (`\*`): inline markup that splits words for the tokenizer. */
export function stripInlineMarkup(line: MappedLine): MappedLine {
  const s = line.text;
  if (!s.includes('**') && !s.includes('\\')) return line;
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '*' && s[i + 1] === '*') {
      let j = i;
      while (s[j] === '*') j++;
      ranges.push([i, j]);
      i = j - 1;
    } else if (c === '\\' && i + 1 < s.length && '*_#[]()`~>-\\'.includes(s[i + 1]!)) {
      ranges.push([i, i + 1]);
      i++;
    }
  }
  return deleteRanges(line, ranges);
}

function isSingleAlnumAt(s: string, i: number): boolean {
  return (
    isAsciiAlnum(s.charCodeAt(i)) &&
    (i === 0 || !isLatinWordChar(s.charCodeAt(i - 1))) &&
    (i + 1 >= s.length || !isLatinWordChar(s.charCodeAt(i + 1)))
  );
}

/**
 * Collapses letters a PDF extraction spaced out: `N I C T` → `NICT`, `A I` → `AI`, `5 G` → `5G`, `Q u A T` → `QuAT`.
 * Only single-character tokens separated by one space are joined, and never two digits (`※2 4年` stays), so real
 * words (`Open RAN`, `Beyond 5G`, `6G MIRAI-HARMONY`) are untouched.
 */
export function collapseSpacedLetters(line: MappedLine): MappedLine {
  const s = line.text;
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i + 2 < s.length; i++) {
    if (s.charCodeAt(i + 1) !== 0x20) continue;
    if (!isSingleAlnumAt(s, i) || !isSingleAlnumAt(s, i + 2)) continue;
    if (isAsciiDigit(s.charCodeAt(i)) && isAsciiDigit(s.charCodeAt(i + 2))) continue;
    ranges.push([i + 1, i + 2]);
  }
  return deleteRanges(line, ranges);
}

const LEADING_MARKUP = new Set(['#', '-', '*', '+', '・', '>', '※', ' ', '\t']);

/**
 * Removes spaces between a number and a Japanese word (`2021 年` → `2021年`, `300 億円` → `300億円`,
 * `令和 10 年` → `令和10年`) so quantities and dates read as one unit. A number that opens the line (a list or
 * footnote number such as `1 経緯`) keeps its space.
 */
export function joinNumberSpaces(line: MappedLine): MappedLine {
  const s = line.text;
  let lead = 0;
  while (lead < s.length && LEADING_MARKUP.has(s[lead]!)) lead++;
  let afterNumber = lead;
  while (afterNumber < s.length && isAsciiDigit(s.charCodeAt(afterNumber))) afterNumber++;
  const keep = afterNumber > lead && afterNumber - lead <= 3 ? afterNumber : -1; // the space after a leading list/footnote number
  const ranges: Array<[number, number]> = [];
  for (let i = 1; i < s.length; i++) {
    if (s.charCodeAt(i) !== 0x20 || i === keep) continue;
    let j = i;
    while (j < s.length && s.charCodeAt(j) === 0x20) j++;
    if (j - i <= 2 && j < s.length) {
      const before = s.charCodeAt(i - 1);
      const after = s.charCodeAt(j);
      if (isAsciiDigit(before) && isJapaneseWordChar(after)) ranges.push([i, j]);
      else if (isJapaneseWordChar(before) && isAsciiDigit(after) && !startsYear(s, j)) ranges.push([i, j]);
    }
    i = j - 1;
  }
  return deleteRanges(line, ranges);
}

/** "2021年" after a space: a second year expression (table headers "R3年 2021年"), not part of the word before. */
function startsYear(s: string, at: number): boolean {
  let k = at;
  while (k < s.length && isAsciiDigit(s.charCodeAt(k))) k++;
  return k - at === 4 && s[k] === '年';
}

/**
 * In running prose (a line with "。"), a space between two Japanese characters is a PDF line-wrap leftover
 * ("海外 展開" → "海外展開"). Lines without "。" keep them: there they separate fields ("総務省 国際戦略局").
 */
export function joinJapaneseSpaces(line: MappedLine): MappedLine {
  const s = line.text;
  if (!s.includes('。')) return line;
  const ranges: Array<[number, number]> = [];
  for (let i = 1; i + 1 < s.length; i++) {
    if (s.charCodeAt(i) === 0x20 && isJapaneseWordChar(s.charCodeAt(i - 1)) && isJapaneseWordChar(s.charCodeAt(i + 1))) {
      ranges.push([i, i + 1]);
    }
  }
  return deleteRanges(line, ranges);
}

/** Trims spaces at both ends; leading tabs stay (an empty first table cell). */
export function trimLine(line: MappedLine): MappedLine {
  const s = line.text;
  let start = 0;
  let end = s.length;
  while (start < end && isSpace(s.charCodeAt(start))) start++;
  while (end > start && (isSpace(s.charCodeAt(end - 1)) || s.charCodeAt(end - 1) === 0x09)) end--;
  if (start === 0 && end === s.length) return line;
  const b = new MappedBuilder();
  b.copy(line, start, end);
  return b.build();
}

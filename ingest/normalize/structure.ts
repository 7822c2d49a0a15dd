// Line openings that start a new item (bullet, numbered item, heading, table row, labelled field): a line starting
// like this is never glued to the previous line. Shared with the segmenter.

const BULLET_CHARS = new Set([
  '-', '*', '+', '・', '•', '●', '○', '◯', '◎', '◆', '◇', '■', '□', '▶', '▷', '►', '➡', '→', '✓', '✔', '※', '【', '<',
  '#', '|', '>', '―', '—', '〇', '▪', '▸', '☆', '★',
]);

export function isEnclosedNumber(c: number): boolean {
  return (c >= 0x2460 && c <= 0x2473) || (c >= 0x2776 && c <= 0x2793) || (c >= 0x3251 && c <= 0x325f) || (c >= 0x32b1 && c <= 0x32bf);
}

/** "(1)", "1.", "1)", "1 text", "ア text", "第1章", "図 1"/"表1" captions. */
const NUMBERED = /^(?:\(\d{1,3}\)(?![のでにをはがとへ])|\d{1,3}[.)](?!\d)|\d{1,3} (?=\S)|[ア-ン] (?=\S)|第\d{1,3}[章節部編]|[図表] ?\d)/;
/** "テーマ：…", "期間: …": a short label and a colon. */
const LABEL = /^[^\s：:。、]{1,12}[：:]/;

export function isStructuralStart(line: string): boolean {
  if (!line) return false;
  if (BULLET_CHARS.has(line[0]!)) return true;
  if (isEnclosedNumber(line.charCodeAt(0))) return !/^.[のでにをはがとへ]/u.test(line); // "①で示した…" is a reference
  return NUMBERED.test(line) || LABEL.test(line);
}

export function isLabelLine(line: string): boolean {
  return LABEL.test(line);
}

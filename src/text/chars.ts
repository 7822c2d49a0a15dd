// Character classes shared by normalization and segmentation. Code-unit tests only: no regex per character.

/** Hiragana, katakana (incl. ー and half-width forms), CJK ideographs, 々〆ヵヶ: characters that make up Japanese words. */
export function isJapaneseWordChar(c: number): boolean {
  return (
    (c >= 0x3041 && c <= 0x309f) || // hiragana
    (c >= 0x30a1 && c <= 0x30ff) || // katakana and ー (the middle dot ・ is excluded below)
    (c >= 0x3400 && c <= 0x4dbf) || // CJK ext A
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified
    (c >= 0xf900 && c <= 0xfaff) || // CJK compatibility
    (c >= 0xff66 && c <= 0xff9f) || // half-width katakana
    (c >= 0xd840 && c <= 0xd87f) || // high surrogates of CJK ext B–G (𠮷)
    c === 0x3005 || // 々
    c === 0x3006 || // 〆
    c === 0x3007 // 〇
  ) && c !== 0x30fb;
}

export function isHiragana(c: number): boolean {
  return c >= 0x3041 && c <= 0x309f;
}

export function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

export function isAsciiAlnum(c: number): boolean {
  return isAsciiDigit(c) || isAsciiLetter(c);
}

/** A character that belongs to a word in the Latin sense: ASCII letters/digits and Latin-1/Extended letters. */
export function isLatinWordChar(c: number): boolean {
  return isAsciiAlnum(c) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

export function isWordChar(c: number): boolean {
  return isJapaneseWordChar(c) || isLatinWordChar(c);
}

/** Space-like characters that normalization trims (tabs are kept: they separate table cells). */
export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f;
}

/** Display width in columns: East Asian wide/full-width characters count 2. Used to spot lines a PDF wrapped. */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // low surrogate: counted with its high half
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xd800 && c <= 0xdbff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x2460 && c <= 0x24ff) ||
    (c >= 0x25a0 && c <= 0x27bf)
  );
}

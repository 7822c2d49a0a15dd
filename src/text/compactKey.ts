// The key under which names and aliases are compared: NFKC, lower case, no whitespace, one kind of dash.
// "ＡＰＮ", "A P N" and "apn" share a key; so do "Beyond 5G" and "Beyond5G".
const DASHES = /[‐‑‒–—―−－-]/g;

export function compactKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(DASHES, '-');
}

const LATIN_OR_DIGIT = /[0-9A-Za-z]/;
/** True for ASCII letters and digits (after NFKC): the characters whose neighbours decide a word boundary. */
export function isLatinOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && LATIN_OR_DIGIT.test(ch);
}

// Byte → string decoding for Japanese text files. encoding-japanese guesses the encoding; the WHATWG decoders
// built into Node (ICU) decode it strictly, so a wrong guess shows up as an error instead of mojibake.
import Encoding from 'encoding-japanese';

export interface Decoded {
  /** Name of the source encoding as reported to users: UTF-8, UTF-8 (BOM), UTF-16LE, Shift_JIS, … */
  encoding: string;
  /** Decoded text, BOM removed. */
  text: string;
}

/** Decoding accepts this share of U+FFFD replacements in otherwise valid UTF-8 (a truncated character or two). */
export const DEFAULT_MAX_REPLACEMENT_RATIO = 0.001;

const WHATWG_NAME: Record<string, string> = {
  'UTF-8': 'utf-8',
  'Shift_JIS': 'shift_jis',
  'EUC-JP': 'euc-jp',
  'ISO-2022-JP': 'iso-2022-jp',
};

/** encoding-japanese detection names → user-facing names. */
const DETECTED: Record<string, string> = { SJIS: 'Shift_JIS', EUCJP: 'EUC-JP', JIS: 'ISO-2022-JP', UTF8: 'UTF-8' };

function strict(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(WHATWG_NAME[encoding] ?? encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Returns null when no supported encoding decodes the bytes cleanly. */
export function decodeText(bytes: Uint8Array): Decoded | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strict(bytes, 'UTF-8');
    return text === null ? null : { encoding: 'UTF-8 (BOM)', text };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = strict(bytes, 'utf-16le');
    return text === null ? null : { encoding: 'UTF-16LE', text };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = strict(bytes, 'utf-16be');
    return text === null ? null : { encoding: 'UTF-16BE', text };
  }
  // ISO-2022-JP is 7-bit and so also valid UTF-8: look for its escape sequences first.
  if (bytes.includes(0x1b) && Encoding.detect(bytes, ['JIS']) === 'JIS') {
    const text = strict(bytes, 'ISO-2022-JP');
    if (text !== null) return { encoding: 'ISO-2022-JP', text };
  }
  const utf8 = strict(bytes, 'UTF-8');
  if (utf8 !== null) return { encoding: 'UTF-8', text: utf8 };

  // Mostly-valid UTF-8 with a few broken sequences (a cut-off download) is kept (checked before the
  // legacy encodings: Shift_JIS decodes almost any byte soup without error); the broken bytes become U+FFFD.
  const lenient = new TextDecoder('utf-8').decode(bytes);
  let replacements = 0;
  for (let i = 0; i < lenient.length; i++) if (lenient.charCodeAt(i) === 0xfffd) replacements++;
  if (replacements <= Math.max(1, lenient.length * DEFAULT_MAX_REPLACEMENT_RATIO)) {
    return { encoding: 'UTF-8', text: lenient };
  }

  const guess = Encoding.detect(bytes, ['UTF8', 'EUCJP', 'SJIS']);
  const first = (guess && DETECTED[guess]) || 'Shift_JIS';
  for (const enc of [first, 'Shift_JIS', 'EUC-JP']) {
    if (enc === 'UTF-8') continue;
    const text = strict(bytes, enc);
    if (text !== null) return { encoding: enc, text };
  }
  return null;
}

/** True for NUL bytes or a high share of control bytes (ESC, tab, CR, LF, FF excepted). Call after BOM checks. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) control++;
  }
  return control > Math.max(2, n * DEFAULT_MAX_CONTROL_RATIO);
}

export const DEFAULT_MAX_CONTROL_RATIO = 0.01;

export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

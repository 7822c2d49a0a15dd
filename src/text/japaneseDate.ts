// Japanese date expressions → ISO dates. Era offsets (令和N年 = 2018+N) come from ICU's Japanese calendar via Intl,
// so a new era arrives with a Node update instead of a code change; kanji numerals via @geolonia/japanese-numeral.
import { kanji2number } from '@geolonia/japanese-numeral';

let eraOffsets: Map<string, number> | null = null;

/** Era name → Gregorian year of its year 0 (令和 → 2018), for every era since Meiji. */
export function japaneseEraOffsets(): Map<string, number> {
  if (eraOffsets) return eraOffsets;
  const format = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' });
  const map = new Map<string, number>();
  const last = new Date().getUTCFullYear() + 1;
  for (let year = 1868; year <= last; year++) {
    const parts = format.formatToParts(new Date(Date.UTC(year, 11, 31)));
    const era = parts.find((p) => p.type === 'era')?.value;
    const y = parts.find((p) => p.type === 'year')?.value;
    if (!era || !y || map.has(era)) continue;
    const n = y === '元' ? 1 : Number(y);
    if (Number.isInteger(n)) map.set(era, year - n);
  }
  eraOffsets = map;
  return map;
}

function toNumber(s: string): number | null {
  if (s === '元') return 1;
  if (/^\d+$/.test(s)) return Number(s);
  try {
    const n = kanji2number(s);
    return Number.isInteger(n) ? n : null;
  } catch {
    return null;
  }
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null; // 2月30日
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const NUM = '[0-9〇一二三四五六七八九十百千]+';
const JAPANESE_DATE = new RegExp(`^(?:(\\p{Script=Han}{2})\\s?)?(${NUM}|元)\\s?年\\s?(${NUM})\\s?月\\s?(${NUM})\\s?日`, 'u');
const NUMERIC_DATE = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?!\d)/;

/**
 * Parses a date at the start of `text`: 令和7年10月16日, 令和七年十月十六日, 2026年3月9日, 2026/3/9, 2026-03-09.
 * Returns the ISO date and the length of the matched text, or null.
 */
export function parseJapaneseDate(text: string): { iso: string; length: number } | null {
  const m = JAPANESE_DATE.exec(text);
  if (m) {
    const [, era, y, mo, d] = m;
    let year = toNumber(y!);
    if (year === null) return null;
    if (era) {
      const offset = japaneseEraOffsets().get(era);
      if (offset === undefined) return null;
      year += offset;
    } else if (year < 1000) return null;
    const month = toNumber(mo!);
    const day = toNumber(d!);
    const out = month !== null && day !== null ? iso(year, month, day) : null;
    return out ? { iso: out, length: m[0].length } : null;
  }
  const n = NUMERIC_DATE.exec(text);
  if (n) {
    const out = iso(Number(n[1]), Number(n[2]), Number(n[3]));
    return out ? { iso: out, length: n[0].length } : null;
  }
  return null;
}

// Dates inside running Japanese text and fiscal years → ISO. Era offsets come from src/text/japaneseDate.ts (ICU);
// a 年度 (fiscal year) runs April → March.
import { japaneseEraOffsets } from '../../src/text/japaneseDate.ts';

export interface DateMention {
  /** ISO date, or YYYY-MM / YYYY when the text is that precise. */
  value: string;
  start: number;
  end: number;
  /** True for 年度 (fiscal year) mentions. */
  fiscal: boolean;
  text: string;
}

// One-letter era abbreviations used in budget tables (R7補正, H30当初).
const ERA_INITIALS: Record<string, string> = { R: '令和', H: '平成', S: '昭和' };

const pad = (n: number) => String(n).padStart(2, '0');

/** Gregorian year from an era name or initial and an era year (元 = 1). */
export function eraYear(era: string, year: string): number | null {
  const base = japaneseEraOffsets().get(ERA_INITIALS[era] ?? era);
  if (base === undefined) return null;
  const n = year === '元' ? 1 : Number(year);
  return Number.isFinite(n) && n > 0 && n < 100 ? base + n : null;
}

/** First and last day of a Japanese fiscal year (FY2025 → 2025-04-01 … 2026-03-31). */
export function fiscalYearRange(year: number): { start: string; end: string } {
  return { start: `${year}-04-01`, end: `${year + 1}-03-31` };
}

const YEAR = String.raw`(?:(令和|平成|昭和|R|H|S)\s*(元|\d{1,2})|((?:19|20)\d{2}))\s*年`;
const DATE_RE = new RegExp(
  String.raw`${YEAR}(度)?(?:\s*[(（][^)）]{0,12}[)）])?(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?`,
  'g',
);
// R7年度, R8 (as in "R7補正", "R8当初"): era initial without 年.
const SHORT_FY_RE = /(?<![A-Za-z])R\s*(\d{1,2})(?=\s*(?:年度|補正|当初|予算))/g;

/** All dates in a text, left to right. */
export function findDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    const year = m[3] ? Number(m[3]) : eraYear(m[1]!, m[2]!);
    if (year === null) continue;
    const fiscal = Boolean(m[4]);
    const month = m[5] ? Number(m[5]) : null;
    const day = m[6] ? Number(m[6]) : null;
    let value = String(year);
    if (month !== null && month >= 1 && month <= 12) {
      value += `-${pad(month)}`;
      if (day !== null && day >= 1 && day <= 31) value += `-${pad(day)}`;
    }
    out.push({ value, start: m.index!, end: m.index! + m[0].length, fiscal: fiscal && month === null, text: m[0] });
  }
  for (const m of text.matchAll(SHORT_FY_RE)) {
    const year = eraYear('R', m[1]!);
    if (year === null || out.some((d) => m.index! >= d.start && m.index! < d.end)) continue;
    out.push({ value: String(year), start: m.index!, end: m.index! + m[0].length, fiscal: true, text: m[0] });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The first full date (year, month, day) in a text, as YYYY-MM-DD. */
export function firstFullDate(text: string): string | null {
  return findDates(text).find((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.value))?.value ?? null;
}

/** Expands a partial ISO value to its first day (2025-04 → 2025-04-01, 2025 → 2025-01-01). */
export function startOf(value: string): string {
  const [y, m, d] = value.split('-');
  return `${y}-${m ?? '01'}-${d ?? '01'}`;
}

/** Expands a partial ISO value to its last day (2025-04 → 2025-04-30, 2025 → 2025-12-31). */
export function endOf(value: string): string {
  const [y, m, d] = value.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (d !== undefined) return value;
  if (m === undefined) return `${y}-12-31`;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${pad(m)}-${pad(last)}`;
}

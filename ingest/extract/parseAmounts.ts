// Money amounts in Japanese text → numbers. "1億4,400万円" = 144,000,000 yen; "～数十億円" is a range;
// "2.03億ユーロ（約324億円）" keeps both the foreign amount and the yen equivalent.
import { kanji2number } from '@geolonia/japanese-numeral';

export interface AmountMention {
  start: number;
  end: number;
  text: string;
  /** Yen value (lower bound for ranges); null when only a foreign amount is given. */
  amountJpy: number | null;
  /** Upper bound for "～X", "数十億", "最大X" (equal to amountJpy when the figure is itself the bound). */
  amountJpyMax: number | null;
  currency: string | null; // ISO 4217 of a foreign amount
  amountForeign: number | null;
  qualifiers: string[]; // 'upper bound', 'approx', 'per year', 'part of', 'range', 'total', 'breakdown'
}

const CURRENCIES: Record<string, string> = {
  円: 'JPY',
  ユーロ: 'EUR',
  ポンド: 'GBP',
  ドル: 'USD',
  米ドル: 'USD',
  ウォン: 'KRW',
  元: 'CNY',
  人民元: 'CNY',
  ルピー: 'INR',
};

const UNITS: Record<string, number> = { 兆: 1e12, 億: 1e8, 万: 1e4, 千: 1e3 };

const NUM = String.raw`[0-9０-９]+(?:[,，][0-9]{3})*(?:\.[0-9]+)?|[〇一二三四五六七八九十百千]+|数[十百千]?`;
// One amount: optional ～/最大/約, then number+unit groups (1億4,400万), then a currency word.
const AMOUNT_RE = new RegExp(
  String.raw`(～|~|〜|最大|約|およそ)?\s*((?:(?:${NUM})\s*[兆億万千]\s*)+(?:${NUM})?|(?:${NUM}))\s*(円|米ドル|ユーロ|ポンド|ドル|ウォン|人民元|ルピー)(程度|規模|超|以上|以下|弱|強)?`,
  'g',
);

function parseNumber(raw: string): { value: number; fuzzy: 'tens' | 'hundreds' | 'thousands' | 'some' | null } | null {
  const s = raw.replace(/[,，]/g, '').normalize('NFKC');
  if (/^[0-9]+(?:\.[0-9]+)?$/.test(s)) return { value: Number(s), fuzzy: null };
  if (s === '数') return { value: 1, fuzzy: 'some' };
  if (s === '数十') return { value: 10, fuzzy: 'tens' };
  if (s === '数百') return { value: 100, fuzzy: 'hundreds' };
  if (s === '数千') return { value: 1000, fuzzy: 'thousands' };
  try {
    const n = kanji2number(s);
    return Number.isFinite(n) ? { value: n, fuzzy: null } : null;
  } catch {
    return null;
  }
}

/** Value of "1億4,400万" / "239.0億" / "数十億" (without currency); max differs from value for 数十/数百. */
export function parseJapaneseNumber(text: string): { value: number; max: number } | null {
  const parts = [...text.replace(/\s+/g, '').matchAll(new RegExp(String.raw`(${NUM})([兆億万千])?`, 'g'))];
  if (parts.length === 0) return null;
  let value = 0;
  let max = 0;
  for (const p of parts) {
    const n = parseNumber(p[1]!);
    if (!n) return null;
    const unit = p[2] ? UNITS[p[2]]! : 1;
    value += n.value * unit;
    const spread = n.fuzzy === 'tens' ? 9.9 : n.fuzzy === 'hundreds' ? 9.99 : n.fuzzy === 'thousands' ? 9.999 : n.fuzzy === 'some' ? 9 : 1;
    max += n.value * spread * unit;
  }
  return { value: Math.round(value), max: Math.round(max) };
}

/** Every money amount in a text, left to right; a foreign amount followed by "（約N円）" becomes one mention. */
export function findAmounts(text: string): AmountMention[] {
  const raw: (AmountMention & { jpy: boolean })[] = [];
  for (const m of text.matchAll(AMOUNT_RE)) {
    const parsed = parseJapaneseNumber(m[2]!);
    if (!parsed || parsed.value === 0) continue;
    const currency = CURRENCIES[m[3]!] ?? null;
    const prefix = m[1] ?? '';
    const suffix = m[4] ?? '';
    const qualifiers: string[] = [];
    if (/～|~|〜|最大/.test(prefix)) qualifiers.push('upper bound');
    if (/約|およそ/.test(prefix) || suffix === '程度') qualifiers.push('approx');
    if (parsed.max !== parsed.value) qualifiers.push('range');
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 8);
    if (/^\s*[/／]\s*年|^\s*\/年/.test(after)) qualifiers.push('per year');
    if (/^\s*の内数/.test(after)) qualifiers.push('part of');
    const before = text.slice(Math.max(0, m.index! - 12), m.index!);
    if (/各年度/.test(before)) qualifiers.push('per year');
    if (/合計|総額|計\s*[:：]/.test(before)) qualifiers.push('total');
    if (/うち[、,]?\s*[^、。]*$/.test(before)) qualifiers.push('breakdown');
    const isJpy = currency === 'JPY';
    raw.push({
      start: m.index!,
      end: m.index! + m[0].length,
      text: m[0].trim(),
      amountJpy: isJpy ? parsed.value : null,
      amountJpyMax: isJpy ? (qualifiers.includes('upper bound') || parsed.max !== parsed.value ? parsed.max : parsed.value) : null,
      currency: isJpy ? null : currency,
      amountForeign: isJpy ? null : parsed.value,
      qualifiers,
      jpy: isJpy,
    });
  }
  // "2.03億ユーロ（約324億円）": fold the yen equivalent into the foreign amount.
  const out: AmountMention[] = [];
  for (let i = 0; i < raw.length; i++) {
    const a = raw[i]!;
    const b = raw[i + 1];
    if (!a.jpy && b?.jpy && /^\s*[(（]\s*$/.test(text.slice(a.end, b.start).replace(/約|およそ/g, ''))) {
      out.push({ ...a, end: b.end, text: text.slice(a.start, b.end).replace(/[)）]?$/, '') + (text[b.end] === '）' || text[b.end] === ')' ? text[b.end] : ''), amountJpy: b.amountJpy, amountJpyMax: b.amountJpyMax, qualifiers: [...new Set([...a.qualifiers, ...b.qualifiers])] });
      i++;
      continue;
    }
    const { jpy: _jpy, ...rest } = a;
    out.push(rest);
  }
  return out;
}

import { describe, expect, it } from 'vitest';
import { findAmounts, parseJapaneseNumber } from '../ingest/extract/parseAmounts.ts';

const one = (text: string) => {
  const [a, ...rest] = findAmounts(text);
  expect(rest).toEqual([]);
  return a!;
};

describe('money amounts', () => {
  it('combines units: 1億4,400万円 = 144,000,000 yen, an upper bound per year', () => {
    const a = one('予算：各年度最大1億4,400万円');
    expect([a.amountJpy, a.amountJpyMax]).toEqual([144_000_000, 144_000_000]);
    expect(a.qualifiers).toEqual(expect.arrayContaining(['upper bound', 'per year']));
  });
  it('reads decimals and thousands separators: 239.0億円, 1,161.4億円', () => {
    expect(one('R7補正予算：239.0億円').amountJpy).toBe(23_900_000_000);
    expect(one('合計：1,161.4億円').amountJpy).toBe(116_140_000_000);
  });
  it('～数十億円 is a range from 10億 up to 99億', () => {
    const a = one('～数十億円程度/年');
    expect([a.amountJpy, a.amountJpyMax]).toEqual([1_000_000_000, 9_900_000_000]);
    expect(a.qualifiers).toEqual(expect.arrayContaining(['range', 'upper bound', 'approx', 'per year']));
  });
  it('keeps a foreign amount and its yen equivalent together', () => {
    const a = one('政府より2030年までに2.03億ユーロ（約324億円）を拠出予定');
    expect([a.currency, a.amountForeign, a.amountJpy]).toEqual(['EUR', 203_000_000, 32_400_000_000]);
    const k = one('5年間で2,000億ウォン（約222億円）をコア技術開発に投資');
    expect([k.currency, k.amountForeign, k.amountJpy]).toEqual(['KRW', 200_000_000_000, 22_200_000_000]);
  });
  it('marks …億円の内数 as part of a larger sum and うち… as a breakdown', () => {
    expect(one('地域社会DX推進パッケージ事業 129.3億円の内数').qualifiers).toContain('part of');
    const [total, part] = findAmounts('令和7年度補正予算額 239億円（うち、電波利用料財源95億円）');
    expect(total!.qualifiers).not.toContain('breakdown');
    expect(part!.qualifiers).toContain('breakdown');
  });
  it('reads kanji numerals', () => {
    expect(parseJapaneseNumber('一億四千四百万')?.value).toBe(144_000_000);
    expect(one('予算は三十億円').amountJpy).toBe(3_000_000_000);
  });
  it('finds nothing in text without money', () => {
    expect(findAmounts('2025年4月から開始し、最大3年間')).toEqual([]);
    expect(findAmounts('𠮷野家で5G')).toEqual([]);
  });
});

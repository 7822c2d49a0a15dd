import { describe, expect, it } from 'vitest';
import { endOf, findDates, fiscalYearRange, startOf } from '../ingest/extract/japaneseDates.ts';

const values = (text: string) => findDates(text).map((d) => [d.value, d.fiscal]);

describe('dates in running text', () => {
  it('converts eras: 令和7年10月16日 → 2025-10-16, 令和元年 → 2019', () => {
    expect(values('令和7年10月16日')).toEqual([['2025-10-16', false]]);
    expect(values('令和元年5月')).toEqual([['2019-05', false]]);
  });
  it('keeps the precision given, and a Gregorian year with its era in parentheses is one date', () => {
    expect(values('2021 年（令和3年）1 月に法律')).toEqual([['2021-01', false]]);
    expect(values('2025年4月から開始')).toEqual([['2025-04', false]]);
  });
  it('reads fiscal years, also the R7 abbreviation of budget tables', () => {
    expect(values('最大3年間(2027年度まで)')).toEqual([['2027', true]]);
    expect(values('R7補正予算：239.0億円、R8当初予算（案）')).toEqual([['2025', true], ['2026', true]]);
    expect(values('令和7年度補正予算額')).toEqual([['2025', true]]);
  });
  it('a fiscal year runs from April to March', () => {
    expect(fiscalYearRange(2027)).toEqual({ start: '2027-04-01', end: '2028-03-31' });
  });
  it('expands partial dates to their first and last day', () => {
    expect([startOf('2025-04'), endOf('2025-04'), endOf('2024-02'), endOf('2030')]).toEqual(['2025-04-01', '2025-04-30', '2024-02-29', '2030-12-31']);
  });
});

// One-character country abbreviations (日 = Japan, 独 = Germany, EU), src/text/oneCharacterCountries.json. Pairs such as 日独 or 日EU name both countries; the index derives those mentions for every Country or
// Region entity whose code the dictionary maps, so an English query naming two countries reaches them.
import { oneCharacterCountries } from '../text/oneCharacterCountries.ts';
import { isCjk, isLatin } from './normalize.ts';
import { BOUNDARY_END, BOUNDARY_START } from './analyze.ts';

/** Abbreviation (normalized: NFKC, lowercase) → country/bloc code. */
export function loadCountryAbbreviations(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [abbr, code] of oneCharacterCountries()) out.set(abbr.normalize('NFKC').toLowerCase(), code);
  return out;
}

/** Finds runs of two or more abbreviations (日独, 日eu, 日米豪印) in normalized passage text. */
export class CountryPairFinder {
  private readonly pattern: RegExp | null;

  constructor(private readonly entityOf: Map<string, number>) {
    const alternatives = [...entityOf.keys()].sort((a, b) => b.length - a.length).map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.pattern = alternatives.length ? new RegExp(`(?:${alternatives.join('|')}){2,}`, 'gu') : null;
  }

  /** Entity index → occurrences, for pairs that start a word (今日英語 is not 日英). */
  find(text: string, bounds: Uint8Array): Map<number, number> {
    const out = new Map<number, number>();
    if (!this.pattern) return out;
    for (const m of text.matchAll(this.pattern)) {
      const at = m.index;
      const before = text[at - 1];
      if ((isCjk(before) && !/\p{Script=Hiragana}/u.test(before!)) || isLatin(before)) continue;
      if (isCjk(text[at]) && ((bounds[at] ?? 0) & (BOUNDARY_START | BOUNDARY_END)) === 0) continue;
      if (isLatin(m[0].at(-1)) && isLatin(text[at + m[0].length])) continue; // 日eus… is not 日EU
      const ents = new Set<number>();
      for (let k = 0; k < m[0].length; ) {
        const abbr = [...this.entityOf.keys()].find((a) => m[0].startsWith(a, k))!;
        ents.add(this.entityOf.get(abbr)!);
        k += abbr.length;
      }
      if (ents.size < 2) continue; // 日日 is not a pair
      for (const ei of ents) out.set(ei, (out.get(ei) ?? 0) + 1);
    }
    return out;
  }
}

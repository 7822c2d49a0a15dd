// Which attribute facts are current. A period, a start, a date, a place, a theme or a support form has one value at a
// time, so a newer document's value supersedes an older, different one. Quantities, targets and descriptions can
// coexist, so each distinct value stays current.
import type { AttributeFact, FactPredicate } from '../../model/graph.ts';
import { versioned, type Versioned } from './currentness.ts';

export const SINGLE_VALUED_PREDICATES: ReadonlySet<FactPredicate> = new Set([
  'PERIOD',
  'START',
  'END',
  'DATE',
  'PLACE',
  'THEME',
  'SUPPORT_FORM',
]);

const DATED_PREDICATES: ReadonlySet<FactPredicate> = new Set(['PERIOD', 'START', 'END', 'DATE']);

/** What makes two statements "the same value": dates when the fact has any (wording may differ), else the text. */
function valueKey(f: AttributeFact): string {
  if (DATED_PREDICATES.has(f.predicate) && (f.dateStart || f.dateEnd)) return `${f.dateStart ?? ''}|${f.dateEnd ?? ''}`;
  const text = (f.value ?? '').normalize('NFKC').replace(/\s+/g, '');
  return `${text}|${f.num ?? ''}|${f.unit ?? ''}`;
}

export function versionFacts(facts: readonly AttributeFact[]): Versioned<AttributeFact>[] {
  const unique = [...new Map(facts.map((f) => [f.id, f])).values()];
  return versioned(unique, {
    group: (f) =>
      SINGLE_VALUED_PREDICATES.has(f.predicate)
        ? `${f.subjectId}|${f.predicate}`
        : `${f.subjectId}|${f.predicate}|${valueKey(f)}`,
    value: valueKey,
    asOf: (f) => f.asOf,
  });
}

// Documents disagree over time (a project's lead changes between two decks, a start date moves). The rule: within
// one group of statements about the same thing (e.g. a project's lead on one side), the values stated by the newest
// document are current; older values that differ are history. The same value stated by several documents is one
// entry whose representative is the newest statement, with every statement kept as a source.

export interface Versioned<T> {
  /** The newest statement of this value. */
  item: T;
  /** Every statement of this value, newest first. */
  statements: T[];
  current: boolean;
}

/** ISO dates compare as strings; undated documents count as oldest. */
function newer(a: string | null, b: string | null): number {
  return (b ?? '').localeCompare(a ?? '');
}

export function versioned<T>(
  items: readonly T[],
  keys: { group: (item: T) => string; value: (item: T) => string; asOf: (item: T) => string | null },
): Versioned<T>[] {
  const groups = new Map<string, Map<string, T[]>>();
  for (const item of items) {
    const values = groups.get(keys.group(item)) ?? new Map<string, T[]>();
    groups.set(keys.group(item), values);
    const statements = values.get(keys.value(item)) ?? [];
    values.set(keys.value(item), statements);
    statements.push(item);
  }
  const out: Versioned<T>[] = [];
  for (const values of groups.values()) {
    const entries = [...values.values()].map((statements) => {
      statements.sort((a, b) => newer(keys.asOf(a), keys.asOf(b)));
      return statements;
    });
    const newestInGroup = entries.map((s) => keys.asOf(s[0]!)).sort(newer)[0] ?? null;
    for (const statements of entries) {
      const item = statements[0]!;
      out.push({ item, statements, current: keys.asOf(item) === newestInGroup });
    }
  }
  // Current first, then newest first: the order a reader wants.
  return out.sort((a, b) => Number(b.current) - Number(a.current) || newer(keys.asOf(a.item), keys.asOf(b.item)));
}

// Relay-style connections over offset pages: the API speaks cursors, the store speaks limit/offset.
import type { Page } from '../../store/GraphStore.ts';
import { badUserInput } from '../errors/apiErrors.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MIN_PAGE_SIZE } from './pageSize.ts';

export interface Connection<T> {
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  totalCount: number;
}

/** Validates `first` (0..MAX_PAGE_SIZE); null/undefined means the default. */
export function pageSize(first: number | null | undefined, argumentName = 'first', fallback = DEFAULT_PAGE_SIZE): number {
  if (first === null || first === undefined) return fallback;
  if (!Number.isInteger(first) || first < MIN_PAGE_SIZE || first > MAX_PAGE_SIZE) {
    throw badUserInput(argumentName, `must be between ${MIN_PAGE_SIZE} and ${MAX_PAGE_SIZE} (got ${first})`);
  }
  return first;
}

/** The store page for `first`/`after` on the named connection. */
export function pageArgs(
  connection: string,
  args: { first?: number | null; after?: string | null },
  fallback = DEFAULT_PAGE_SIZE,
): Page {
  const limit = pageSize(args.first, 'first', fallback);
  const offset = args.after === null || args.after === undefined ? 0 : decodeCursor(connection, args.after) + 1;
  return { limit, offset };
}

export function toConnection<T>(connection: string, items: T[], total: number, page: Page): Connection<T> {
  const edges = items.map((node, i) => ({ cursor: encodeCursor(connection, page.offset + i), node }));
  return {
    nodes: items,
    edges,
    pageInfo: {
      endCursor: edges.at(-1)?.cursor ?? null,
      hasNextPage: page.offset + items.length < total,
    },
    totalCount: total,
  };
}

export function emptyConnection<T>(): Connection<T> {
  return { nodes: [], edges: [], pageInfo: { endCursor: null, hasNextPage: false }, totalCount: 0 };
}

// Query validation at the edge of the search layer: reject what cannot be a query, before any analysis.
import { SearchInputError } from './errors.ts';

/** Longer queries are rejected: they are not search-box input and would only cost time. */
export const DEFAULT_MAX_QUERY_CHARS = 1000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// C0/C1 controls other than tab, line feed and carriage return (those are read as spaces).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Returns the query with whitespace collapsed, or throws SearchInputError naming the reason. */
export function validateQuery(query: unknown, maxChars: number = DEFAULT_MAX_QUERY_CHARS): string {
  if (typeof query !== 'string') throw new SearchInputError('query must be a string');
  if (query.length > maxChars) {
    throw new SearchInputError(`query is too long: ${query.length} characters, at most ${maxChars} are accepted`);
  }
  if (LONE_SURROGATE.test(query)) throw new SearchInputError('query contains an unpaired UTF-16 surrogate');
  if (CONTROL.test(query)) throw new SearchInputError('query contains control characters');
  const trimmed = query.replace(/\s+/gu, ' ').trim();
  if (trimmed === '') throw new SearchInputError('query is empty');
  return trimmed;
}

/** Validates a suggest prefix the same way; an empty prefix is allowed there and yields no suggestions. */
export function validatePrefix(prefix: unknown, maxChars: number = DEFAULT_MAX_QUERY_CHARS): string {
  if (typeof prefix !== 'string') throw new SearchInputError('prefix must be a string', 'prefix');
  if (prefix.length > maxChars) {
    throw new SearchInputError(`prefix is too long: ${prefix.length} characters, at most ${maxChars}`, 'prefix');
  }
  if (LONE_SURROGATE.test(prefix)) throw new SearchInputError('prefix contains an unpaired UTF-16 surrogate', 'prefix');
  if (CONTROL.test(prefix)) throw new SearchInputError('prefix contains control characters', 'prefix');
  return prefix.replace(/\s+/gu, ' ').trim();
}

// Errors the search layer reports to its callers; `code` is stable and maps onto GraphQL extensions.code.
export const SEARCH_ERROR_CODES = ['BAD_USER_INPUT', 'INDEX_NOT_READY'] as const;
export type SearchErrorCode = (typeof SEARCH_ERROR_CODES)[number];

export class SearchInputError extends Error {
  override name = 'SearchInputError';
  readonly code: SearchErrorCode = 'BAD_USER_INPUT';
  constructor(
    message: string,
    /** The request argument at fault, e.g. "query". */
    readonly argument: string = 'query',
  ) {
    super(message);
  }
}

export class SearchNotReadyError extends Error {
  override name = 'SearchNotReadyError';
  readonly code: SearchErrorCode = 'INDEX_NOT_READY';
}

// The stable error codes a client sees in `errors[].extensions.code`. Clients branch on these, so they never change
// meaning; Apollo's own codes are repeated here so one enum lists everything a response can carry.
export const ErrorCode = {
  /** An argument is out of range or malformed (first, after, dates…); the message names the argument. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** A malformed HTTP request: bad JSON, batched request, CSRF-blocked request, missing query. */
  BAD_REQUEST: 'BAD_REQUEST',
  /** A route that does not exist. */
  NOT_FOUND: 'NOT_FOUND',
  /** The HTTP method is not accepted on this path. */
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  /** The query does not match the schema, or exceeds a depth/alias/cost/directive limit. */
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  /** The query is not valid GraphQL syntax, or has too many tokens. */
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  /** Several operations sent and no operationName chose one. */
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
  /** The request body is larger than the server accepts. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** The graph store cannot be reached (closed, locked, down); retry later. */
  STORE_UNAVAILABLE: 'STORE_UNAVAILABLE',
  /** The search index is not loaded yet; retry later. */
  SEARCH_UNAVAILABLE: 'SEARCH_UNAVAILABLE',
  /** Anything unexpected; details are logged with the request id, never sent. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && KNOWN_CODES.has(value);
}

/** HTTP status for a response whose errors carry this code. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  GRAPHQL_VALIDATION_FAILED: 400,
  GRAPHQL_PARSE_FAILED: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
  PERSISTED_QUERY_NOT_FOUND: 200,
  PERSISTED_QUERY_NOT_SUPPORTED: 200,
  PAYLOAD_TOO_LARGE: 413,
  STORE_UNAVAILABLE: 503,
  SEARCH_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

// Constructors for the errors resolvers throw on purpose. Each carries a stable code and the HTTP status Apollo
// should answer with; anything else thrown is treated as internal and masked in production (see formatError.ts).
import { GraphQLError } from 'graphql';
import { ErrorCode, HTTP_STATUS } from './ErrorCode.ts';

export function apiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, {
    extensions: { ...extensions, code, http: { status: HTTP_STATUS[code] } },
  });
}

/** A bad argument: the message says which argument and why, e.g. `first: must be between 0 and 100 (got 1000)`. */
export function badUserInput(argumentName: string, reason: string): GraphQLError {
  return apiError(ErrorCode.BAD_USER_INPUT, `${argumentName}: ${reason}`, { argumentName });
}

export function storeUnavailable(): GraphQLError {
  return apiError(ErrorCode.STORE_UNAVAILABLE, 'The graph store is unavailable; try again later.');
}

export function searchUnavailable(): GraphQLError {
  return apiError(ErrorCode.SEARCH_UNAVAILABLE, 'The search index is not ready yet; try again later.');
}

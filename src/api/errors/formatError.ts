// What a client may see of an error. Errors thrown on purpose (GraphQLErrors with a known code: bad input, validation,
// store unavailable…) pass through; anything else is internal. In production an internal error becomes a bare
// INTERNAL_SERVER_ERROR: no driver or database message, no stack, no file path. The original is logged by the
// errorLogging plugin with the request id.
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ErrorCode, isErrorCode } from './ErrorCode.ts';

export const INTERNAL_ERROR_MESSAGE = 'Internal server error';

/**
 * By its toStringTag rather than instanceof: graphql 16 ships both CommonJS and ESM builds, and a bundler or test
 * runner may load Apollo's copy and ours from different ones.
 */
function isGraphQLError(value: unknown): value is GraphQLError {
  return Object.prototype.toString.call(value) === '[object GraphQLError]';
}

/** The error a resolver threw, out of the located error graphql-js wraps it in. */
function unwrap(error: unknown): unknown {
  return isGraphQLError(error) && error.path && error.originalError ? error.originalError : error;
}

/** True when the error was raised deliberately and its message is meant for clients. */
export function isIntendedError(error: unknown): boolean {
  const original = unwrap(error);
  if (!isGraphQLError(original)) return false;
  const code = original.extensions?.code;
  return isErrorCode(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR;
}

export function createFormatError(options: { production: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (isIntendedError(error)) return formatted;
    if (!options.production) {
      return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } };
    }
    return { message: INTERNAL_ERROR_MESSAGE, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}

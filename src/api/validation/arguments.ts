// Checks for free-text and date arguments. Values always reach the store as query parameters, never as query text;
// these limits keep one request from asking for unbounded work and give clear messages for malformed input.
import { badUserInput } from '../errors/apiErrors.ts';

/** Longest accepted free-text argument (search queries, names, ids), in UTF-16 code units. */
export const MAX_TEXT_ARGUMENT_LENGTH = 500;
/** Most values accepted in one list argument (filter.documents, filter.entities…). */
export const MAX_LIST_ARGUMENT_LENGTH = 100;

export function textArgument(argumentName: string, value: string): string {
  if (value.length > MAX_TEXT_ARGUMENT_LENGTH) {
    throw badUserInput(argumentName, `must be at most ${MAX_TEXT_ARGUMENT_LENGTH} characters (got ${value.length})`);
  }
  return value;
}

export function optionalText(argumentName: string, value: string | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : textArgument(argumentName, value);
}

export function listArgument(argumentName: string, values: readonly string[] | null | undefined): string[] | undefined {
  if (values === null || values === undefined) return undefined;
  if (values.length > MAX_LIST_ARGUMENT_LENGTH) {
    throw badUserInput(argumentName, `must have at most ${MAX_LIST_ARGUMENT_LENGTH} values (got ${values.length})`);
  }
  return values.map((v, i) => textArgument(`${argumentName}[${i}]`, v));
}

/** An ISO calendar date (YYYY-MM-DD) that exists. */
export function isoDateArgument(argumentName: string, value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw badUserInput(argumentName, `must be an ISO date YYYY-MM-DD (got ${JSON.stringify(value.slice(0, 40))})`);
  }
  return value;
}

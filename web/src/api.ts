// GraphQL over fetch, same origin. Every failure becomes an ApiError with a message the views can show as is.
import { t } from './i18n.ts';

export const GRAPHQL_PATH = '/graphql';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Runs one query; pass an AbortSignal to cancel a stale request (its AbortError is rethrown untouched). */
export async function gql<T>(query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (err) {
    if (isAbort(err)) throw err;
    throw new ApiError(t('errorNetwork'), 'NETWORK');
  }
  let body: GraphQLResponse<T> | null = null;
  try {
    body = (await res.json()) as GraphQLResponse<T>;
  } catch (err) {
    if (isAbort(err)) throw err;
    // not JSON: fall through to the HTTP status message
  }
  const first = body?.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? null);
  if (!res.ok || !body?.data) throw new ApiError(t('errorHttp', { status: res.status }), `HTTP_${res.status}`);
  return body.data;
}

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

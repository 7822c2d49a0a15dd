// Whole GraphQL responses, cached until the graph changes. Between ingests the graph is read-only, so the same
// request under the same graph version has the same answer; analysts repeat searches and open the same entities.
// Only successful answers (200, no errors) to JSON POSTs are cached: other requests still meet CSRF prevention.
import { createHash } from 'node:crypto';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';

/** Total size of cached responses (approximate, in characters). */
export const DEFAULT_RESPONSE_CACHE_CHARS = 32 * 1024 * 1024;

export interface CachedResponse {
  body: string;
  contentType: string;
}

export class ResponseCache {
  private readonly cache: InMemoryLRUCache<CachedResponse>;

  constructor(maxChars: number = DEFAULT_RESPONSE_CACHE_CHARS) {
    this.cache = new InMemoryLRUCache<CachedResponse>({ maxSize: maxChars, sizeCalculation: (v) => v.body.length + 64 });
  }

  key(graphVersion: string, body: string): string {
    return createHash('sha256').update(graphVersion).update('\u0000').update(body).digest('hex');
  }

  get(key: string): Promise<CachedResponse | undefined> {
    return this.cache.get(key);
  }

  /** Stores a response when it is a success without GraphQL errors. */
  async offer(key: string, status: number, contentType: string, body: string): Promise<void> {
    if (status !== 200 || !contentType.startsWith('application/json')) return;
    let parsed: { errors?: unknown };
    try {
      parsed = JSON.parse(body) as { errors?: unknown };
    } catch {
      return;
    }
    if (parsed.errors !== undefined) return;
    await this.cache.set(key, { body, contentType });
  }
}

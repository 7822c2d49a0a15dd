// Reads a request body up to a byte limit. Past the limit the rest is read and thrown away (up to a bound) so the
// client sees the 413 answer instead of a reset connection while it is still sending.
import type { IncomingMessage } from 'node:http';

/** Beyond this many discarded bytes the connection is cut instead of drained. */
export const DEFAULT_MAX_DRAIN_BYTES = 16 * 1024 * 1024;

export type BodyResult = { kind: 'ok'; text: string } | { kind: 'too-large'; drained: boolean };

export function readBody(req: IncomingMessage, limit: number, maxDrain = DEFAULT_MAX_DRAIN_BYTES): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > maxDrain) {
      req.resume();
      resolve({ kind: 'too-large', drained: false });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = declared > limit;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (size > maxDrain) {
        req.pause();
        resolve({ kind: 'too-large', drained: false });
        return;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? { kind: 'too-large', drained: true } : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', reject);
  });
}

// Opaque cursors: base64url of "<connection>:<offset>". The connection name makes a cursor from one list useless
// for another, and clients must not build cursors themselves (the encoding may change).
import { badUserInput } from '../errors/apiErrors.ts';

/** Far above any real graph; keeps a forged cursor from asking the store for an absurd offset. */
export const MAX_CURSOR_OFFSET = 1_000_000;

export function encodeCursor(connection: string, offset: number): string {
  return Buffer.from(`${connection}:${offset}`, 'utf8').toString('base64url');
}

/** The offset of the item the cursor points at; throws BAD_USER_INPUT naming `argumentName` when it is not ours. */
export function decodeCursor(connection: string, cursor: string, argumentName = 'after'): number {
  const invalid = () => badUserInput(argumentName, `not a valid cursor for ${connection}; pass an endCursor or edge cursor from a previous page`);
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cursor)) throw invalid();
  const match = /^([a-zA-Z]+):(\d{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || match[1] !== connection) throw invalid();
  const offset = Number(match[2]);
  if (offset > MAX_CURSOR_OFFSET) throw invalid();
  return offset;
}

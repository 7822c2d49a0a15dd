// Store errors carry a stable code so the CLI and the server can map them (exit codes, /readyz, GraphQL errors).

export const STORE_ERROR_CODES = [
  'STORE_LOCKED', // the data directory is held by another process
  'STORE_UNAVAILABLE', // the database cannot be opened or reached
  'STORE_READ_ONLY', // the data directory is not writable
  'STORE_INVALID_BUNDLE', // a document bundle is inconsistent; nothing was written
  'STORE_WRITE_FAILED', // the database rejected a write; the transaction was rolled back
  'STORE_QUERY_FAILED', // a read failed
] as const;
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class StoreLockedError extends StoreError {
  override name = 'StoreLockedError';
  constructor(dir: string, options?: { cause?: unknown }) {
    super(
      'STORE_LOCKED',
      `data directory ${dir} is in use by another process (is the server or another ingest running?)`,
      options,
    );
  }
}

export class StoreUnavailableError extends StoreError {
  override name = 'StoreUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE_UNAVAILABLE', message, options);
  }
}

export class StoreReadOnlyError extends StoreError {
  override name = 'StoreReadOnlyError';
  constructor(dir: string, options?: { cause?: unknown }) {
    super('STORE_READ_ONLY', `data directory ${dir} is not writable`, options);
  }
}

export class InvalidBundleError extends StoreError {
  override name = 'InvalidBundleError';
  constructor(file: string, reason: string) {
    super('STORE_INVALID_BUNDLE', `${file}: ${reason}; nothing was written`);
  }
}

export class StoreWriteError extends StoreError {
  override name = 'StoreWriteError';
  constructor(what: string, cause: unknown) {
    super('STORE_WRITE_FAILED', `${what} failed, nothing was changed: ${messageOf(cause)}`, { cause });
  }
}

export class StoreQueryError extends StoreError {
  override name = 'StoreQueryError';
  constructor(what: string, cause: unknown) {
    super('STORE_QUERY_FAILED', `${what} failed: ${messageOf(cause)}`, { cause });
  }
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

// The one error type for input files that cannot be ingested; `code` is stable for callers and tests.

export const INGEST_INPUT_ERROR_CODES = [
  'UNREADABLE', // missing, permission denied, dangling link, I/O error
  'NOT_A_FILE', // a directory or device where a file was expected
  'UNSUPPORTED_TYPE', // extension other than .txt / .md
  'EMPTY', // zero bytes or only whitespace
  'TOO_LARGE', // over the configured byte limit (KG_MAX_FILE_BYTES)
  'BINARY', // NUL bytes or many control characters
  'UNDECODABLE', // no supported encoding decodes it cleanly
] as const;
export type IngestInputErrorCode = (typeof INGEST_INPUT_ERROR_CODES)[number];

export class IngestInputError extends Error {
  override name = 'IngestInputError';

  constructor(
    readonly code: IngestInputErrorCode,
    /** The path as the caller gave it; the message starts with it. */
    readonly file: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${reason}`, options);
  }
}

// Reads one input file into a RawDocument: checks, encoding detection, line splitting. No normalization here.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { decodeText, hasUtf16Bom, looksBinary } from './decodeText.ts';
import { IngestInputError } from './IngestInputError.ts';

export const SUPPORTED_EXTENSIONS = ['.txt', '.md'] as const;

export interface RawDocument {
  /** Basename of the file. */
  file: string;
  /** The path as given. */
  path: string;
  bytes: number;
  /** sha256 hex of the raw bytes. */
  contentHash: string;
  /** Detected source encoding (UTF-8, UTF-8 (BOM), UTF-16LE, UTF-16BE, Shift_JIS, EUC-JP, ISO-2022-JP). */
  encoding: string;
  /** Decoded text: BOM removed, CRLF and lone CR turned into LF. */
  text: string;
  /** Physical lines: line n (1-based) is lines[n-1]. A final line break does not start an extra empty line. */
  lines: string[];
  /** UTF-16 offset in `text` where each line starts (index = line-1). */
  lineStarts: number[];
}

export function isSupportedFile(path: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());
}

/** "25.3 MB", "20 MB", "512 KB", "12 bytes". */
export function formatSize(bytes: number): string {
  const one = (n: number) => n.toFixed(1).replace(/\.0$/, '');
  if (bytes >= 1024 * 1024) return `${one(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${one(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

export function unsupportedTypeReason(path: string): string {
  const ext = extname(path).toLowerCase();
  return `unsupported file type ${ext || '(no extension)'} (expected ${SUPPORTED_EXTENSIONS.join(' or ')})`;
}

function tooLarge(path: string, size: number, max: number): IngestInputError {
  return new IngestInputError('TOO_LARGE', path, `${formatSize(size)} exceeds the ${formatSize(max)} limit (KG_MAX_FILE_BYTES)`);
}

/** Throws IngestInputError (code + message naming the file and the reason) for anything that is not a usable text file. */
export async function readDocument(path: string, options: { maxBytes: number }): Promise<RawDocument> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file (or a dangling link)' : `cannot be read (${code ?? String(err)})`;
    throw new IngestInputError('UNREADABLE', path, reason, { cause: err });
  }
  if (!info.isFile()) {
    throw new IngestInputError('NOT_A_FILE', path, info.isDirectory() ? 'is a directory, not a file' : 'is not a regular file');
  }
  if (!isSupportedFile(path)) throw new IngestInputError('UNSUPPORTED_TYPE', path, unsupportedTypeReason(path));
  if (info.size > options.maxBytes) throw tooLarge(path, info.size, options.maxBytes);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new IngestInputError('UNREADABLE', path, `cannot be read (${code ?? String(err)})`, { cause: err });
  }
  // The file may have grown between stat and read.
  if (bytes.length > options.maxBytes) throw tooLarge(path, bytes.length, options.maxBytes);
  if (bytes.length === 0) throw new IngestInputError('EMPTY', path, 'is empty (0 bytes)');
  if (!hasUtf16Bom(bytes) && looksBinary(bytes)) {
    throw new IngestInputError('BINARY', path, 'looks like a binary file (NUL or control bytes), not text');
  }
  const decoded = decodeText(bytes);
  if (!decoded) {
    throw new IngestInputError(
      'UNDECODABLE',
      path,
      'cannot be decoded as UTF-8, UTF-16 (with BOM), Shift_JIS, EUC-JP or ISO-2022-JP',
    );
  }
  const text = decoded.text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new IngestInputError('EMPTY', path, 'contains only whitespace');

  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const lineStarts = new Array<number>(lines.length);
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    lineStarts[i] = offset;
    offset += lines[i]!.length + 1;
  }
  return {
    file: basename(path),
    path,
    bytes: bytes.length,
    contentHash: createHash('sha256').update(bytes).digest('hex'),
    encoding: decoded.encoding,
    text,
    lines,
    lineStarts,
  };
}

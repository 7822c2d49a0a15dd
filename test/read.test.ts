// readDocument / listInputFiles on real files: every supported encoding and every bad-input code.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Encoding from 'encoding-japanese';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestInputError } from '../ingest/read/IngestInputError.ts';
import { listInputFiles } from '../ingest/read/listInputFiles.ts';
import { formatSize, readDocument } from '../ingest/read/readDocument.ts';

const TEXT = '国際連携に向けた取組\r\n令和7年10月16日\r\nＡＰＮ（オール光ネットワーク）と５Ｇ\r\nｶﾀｶﾅ ①\r\n';
const DECODED = '国際連携に向けた取組\n令和7年10月16日\nＡＰＮ（オール光ネットワーク）と５Ｇ\nｶﾀｶﾅ ①\n';
const LIMIT = { maxBytes: 1024 * 1024 };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kg-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function encode(text: string, to: Encoding.Encoding): Uint8Array {
  return Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to, from: 'UNICODE' }));
}

function utf16(text: string, bigEndian: boolean): Buffer {
  const body = Buffer.from(text, 'utf16le');
  if (bigEndian) body.swap16();
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), body]);
}

async function put(name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

async function failure(path: string, maxBytes = LIMIT.maxBytes): Promise<IngestInputError> {
  try {
    await readDocument(path, { maxBytes });
  } catch (err) {
    expect(err).toBeInstanceOf(IngestInputError);
    return err as IngestInputError;
  }
  throw new Error(`${path} was read without error`);
}

describe('readDocument encodings', () => {
  const cases: Array<[string, () => Uint8Array, string]> = [
    ['utf8.txt', () => Buffer.from(TEXT, 'utf8'), 'UTF-8'],
    ['utf8bom.md', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), 'UTF-8 (BOM)'],
    ['sjis.txt', () => encode(TEXT, 'SJIS'), 'Shift_JIS'],
    ['eucjp.txt', () => encode(TEXT, 'EUCJP'), 'EUC-JP'],
    ['jis.txt', () => encode(TEXT, 'JIS'), 'ISO-2022-JP'],
    ['utf16le.txt', () => utf16(TEXT, false), 'UTF-16LE'],
    ['utf16be.txt', () => utf16(TEXT, true), 'UTF-16BE'],
  ];
  for (const [name, bytes, encoding] of cases) {
    it(`decodes ${encoding}`, async () => {
      const raw = bytes();
      const path = await put(name, raw);
      const doc = await readDocument(path, LIMIT);
      expect(doc.encoding).toBe(encoding);
      expect(doc.text).toBe(DECODED);
      expect(doc.lines).toEqual(['国際連携に向けた取組', '令和7年10月16日', 'ＡＰＮ（オール光ネットワーク）と５Ｇ', 'ｶﾀｶﾅ ①']);
      expect(doc.lineStarts).toEqual([0, 11, 22, 41]);
      expect(doc.file).toBe(name);
      expect(doc.path).toBe(path);
      expect(doc.bytes).toBe(raw.length);
      expect(doc.contentHash).toBe(createHash('sha256').update(raw).digest('hex'));
    });
  }

  it('keeps a last line without a final newline and turns lone CR into LF', async () => {
    const doc = await readDocument(await put('cr.txt', 'a\rb\r\nc'), LIMIT);
    expect(doc.lines).toEqual(['a', 'b', 'c']);
    expect(doc.text).toBe('a\nb\nc');
  });

  it('reads a real seed', async () => {
    const doc = await readDocument('seeds/000_76e89f63a03d41e7.txt', LIMIT);
    expect(doc.encoding).toBe('UTF-8');
    expect(doc.lines[466]).toBe('○日EU(両首脳による日EUデジタルパートナーシップ案件)');
    expect(doc.lines[304 - 1]).toBe('英国');
  });
});

describe('readDocument errors', () => {
  it('EMPTY for zero bytes and for whitespace only', async () => {
    const e = await failure(await put('empty.txt', ''));
    expect(e.code).toBe('EMPTY');
    expect(e.message).toMatch(/empty\.txt: is empty/);
    expect((await failure(await put('blank.md', ' \n\t\r\n'))).code).toBe('EMPTY');
  });

  it('BINARY for NUL bytes and for many control bytes', async () => {
    const nul = await failure(await put('nul.txt', Buffer.from([0x61, 0x00, 0x62, 0x0a])));
    expect(nul.code).toBe('BINARY');
    expect(nul.message).toContain('nul.txt: ');
    const control = Buffer.alloc(200, 0x41);
    for (let i = 0; i < 200; i += 10) control[i] = 0x01;
    expect((await failure(await put('ctl.txt', control))).code).toBe('BINARY');
  });

  it('TOO_LARGE with the size and the limit in the message', async () => {
    const e = await failure(await put('big.txt', 'x'.repeat(100)), 10);
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toBe(`${join(dir, 'big.txt')}: 100 bytes exceeds the 10 bytes limit (KG_MAX_FILE_BYTES)`);
    expect(formatSize(Math.round(25.3 * 1024 * 1024))).toBe('25.3 MB');
    expect(formatSize(20 * 1024 * 1024)).toBe('20 MB');
  });

  it('UNDECODABLE when no encoding decodes cleanly', async () => {
    const bytes = Buffer.from(Array.from({ length: 40 }, (_, i) => [0x61, 0xfd, 0xfe, 0xff, 0x80 + (i % 3)]).flat());
    const e = await failure(await put('junk.txt', bytes));
    expect(e.code).toBe('UNDECODABLE');
    expect(e.message).toContain('junk.txt: cannot be decoded');
  });

  it('keeps mostly valid UTF-8 with one broken byte', async () => {
    const bytes = Buffer.concat([Buffer.from('あ'.repeat(2000)), Buffer.from([0xe3, 0x81])]);
    const doc = await readDocument(await put('cut.txt', bytes), LIMIT);
    expect(doc.encoding).toBe('UTF-8');
    expect(doc.text.endsWith('\ufffd')).toBe(true);
  });

  it('UNREADABLE for a missing file and a dangling symlink', async () => {
    const missing = await failure(join(dir, 'nope.txt'));
    expect(missing.code).toBe('UNREADABLE');
    expect(missing.message).toContain('nope.txt: no such file');
    const link = join(dir, 'dangling.txt');
    await symlink(join(dir, 'target-that-does-not-exist.txt'), link);
    expect((await failure(link)).code).toBe('UNREADABLE');
  });

  it('NOT_A_FILE for a directory', async () => {
    const sub = join(dir, 'folder.txt');
    await mkdir(sub, { recursive: true });
    const e = await failure(sub);
    expect(e.code).toBe('NOT_A_FILE');
    expect(e.message).toBe(`${sub}: is a directory, not a file`);
  });

  it('UNSUPPORTED_TYPE names the extension', async () => {
    const e = await failure(await put('x.pdf', '%PDF-1.4'));
    expect(e.code).toBe('UNSUPPORTED_TYPE');
    expect(e.message).toBe(`${join(dir, 'x.pdf')}: unsupported file type .pdf (expected .txt or .md)`);
  });
});

describe('listInputFiles', () => {
  it('expands folders recursively in name order and reports bad paths without failing the rest', async () => {
    const root = join(dir, 'corpus');
    await mkdir(join(root, 'b-sub'), { recursive: true });
    await mkdir(join(root, 'a-sub'), { recursive: true });
    await writeFile(join(root, 'z.txt'), 'z');
    await writeFile(join(root, 'c.md'), 'c');
    await writeFile(join(root, 'skip.pdf'), 'p');
    await writeFile(join(root, '.hidden.txt'), 'h');
    await writeFile(join(root, 'b-sub', 'd.txt'), 'd');
    await writeFile(join(root, 'a-sub', 'e.TXT'), 'e');
    const pdf = join(root, 'skip.pdf');
    const { files, errors } = await listInputFiles([root, join(dir, 'missing'), pdf, join(root, 'z.txt')]);
    expect(files).toEqual([
      join(root, 'a-sub', 'e.TXT'),
      join(root, 'b-sub', 'd.txt'),
      join(root, 'c.md'),
      join(root, 'z.txt'),
    ]);
    expect(errors.map((e) => [e.code, e.file])).toEqual([
      ['UNREADABLE', join(dir, 'missing')],
      ['UNSUPPORTED_TYPE', pdf],
    ]);
  });
});

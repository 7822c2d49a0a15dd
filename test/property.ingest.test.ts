// Property-based bad input through the ingest pipeline: random Unicode (4-byte characters, combining marks, lone
// surrogates, control characters, very long lines) and wrong bytes (Shift_JIS where UTF-8 is expected, random bytes)
// are written to a real file and go through reading, normalizing, segmenting, the real tokenizer and extraction.
// The only exception allowed is IngestInputError (a bad file, named with its reason); every line range that comes
// out must point inside the file.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Encoding from 'encoding-japanese';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentBundle, DocumentRecord } from '../src/model/graph.ts';
import { loadTokenizer, type Tokenizer } from '../src/text/tokenizer.ts';
import { extractDocuments } from '../ingest/extract/extractDocuments.ts';
import { loadCuratedData, type CuratedData } from '../ingest/extract/curatedDictionaries.ts';
import { normalizeDocument } from '../ingest/normalize/normalizeDocument.ts';
import { IngestInputError } from '../ingest/read/IngestInputError.ts';
import { readDocument, type RawDocument } from '../ingest/read/readDocument.ts';
import { segmentDocument } from '../ingest/segment/segmentDocument.ts';
import { SEEDS_DIR } from './support/seededStore.ts';

/** Bounded so the whole property file stays within a few seconds of CPU on a shared 2-core machine. */
const NUM_RUNS = 30;
const LONG_LINE_CHARS = 100 * 1024;
const MAX_BYTES = 20 * 1024 * 1024;
const UNTOKENIZABLE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/g;

// Real lines from the seeds, so the extractors see policy-like text (projects, budgets, dates) mixed with noise.
const SEED_LINES = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(join(SEEDS_DIR, f), 'utf8').split('\n'))
  .filter((l) => l.trim() !== '');

const char = fc.oneof(
  fc.constantFrom('𠮷', '𩸽', '😀', '👨‍👩‍👧', '🇯🇵'), // 4-byte characters, ZWJ sequences, flags
  fc.constantFrom('\u0301', '\u3099', '\u309a', 'か\u3099', 'e\u0301', '\u20dd'), // combining marks
  fc.constantFrom('\ud800', '\udfff', '\udc00a', 'x\ud83d'), // lone surrogates
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), // C0 controls, NUL included
  fc.constantFrom('\u007f', '\u0085', '\u2028', '\u2029', '\ufeff', '\u200b', '\ufffd', '\r', '\t'),
  fc.constantFrom('①', '㈱', 'ｶﾞ', 'ＡＰＮ', '令和7年度', '～', '○', '・', '##', '- ', '（', '）', '億円', '日本側', '代表者:'),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);

const noisyLine = fc.array(char, { maxLength: 40 }).map((parts) => parts.join(''));
const line = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SEED_LINES) },
  { weight: 4, arbitrary: noisyLine },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...SEED_LINES), noisyLine).map(([a, b]) => a + b) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '\t\t', '1', '## ', '○', '-') },
);
const text = fc.array(line, { minLength: 1, maxLength: 30 }).map((lines) => lines.join('\n'));

/**
 * A ~100 KB line: seed sentences run together (a PDF extraction that lost its line breaks) with noise between them.
 * Not one character repeated: kuromoji's unknown-word lattice is quadratic in the length of a run of one character
 * class (100 KB of "a" takes about a minute), which would make this test slow rather than find a failure.
 */
function longLine(noise: string[]): string {
  let out = '';
  for (let i = 0; out.length < LONG_LINE_CHARS; i++) out += SEED_LINES[(i * 7) % SEED_LINES.length]! + noise[i % noise.length]!;
  return out;
}

type Encoded = { name: string; bytes: Uint8Array };
function sjis(s: string): Uint8Array {
  return Uint8Array.from(Encoding.convert(Encoding.stringToCode(s), { to: 'SJIS', from: 'UNICODE' }));
}
function utf16le(s: string): Uint8Array {
  // Lone surrogates survive UTF-16 encoding, so they reach the decoded text.
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
}

const file: fc.Arbitrary<Encoded> = fc.oneof(
  { weight: 5, arbitrary: text.map((s) => ({ name: 'utf8.txt', bytes: Buffer.from(s, 'utf8') })) },
  { weight: 2, arbitrary: text.map((s) => ({ name: 'utf16.md', bytes: utf16le(s) })) },
  // Shift_JIS bytes in a file a user believes is UTF-8; sometimes with UTF-8 lines mixed in.
  { weight: 2, arbitrary: text.map((s) => ({ name: 'sjis.txt', bytes: sjis(s) })) },
  {
    weight: 1,
    arbitrary: fc.tuple(text, text).map(([a, b]) => ({ name: 'mixed.txt', bytes: Buffer.concat([sjis(a), Buffer.from(`\n${b}`, 'utf8')]) })),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }).map((bytes) => ({ name: 'random.txt', bytes })) },
  {
    weight: 1,
    arbitrary: fc.tuple(text, fc.array(char, { minLength: 1, maxLength: 20 })).map(([s, noise]) => ({
      name: 'long.txt',
      bytes: Buffer.from(`${s}\n${longLine(noise)}\n${s}`, 'utf8'),
    })),
  },
);

let dir: string;
let tokenizer: Tokenizer;
let curated: CuratedData;
let counter = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kg-prop-ingest-'));
  tokenizer = await loadTokenizer();
  curated = loadCuratedData();
}, 60_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Reads the bytes from a real file; null when the reader rejects the file with an IngestInputError. */
async function read(f: Encoded): Promise<RawDocument | null> {
  const path = join(dir, `${counter++}-${f.name}`);
  await writeFile(path, f.bytes);
  try {
    return await readDocument(path, { maxBytes: MAX_BYTES });
  } catch (err) {
    expect(err).toBeInstanceOf(IngestInputError);
    expect((err as Error).message.startsWith(path)).toBe(true);
    return null;
  } finally {
    await rm(path, { force: true });
  }
}

function runPipeline(raw: RawDocument): DocumentBundle {
  const normalized = normalizeDocument(raw);
  const n = raw.lines.length;
  expect(normalized.lines).toHaveLength(n);
  for (const o of [...normalized.lineStartOffsets, ...normalized.lineEndOffsets]) {
    expect(o).toBeGreaterThanOrEqual(0);
    expect(o).toBeLessThanOrEqual(normalized.text.length);
  }
  const segmented = segmentDocument(normalized, raw);
  for (const p of segmented.passages) {
    expect(p.text.length).toBeGreaterThan(0);
    expect(p.lineStart).toBeGreaterThanOrEqual(1);
    expect(p.lineEnd).toBeGreaterThanOrEqual(p.lineStart);
    expect(p.lineEnd).toBeLessThanOrEqual(n);
    for (const o of p.lineOffsets) expect(o).toBeLessThanOrEqual(p.text.length);
  }
  const document: DocumentRecord = {
    id: `doc:${raw.file}`,
    file: raw.file,
    title: segmented.title,
    date: segmented.date,
    dateSource: segmented.date ? 'text' : 'none',
    contentHash: raw.contentHash,
    encoding: raw.encoding,
    lineCount: n,
    charCount: raw.text.length,
    ingestedAt: new Date(0).toISOString(),
  };
  const [bundle] = extractDocuments([{ document, passages: segmented.passages }], { tokenizer, curated });
  return bundle!;
}

function expectInsideFile(bundle: DocumentBundle, lineCount: number): void {
  const passageIds = new Set(bundle.passages.map((p) => p.id));
  const entityIds = new Set(bundle.entities.map((e) => e.id));
  for (const p of bundle.passages) {
    expect(p.lineStart).toBeGreaterThanOrEqual(1);
    expect(p.lineEnd).toBeGreaterThanOrEqual(p.lineStart);
    expect(p.lineEnd).toBeLessThanOrEqual(lineCount);
  }
  for (const f of [...bundle.relations, ...bundle.facts]) {
    expect(f.docId).toBe(bundle.document.id);
    expect(passageIds.has(f.passageId)).toBe(true);
    expect(f.lineStart).toBeGreaterThanOrEqual(1);
    expect(f.lineEnd).toBeGreaterThanOrEqual(f.lineStart);
    expect(f.lineEnd).toBeLessThanOrEqual(lineCount);
  }
  for (const m of bundle.mentions) {
    expect(passageIds.has(m.passageId)).toBe(true);
    expect(entityIds.has(m.entityId)).toBe(true);
  }
  for (const r of bundle.relations) {
    expect(entityIds.has(r.fromId)).toBe(true);
    expect(entityIds.has(r.toId)).toBe(true);
  }
  for (const f of bundle.facts) expect(entityIds.has(f.subjectId)).toBe(true);
}

describe('ingest pipeline under random input (fast-check)', () => {
  it('reads, normalizes, segments, tokenizes and extracts without unexpected errors; every line range is inside the file', async () => {
    const long = { name: 'long.txt', bytes: Buffer.from(`タイトル\n${longLine(['𠮷', '\u0301', '\ud800', '\u0007'])}\n終わり`, 'utf8') };
    const loneSurrogates = { name: 'utf16.md', bytes: utf16le('## 見出し\ud800\n\udfffAPN（オール光ネットワーク）\u0301\n') };
    await fc.assert(
      fc.asyncProperty(file, async (f) => {
        const raw = await read(f);
        if (!raw) return;
        expect(raw.lineStarts).toHaveLength(raw.lines.length);
        const bundle = runPipeline(raw);
        expectInsideFile(bundle, raw.lines.length);
      }),
      { numRuns: NUM_RUNS, examples: [[long], [loneSurrogates]] },
    );
  }, 240_000);

  it('the tokenizer keeps every token inside its text, whatever the characters', () => {
    fc.assert(
      fc.property(fc.array(char, { maxLength: 200 }).map((p) => p.join('')), (s) => {
        for (const t of tokenizer(s)) {
          expect(t.start).toBeGreaterThanOrEqual(0);
          expect(t.start + t.surface.length).toBeLessThanOrEqual(s.length);
          // Lone surrogates and NUL reach kuromoji as U+FFFD (same UTF-16 length, so offsets hold).
          expect(t.surface).toBe(s.slice(t.start, t.start + t.surface.length).replace(UNTOKENIZABLE, '\ufffd'));
        }
      }),
      { numRuns: 200 },
    );
  });
});

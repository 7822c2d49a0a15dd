import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEFAULT_DICTIONARY_DIR } from '../ingest/extract/curatedDictionaries.ts';
import { extractionVersion } from '../ingest/extract/extractionVersion.ts';

it('a curated dictionary edit changes the extraction version, so the next ingest reads every file again', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kg-dict-'));
  try {
    cpSync(DEFAULT_DICTIONARY_DIR, dir, { recursive: true });
    const before = extractionVersion(dir);
    expect(before).toBe(extractionVersion(DEFAULT_DICTIONARY_DIR));
    writeFileSync(join(dir, 'regions.json'), '[]');
    expect(extractionVersion(dir)).not.toBe(before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

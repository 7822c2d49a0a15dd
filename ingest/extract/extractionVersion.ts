// Which extraction produced a stored document. Re-ingesting an unchanged file is a no-op only when the file AND the
// extraction are unchanged: editing a curated dictionary, or a change of the rules (bump EXTRACTION_RULES_VERSION),
// makes the next ingest read every file again.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ONE_CHARACTER_COUNTRIES_FILE } from '../../src/text/oneCharacterCountries.ts';
import { DEFAULT_DICTIONARY_DIR } from './curatedDictionaries.ts';

export const EXTRACTION_RULES_VERSION = 1;

let cached: string | null = null;

export function extractionVersion(dir: string = DEFAULT_DICTIONARY_DIR): string {
  if (cached && dir === DEFAULT_DICTIONARY_DIR) return cached;
  const hash = createHash('sha256').update(`rules ${EXTRACTION_RULES_VERSION}`);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) hash.update(file).update(readFileSync(join(dir, file)));
  hash.update(readFileSync(ONE_CHARACTER_COUNTRIES_FILE));
  const version = `x${EXTRACTION_RULES_VERSION}-${hash.digest('hex').slice(0, 12)}`;
  if (dir === DEFAULT_DICTIONARY_DIR) cached = version;
  return version;
}

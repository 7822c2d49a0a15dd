// Loads the curated data files (ingest/dictionaries) and the ISO country list (i18n-iso-countries, Japanese and
// English names) into dictionary entries. Read once per process.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import countries from 'i18n-iso-countries';
import type { EntityType } from '../../src/model/graph.ts';
import { oneCharacterCountries } from '../../src/text/oneCharacterCountries.ts';
import type { DictionaryEntry } from './EntityDictionary.ts';

const require = createRequire(import.meta.url);
export const DEFAULT_DICTIONARY_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'dictionaries');

interface CuratedFile {
  id: string;
  name: string;
  nameEn: string | null;
  aliases: string[];
  country?: string | null;
  code?: string;
}

export interface Patterns {
  organizationSuffixes: string[];
  organizationSuffixesNeedingAKnownHead: string[];
  programSuffixes: string[];
  projectSuffixes: string[];
  eventSuffixes: string[];
  legalPrefixes: string[];
  genericHeads: string[];
}

export interface CuratedData {
  entries: DictionaryEntry[];
  /** Japanese one-character country abbreviations used in compounds (日独, 日EU): character → country/bloc code. */
  oneCharacterCountries: Map<string, string>;
  /** Country/bloc code → entity id. */
  countryIdByCode: Map<string, string>;
  patterns: Patterns;
}

let cached: CuratedData | null = null;

function readJson<T>(dir: string, file: string): T {
  const path = join(dir, file);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (err) {
    throw new Error(`dictionary ${path} could not be read: ${(err as Error).message}`);
  }
}

export function countryId(code: string): string {
  return `country:${code}`;
}

export function loadCuratedData(dir: string = DEFAULT_DICTIONARY_DIR): CuratedData {
  if (cached && dir === DEFAULT_DICTIONARY_DIR) return cached;
  countries.registerLocale(require('i18n-iso-countries/langs/ja.json'));
  countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
  const aliasFile = readJson<{ preferredNames: Record<string, string>; names: Record<string, string> }>(dir, 'country-aliases.json');
  const entries: DictionaryEntry[] = [];
  const countryIdByCode = new Map<string, string>();

  const jaNames = countries.getNames('ja', { select: 'all' });
  const enNames = countries.getNames('en', { select: 'all' });
  for (const [code, ja] of Object.entries(jaNames)) {
    const en = enNames[code] ?? [];
    const extra = Object.entries(aliasFile.names)
      .filter(([, c]) => c === code)
      .map(([alias]) => alias);
    const id = countryId(code);
    countryIdByCode.set(code, id);
    entries.push({
      id,
      type: 'Country',
      name: aliasFile.preferredNames[code] ?? ja[0]!,
      nameEn: en[0] ?? null,
      aliases: [...ja, ...en, ...extra],
      code,
    });
  }
  for (const r of readJson<CuratedFile[]>(dir, 'regions.json')) {
    countryIdByCode.set(r.code!, r.id);
    entries.push({ id: r.id, type: 'Country', name: r.name, nameEn: r.nameEn, aliases: r.aliases, code: r.code ?? null });
  }
  const typed: [string, EntityType][] = [
    ['organizations.json', 'Organization'],
    ['technologies.json', 'Technology'],
    ['programs.json', 'Program'],
  ];
  for (const [file, type] of typed) {
    for (const e of readJson<CuratedFile[]>(dir, file)) {
      entries.push({ id: e.id, type, name: e.name, nameEn: e.nameEn, aliases: e.aliases, country: e.country ?? null });
    }
  }
  const data: CuratedData = {
    entries,
    oneCharacterCountries: oneCharacterCountries(),
    countryIdByCode,
    patterns: readJson<Patterns>(dir, 'patterns.json'),
  };
  if (dir === DEFAULT_DICTIONARY_DIR) cached = data;
  return data;
}

// The one-character country abbreviations of Japanese compounds (日独 = Japan–Germany, 日EU, 日米豪印), shared by the
// ingest (joint-research blocks) and search (a pair names both countries). Data a maintainer extends:
// oneCharacterCountries.json beside this file, abbreviation → ISO 3166 alpha-2 or bloc code.
import { readFileSync } from 'node:fs';

export const ONE_CHARACTER_COUNTRIES_FILE = new URL('./oneCharacterCountries.json', import.meta.url);

let cached: Map<string, string> | null = null;

export function oneCharacterCountries(): Map<string, string> {
  if (!cached) {
    try {
      cached = new Map(Object.entries(JSON.parse(readFileSync(ONE_CHARACTER_COUNTRIES_FILE, 'utf8')) as Record<string, string>));
    } catch (err) {
      throw new Error(`${ONE_CHARACTER_COUNTRIES_FILE.pathname}: cannot read the country abbreviations (${(err as Error).message})`);
    }
  }
  return cached;
}

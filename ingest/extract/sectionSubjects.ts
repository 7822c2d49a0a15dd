// Headings give context: a heading that names a country (英国, ドイツ, 欧州) makes the headings under it that country's
// initiatives (6GIC, FNS, Hexa-X-IIプロジェクト …); a heading that names an entity makes it the subject of the
// passages below it, so "2020年11月にSurrey大学により設立" is about 6GIC.
import type { EntityType } from '../../src/model/graph.ts';
import type { EntityDictionary } from './EntityDictionary.ts';
import type { AnalyzedPassage } from './ExtractionContext.ts';
import type { Patterns } from './curatedDictionaries.ts';
import { cleanName, entityIdFor, inferType, nounCompounds } from './discoverEntities.ts';

export interface SectionContext {
  /** Country/bloc entity named by a heading on the passage's path, if any. */
  countryId: string | null;
  /** The deepest heading on the path that names a non-country entity. */
  subjectId: string | null;
  /** Weaker: the first non-country entity named inside the nearest heading (5G in 5G基地局の市場占有率). */
  topicId: string | null;
}

export const DEFAULT_MAX_DESCRIPTION_CHARS = 240;

const DESCRIPTION_HEADS: [RegExp, EntityType][] = [
  [/(プロジェクト|テストベッド|フラグシップ)$/, 'Project'],
  [/(プログラム|計画|戦略|政策|施策)$/, 'Program'],
  [/(組織|機関|部会|施設|団体|フォーラム|協会|センター|連合|アライアンス)$/, 'Organization'],
];
const NAME_HEADS: [RegExp, EntityType][] = [
  [/(Alliance|Association|Centre|Center|Lab|Forum|Society|ソサイエティ|フォーラム|IA)$/i, 'Organization'],
  [/(プロジェクト|Project|Flagship)$/i, 'Project'],
];

export function headingName(heading: string): { name: string; nameEn: string | null; short: string | null } {
  const h = heading.replace(/\*+/g, '').replace(/^#+\s*/, '').trim();
  const m = h.match(/^(.+?)\s*[(（]\s*([^()（）]+?)\s*[)）]$/);
  if (m && /^[A-Z0-9][A-Za-z0-9\-,&' ]+$/.test(m[2]!) && m[2]!.includes(' ')) return { name: m[1]!, nameEn: m[2]!, short: null };
  const short = h.replace(/プロジェクト$/, '');
  return { name: h, nameEn: null, short: short !== h && short.length >= 3 ? short : null };
}

function countryOf(heading: string, dictionary: EntityDictionary): string | null {
  const ids = dictionary.lookup(heading.replace(/^#+\s*/, '').replace(/\*+/g, '').trim());
  return ids.find((id) => dictionary.get(id)?.type === 'Country') ?? null;
}

/** The final noun of a passage's first sentence ("…官民合同プログラム。" → Program). */
function describedType(p: AnalyzedPassage | undefined): EntityType | null {
  if (!p) return null;
  const stop = p.text.indexOf('。');
  if (stop < 0) return null;
  const run = nounCompounds(p.tokens).find(([, b]) => {
    const t = p.tokens[b - 1]!;
    return t.start + t.surface.length === stop;
  });
  if (!run) return null;
  const last = p.text.slice(p.tokens[run[0]]!.start, stop);
  return DESCRIPTION_HEADS.find(([re]) => re.test(last))?.[1] ?? null;
}

/**
 * Registers each heading under a country heading as an entity of that country (type from the description that
 * follows it, else from its name) and returns, per passage, its country and subject.
 */
export function resolveSections(passages: AnalyzedPassage[], dictionary: EntityDictionary, patterns: Patterns): Map<string, SectionContext> {
  const out = new Map<string, SectionContext>();
  const headingEntity = new Map<string, string | null>();
  const headingTopic = new Map<string, string | null>();
  const firstLines = new Map<string, AnalyzedPassage>();
  for (const q of passages) {
    const first = q.text.split('\n', 1)[0]!;
    if (!firstLines.has(first)) firstLines.set(first, q);
  }
  const topicOf = (heading: string): string | null => {
    if (!headingTopic.has(heading)) {
      const hp = firstLines.get(heading);
      const matches = hp ? dictionary.match(hp.text.split('\n')[0]!, hp.boundaries) : [];
      const id = matches.flatMap((m) => m.entityIds).find((e) => dictionary.get(e)?.type !== 'Country' && dictionary.get(e)?.type !== 'Budget') ?? null;
      headingTopic.set(heading, id);
    }
    return headingTopic.get(heading)!;
  };
  passages.forEach((p, i) => {
    let countryId: string | null = null;
    let subjectId: string | null = null;
    p.section.forEach((heading, depth) => {
      const c = countryOf(heading, dictionary);
      if (c) {
        countryId = c;
        return;
      }
      const key = `${depth}|${heading}`;
      if (!headingEntity.has(key)) {
        const { name, nameEn, short } = headingName(heading);
        let id = dictionary.lookup(name)[0] ?? (short ? dictionary.lookup(short)[0] : undefined) ?? null;
        const body = passages.slice(i).find((q) => q.kind !== 'heading');
        // A country's initiative: a short heading right under the country, described by a short bullet.
        const describes = body?.kind === 'bullet' && body.text.length <= DEFAULT_MAX_DESCRIPTION_CHARS && name.length <= 60;
        if (!id && countryId && depth > 0 && describes && countryOf(p.section[depth - 1]!, dictionary)) {
          const type = describedType(body) ?? NAME_HEADS.find(([re]) => re.test(name))?.[1] ?? inferType(name, patterns) ?? 'Program';
          const clean = cleanName(name, patterns);
          id = entityIdFor(type === 'Technology' ? 'Program' : type, clean);
          dictionary.add({ id, type: type === 'Technology' ? 'Program' : type, name: clean, nameEn, aliases: [short, nameEn].filter((a): a is string => Boolean(a)) });
        }
        headingEntity.set(key, id);
      }
      const id = headingEntity.get(key);
      if (id) subjectId = id;
    });
    // A heading's own passage: its subject is what it names.
    if (p.kind === 'heading' && !subjectId) {
      const ids = dictionary.lookup(headingName(p.text).name);
      subjectId = ids.find((id) => dictionary.get(id)?.type !== 'Country') ?? null;
    }
    const nearest = p.section.at(-1) ?? (p.kind === 'block' ? p.text.split('\n')[0]! : null);
    out.set(p.id, { countryId, subjectId, topicId: nearest ? topicOf(nearest) : null });
  });
  return out;
}


// Finds entities the dictionaries do not know yet, from the text itself:
// - abbreviations introduced in parentheses (オール光ネットワーク（APN）, 6GIC (6G Innovation Centre),
//   DSIT(科学・イノベーション・技術省), （All Photonics Network：APN）): the two forms become aliases of one entity;
// - noun compounds (kuromoji) ending in an organization / programme / project / event suffix (…大学, …機構, …戦略,
//   …基金, …プロジェクト, …ワークショップ), and names in 「…」 with such a suffix;
// - budget line items (「NAME【R7補正予算：…】」).
// New entities go into the dictionary, so the mention pass finds them everywhere.
import type { EntityType } from '../../src/model/graph.ts';
import { compactKey } from '../../src/text/compactKey.ts';
import type { Token } from '../../src/text/tokenizer.ts';
import type { DictionaryEntry, EntityDictionary } from './EntityDictionary.ts';
import type { AnalyzedPassage } from './ExtractionContext.ts';
import type { Patterns } from './curatedDictionaries.ts';
import { isPairProjectName } from './extractJointProjects.ts';

const DESCRIBED_AS: [RegExp, EntityType][] = [
  [/(プロジェクト|テストベッド|実証基盤|拠点)$/, 'Project'],
  [/(プログラム|計画|戦略|制度|枠組み|基金|ファンド)$/, 'Program'],
  [/(組織|機関|団体|企業|会社|法人|フォーラム|協議会|連合)$/, 'Organization'],
  [/(会議|会合|ワークショップ|イベント)$/, 'Event'],
];

export const ID_PREFIX: Record<EntityType, string> = {
  Country: 'country',
  Organization: 'org',
  Program: 'prog',
  Project: 'proj',
  Technology: 'tech',
  Budget: 'budget',
  Event: 'event',
};

const TECHNOLOGY_HEADS = /(ネットワーク|通信|技術|システム|モデル|ケーブル|デバイス|暗号|コンピュータ|センサ|衛星|インターネット|Network|System|Technology|Model)$/;
/** A support form (助成 / 委託) in a first cell continues the programme of the row above. */
export const SUPPORT_FORM = /^(助成|委託|補助)/;
const AGENT_SUFFIX = /^(者|性|化|的|費|員|向け)/;
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
const ABBREVIATION = /^[A-Za-z0-9][A-Za-z0-9.&\-]{0,14}$/;

export function entityIdFor(type: EntityType, name: string): string {
  return `${ID_PREFIX[type]}:${compactKey(name)}`;
}

/** Removes legal-form prefixes (株式会社, 国立研究開発法人…) and spaces a PDF put between Japanese characters. */
export function cleanName(name: string, patterns: Patterns): string {
  let n = name.replace(/^\s*[①-⑳]\s*/, '').normalize('NFKC').trim();
  n = n.replace(/(?<=[\u3040-\u30ff\u3400-\u9fff・])\s+(?=[\u3040-\u30ff\u3400-\u9fff・])/g, '');
  n = n.replace(/\*+/g, '').replace(/^[①-⑳]\s*/, '').replace(/^\d{1,2}[.．、)）]\s*/, '').replace(/^[-・*•✓■□◆▶➡>\s]+/, '');
  n = n.replace(/^(?:今年度|本年度|昨年度|来年度|次年度|次回|今回|前回|第\s*\d+\s*回)\s*/, '');
  for (const p of patterns.legalPrefixes) if (n.startsWith(p) && n.length > p.length + 1) n = n.slice(p.length);
  return n.replace(/^[「『"]|[」』"]$/g, '').trim();
}

interface SuffixRules {
  event: RegExp;
  project: RegExp;
  program: RegExp;
  organization: RegExp;
}
const suffixRules = new WeakMap<Patterns, SuffixRules>();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** "(?<=.)(?:a|b)$" from a suffix list: a name must have something before its suffix. */
const endsWithOneOf = (list: string[]) => new RegExp(`(?<=.)(?:${[...list].sort((a, b) => b.length - a.length).map(escape).join('|')})$`);

function rulesOf(patterns: Patterns): SuffixRules {
  let r = suffixRules.get(patterns);
  if (!r) {
    r = {
      event: endsWithOneOf(patterns.eventSuffixes),
      project: endsWithOneOf(patterns.projectSuffixes),
      program: endsWithOneOf([...patterns.programSuffixes, '事業']),
      organization: endsWithOneOf(patterns.organizationSuffixes.filter((s) => !patterns.organizationSuffixesNeedingAKnownHead.includes(s))),
    };
    suffixRules.set(patterns, r);
  }
  return r;
}

export function inferType(name: string, patterns: Patterns): EntityType | null {
  const bare = name.replace(/[\s\d.]+$/, '').replace(/2\.0$/, '');
  const rules = rulesOf(patterns);
  if (rules.event.test(bare)) return 'Event';
  if (rules.project.test(bare)) return 'Project';
  if (rules.program.test(bare)) return 'Program';
  if (rules.organization.test(bare)) return 'Organization';
  if (TECHNOLOGY_HEADS.test(bare)) return 'Technology';
  return null;
}

function isGeneric(name: string, patterns: Patterns, suffixes: string[]): boolean {
  const key = name.normalize('NFKC');
  if (patterns.genericHeads.includes(key)) return true;
  const suffix = suffixes.filter((s) => key.endsWith(s)).sort((a, b) => b.length - a.length)[0];
  const head = suffix ? key.slice(0, key.length - suffix.length) : key;
  if (head.length < 2) return true;
  if (/^[\d０-９.,]+$/.test(head) || /[\d０-９]$/.test(head)) return true; // 企業5社, 3プロジェクト
  return patterns.genericHeads.includes(head) || patterns.genericHeads.some((g) => head === `${g}の`);
}

const WORDLIKE = /^[\p{L}\p{N}・\-.]+$/u;
const inCompound = (t: Token) =>
  WORDLIKE.test(t.surface) &&
  ((t.pos[0] === '名詞' && t.pos[1] !== '代名詞' && t.pos[1] !== '非自立') ||
  t.pos[0] === '接頭詞' ||
  (t.pos[0] === '記号' && /^[・\-]$/.test(t.surface)) ||
  /^[A-Za-z0-9.]+$/.test(t.surface));

/** Maximal runs of noun-like tokens, as [startToken, endToken) index pairs. */
export function nounCompounds(tokens: Token[]): [number, number][] {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!inCompound(tokens[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < tokens.length && inCompound(tokens[j]!) && (j === i || tokens[j]!.start === tokens[j - 1]!.start + tokens[j - 1]!.surface.length)) j++;
    // A compound never starts or ends with a middle dot or hyphen.
    let a = i;
    let b = j;
    while (a < b && /^[・\-]$/.test(tokens[a]!.surface)) a++;
    while (b > a && /^[・\-]$/.test(tokens[b - 1]!.surface)) b--;
    if (b > a) runs.push([a, b]);
    i = j;
  }
  return runs;
}

interface Discovery {
  entries: DictionaryEntry[];
  /** Document-scoped aliases from "（以下「X」という。）": valid in this document only. */
  localAliases: { id: string; alias: string }[];
}

export function discoverEntities(passages: AnalyzedPassage[], dictionary: EntityDictionary, patterns: Patterns, oneChar: Map<string, string>): Discovery {
  const found = new Map<string, DictionaryEntry>();
  const localAliases: { id: string; alias: string }[] = [];

  const known = (form: string) => dictionary.lookup(form)[0] ?? found.get(compactKey(form))?.id;
  const register = (type: EntityType, name: string, extra: { nameEn?: string | null; aliases?: string[] } = {}): string | null => {
    const clean = name.trim();
    if (clean.length < 2 || clean.length > 60) return null;
    if (type === 'Project' && isPairProjectName(clean, oneChar)) return dictionary.lookup(clean)[0] ?? null;
    const existing = known(clean) ?? extra.aliases?.map(known).find(Boolean);
    if (existing) {
      for (const a of [clean, ...(extra.aliases ?? [])]) if (!dictionary.lookup(a).includes(existing)) dictionary.addAlias(existing, a);
      const pending = [...found.values()].find((e) => e.id === existing);
      if (pending) {
        pending.aliases = [...new Set([...pending.aliases, clean, ...(extra.aliases ?? [])])].filter((a) => a !== pending.name);
        pending.nameEn ??= extra.nameEn ?? null;
        dictionary.add(pending);
      }
      return existing;
    }
    const entry: DictionaryEntry = { id: entityIdFor(type, clean), type, name: clean, nameEn: extra.nameEn ?? null, aliases: extra.aliases ?? [] };
    found.set(compactKey(clean), entry);
    dictionary.add(entry);
    return entry.id;
  };

  let tableType: EntityType | null = null;
  for (const p of passages) {
    const text = p.text;
    const tokens = p.tokens;
    const compounds = nounCompounds(tokens);
    // The noun compound that ends right before offset `end` (spaces allowed in between).
    const compoundBefore = (end: number): string | null => {
      let e = end;
      while (e > 0 && /\s/.test(text[e - 1]!)) e--;
      const runs = compounds.filter(([, b]) => {
        const last = tokens[b - 1]!;
        return last.start + last.surface.length === e;
      });
      const run = runs[0];
      if (!run) return null;
      return cleanName(text.slice(tokens[run[0]]!.start, e), patterns);
    };

    // （English：ABBR） and LONG（ABBR）
    for (const m of text.matchAll(/[（(]\s*(?:([A-Za-z][A-Za-z0-9 ,&'\-]{3,60}?)\s*[：:]\s*)?([A-Za-z0-9][A-Za-z0-9.&\-]{0,14})\s*[)）]/g)) {
      const abbr = m[2]!;
      if (!ABBREVIATION.test(abbr) || !/[A-Z]/.test(abbr) || /^\d+$/.test(abbr)) continue;
      const long = compoundBefore(m.index!);
      if (!long || long === abbr || !JAPANESE.test(long) && !m[1]) continue;
      const existing = known(long) ?? known(abbr);
      const aliases = [abbr, ...(m[1] ? [m[1].trim()] : [])];
      // Known only by its abbreviation: the long form must itself look like a name (研究開発(Q-BRIDGE) names nothing).
      if (existing && !known(long) && !inferType(long, patterns)) continue;
      if (existing) register('Technology', long, { aliases, nameEn: m[1]?.trim() ?? null });
      else {
        const type = inferType(long, patterns);
        if (type) register(type, long, { aliases, nameEn: m[1]?.trim() ?? null });
      }
    }
    // ABBR (English Expansion) and ABBR(日本語名)
    for (const m of text.matchAll(/(?<![A-Za-z0-9])([A-Za-z0-9][A-Za-z0-9\-]*(?: [A-Z0-9][A-Za-z0-9\-]*)?)\s*[(（]\s*([^()（）]{2,80}?)\s*[)）]/g)) {
      const abbr = m[1]!;
      const expansion = m[2]!.replace(/\*+/g, '').trim();
      if (!/[A-Z]/.test(abbr) || /^\d+$/.test(abbr)) continue;
      if (/^[A-Z][A-Za-z0-9\-]*(?:[ ,&]+[A-Za-z0-9\-]+){1,}$/.test(expansion)) {
        const existing = known(abbr) ?? known(expansion);
        const type = existing ? 'Organization' : (inferType(expansion, patterns) ?? inferType(abbr, patterns));
        if (existing || type) register(type ?? 'Organization', abbr, { nameEn: expansion, aliases: [expansion] });
      } else if (JAPANESE.test(expansion) && !/[、。：:]/.test(expansion) && inferType(expansion, patterns) === 'Organization') {
        register('Organization', cleanName(expansion, patterns), { aliases: [abbr] });
      }
    }
    // （以下「X」という。）: a document-local short name.
    for (const m of text.matchAll(/[（(]以下[、,]?\s*(?:単に)?「([^」]{1,30})」という。?[)）]/g)) {
      const long = compoundBefore(m.index!) ?? (text.slice(0, m.index!).match(/「([^」]{2,60})」\s*$/)?.[1] ?? null);
      if (!long) continue;
      const id = known(long) ?? (inferType(long, patterns) ? register(inferType(long, patterns)!, long) : null);
      if (id) localAliases.push({ id, alias: m[1]! });
    }
    // "テストベッドである「東京QKDネットワーク」": a quoted name introduced by what it is.
    for (const m of text.matchAll(/([^\s、。「」]{2,16})である「([^「」]{2,40})」/g)) {
      const type = DESCRIBED_AS.find(([re]) => re.test(m[1]!))?.[1];
      if (type) register(type, cleanName(m[2]!, patterns));
    }
    // Names in 「…」 with a known suffix (「地方枠」事業 counts: the suffix may follow the bracket).
    for (const m of text.matchAll(/「([^「」]{2,50})」(事業|基金|プログラム|プロジェクト)?/g)) {
      const name = cleanName(m[1]! + (m[2] ?? ''), patterns);
      const type = inferType(name, patterns);
      if (type && type !== 'Technology' && !isGeneric(name, patterns, [...patterns.programSuffixes, ...patterns.eventSuffixes, '事業'])) {
        register(type, name, m[2] ? { aliases: [cleanName(m[1]!, patterns)] } : {});
      }
    }
    // Table rows: the first cell names a programme (① 要素技術・ シーズ創出型 プログラム), by its suffix or because
    // the table's header says so (プログラム名 / 事業名 / プロジェクト名).
    if (p.kind === 'table-row') {
      const first = cleanName(text.split('\t')[0] ?? '', patterns);
      const header = first.match(/^(プログラム|事業|プロジェクト|施策)名/);
      if (header) tableType = header[1] === 'プロジェクト' ? 'Project' : 'Program';
      else if (first && !first.startsWith('【') && !SUPPORT_FORM.test(first) && !/[※^{}]/.test(first)) {
        const type = inferType(first, patterns) ?? tableType;
        if ((type === 'Program' || type === 'Project') && !isGeneric(first, patterns, patterns.programSuffixes)) register(type, first);
      }
    } else tableType = null;
    // Budget line items: "NAME【R7補正予算：…】"
    for (const m of text.matchAll(/(?:^|[✓・\-]\s*)([^【】\n✓]{3,60}?)\s*【[^】]*予算/gm)) {
      const name = cleanName(m[1]!, patterns);
      if (name.length >= 4 && JAPANESE.test(name)) register(inferType(name, patterns) === 'Program' ? 'Program' : 'Program', name);
    }
    // Noun compounds with an organization / programme / project / event suffix.
    for (const [a, b] of compounds) {
      for (let j = b; j > a; j--) {
        const last = tokens[j - 1]!;
        if (last.pos[1] === '数' || !/\p{L}/u.test(last.surface)) continue;
        // A shorter name inside the compound only for organizations (東北大学 in 東北大学総長特別顧問), and never
        // when a suffix follows (衛星通信事業者 is not 衛星通信事業).
        const next = tokens[j];
        if (j < b && next && (next.pos[1] === '接尾' || AGENT_SUFFIX.test(next.surface))) continue;
        const name = cleanName(text.slice(tokens[a]!.start, last.start + last.surface.length), patterns);
        const type = inferType(name, patterns);
        if (!type || type === 'Technology') continue;
        const suffixes = [...patterns.organizationSuffixes, ...patterns.programSuffixes, ...patterns.projectSuffixes, ...patterns.eventSuffixes];
        if (isGeneric(name, patterns, suffixes)) continue;
        // A programme name of plain kanji needs some length: 整備計画 or 推進戦略 alone name nothing in particular.
        if (type === 'Program' && name.length < 6 && !/[A-Za-z0-9\u30a0-\u30ff「]/.test(name)) continue;
        // Other names end where the compound ends, or where a number follows (…推進事業45.5億円).
        if (j < b && type !== 'Organization' && next?.pos[1] !== '数') continue;
        register(type, name);
        break; // the longest name ending in a suffix; shorter ones inside it are not separate entities
      }
      // Known organization tokens from the IPADIC dictionary (東京大学, 早稲田大学 …).
      for (let j = a; j < b; j++) {
        const t = tokens[j]!;
        if (t.known && t.pos[1] === '固有名詞' && t.pos[2] === '組織' && JAPANESE.test(t.surface) && t.surface.length >= 3) register('Organization', t.surface);
      }
    }
  }
  return { entries: [...found.values()], localAliases };
}

// Finds known entities in a passage by their names and aliases, with the boundary rules that keep substring traps
// out: Latin/digit edges need a non-alphanumeric neighbour (5G is not in "Beyond 5G" once the longer name wins, AI is
// not in MIRAI); Japanese edges need a kuromoji token boundary (京都 is not in 東京都, フランス is not in エリクソンフランス);
// overlapping candidates resolve to the longest (インド太平洋 beats インド).
import type { EntityType } from '../../src/model/graph.ts';
import { compactKey, isLatinOrDigit } from '../../src/text/compactKey.ts';

export interface DictionaryEntry {
  id: string;
  type: EntityType;
  name: string;
  nameEn: string | null;
  aliases: string[];
  /** ISO country or bloc code (Country entities), or the country an organization/programme belongs to. */
  code?: string | null;
  country?: string | null;
}

export interface EntityMatch {
  entityIds: string[];
  start: number; // offsets in the matched text
  end: number;
  surface: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  ids: Set<string> | null;
  caseSensitive: boolean;
}

const WHITESPACE = /\s/;
// 事業者 is not 事業, 国際化 is not 国際: a Japanese name cannot end right before one of these suffixes.
const AGENT_SUFFIX = /^(?:者|性|化(?!学)|的)/;
const DASH = /[‐‑‒–—―−－-]/;

const newNode = (): TrieNode => ({ next: new Map(), ids: null, caseSensitive: false });

/** Short all-capital abbreviations (SA, EC, DoT) match case-sensitively: "sa" in running text is not Stand Alone. */
function needsCase(alias: string): boolean {
  const a = alias.normalize('NFKC').replace(/\s+/g, '');
  return a.length <= 4 && /^[A-Z0-9][A-Za-z0-9-]*$/.test(a) && /[A-Z]/.test(a.slice(1) || a);
}

export class EntityDictionary {
  private readonly root = newNode();
  private readonly entries = new Map<string, DictionaryEntry>();
  private readonly byKey = new Map<string, Set<string>>();

  add(entry: DictionaryEntry): void {
    const existing = this.entries.get(entry.id);
    if (existing) {
      const aliases = new Set([...existing.aliases, ...entry.aliases]);
      if (entry.name !== existing.name) aliases.add(entry.name);
      aliases.delete(existing.name);
      existing.aliases = [...aliases];
      existing.nameEn ??= entry.nameEn;
      existing.code ??= entry.code ?? null;
      existing.country ??= entry.country ?? null;
    } else {
      this.entries.set(entry.id, { ...entry, aliases: [...new Set(entry.aliases)] });
    }
    for (const form of [entry.name, entry.nameEn, ...entry.aliases]) if (form) this.addForm(form, entry.id);
  }

  addAlias(id: string, alias: string): void {
    const e = this.entries.get(id);
    if (!e) return;
    if (alias !== e.name && !e.aliases.includes(alias)) e.aliases.push(alias);
    this.addForm(alias, id);
  }

  get(id: string): DictionaryEntry | undefined {
    return this.entries.get(id);
  }

  all(): IterableIterator<DictionaryEntry> {
    return this.entries.values();
  }

  /** Entity ids whose name or alias has this key (exact, NFKC/case/space-insensitive). */
  lookup(text: string): string[] {
    return [...(this.byKey.get(compactKey(text)) ?? [])];
  }

  private addForm(form: string, id: string): void {
    const key = compactKey(form);
    if (key.length < 2 && !/[\u4e00-\u9fff]/.test(key)) return; // one Latin letter or digit names nothing
    if (key.length < 1) return;
    let ids = this.byKey.get(key);
    if (!ids) this.byKey.set(key, (ids = new Set()));
    ids.add(id);
    const caseSensitive = needsCase(form);
    // Case-sensitive forms are stored as written (NFKC, no spaces); others lower-cased.
    const stored = caseSensitive ? form.normalize('NFKC').replace(/\s+/g, '') : key;
    let node = this.root;
    for (const ch of stored) {
      let next = node.next.get(ch);
      if (!next) node.next.set(ch, (next = newNode()));
      node = next;
    }
    node.ids ??= new Set();
    node.ids.add(id);
    node.caseSensitive = node.caseSensitive || caseSensitive;
  }

  /**
   * Matches in `text`. `boundaries` holds the offsets where kuromoji tokens start or end (including 0 and
   * text.length); Japanese match edges must fall on one.
   */
  match(text: string, boundaries: { has(offset: number): boolean }): EntityMatch[] {
    // Compact view: whitespace removed, each compact index remembers its offset in `text` (already NFKC).
    const chars: string[] = [];
    const lower: string[] = [];
    const origin: number[] = [];
    for (let i = 0; i < text.length; ) {
      const code = text.charCodeAt(i);
      const next = text.charCodeAt(i + 1);
      const width = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
      const ch = width === 2 ? text.slice(i, i + 2) : text[i]!;
      if (!WHITESPACE.test(ch)) {
        chars.push(ch);
        // CJK and kana have no case: skip toLowerCase for the bulk of the text
        lower.push(DASH.test(ch) ? '-' : code >= 0x3000 && width === 1 ? ch : ch.toLowerCase());
        origin.push(i);
      }
      i += width;
    }
    const candidates: EntityMatch[] = [];
    const found = (hit: TrieNode, s: number, e: number) => {
      const start = origin[s]!;
      const end = origin[e]! + chars[e]!.length;
      if (this.edgeOk(text, start, end, boundaries)) candidates.push({ entityIds: [...hit.ids!], start, end, surface: text.slice(start, end) });
    };
    for (let s = 0; s < lower.length; s++) {
      let node: TrieNode | undefined = this.root;
      let nodeCase: TrieNode | undefined = this.root;
      for (let e = s; e < lower.length && (node || nodeCase); e++) {
        node = node?.next.get(lower[e]!);
        nodeCase = nodeCase?.next.get(chars[e]!);
        // A case-sensitive form matches only as written; the lower-cased walk reaches it for the others.
        if (node?.ids && (!node.caseSensitive || node === nodeCase)) found(node, s, e);
        if (nodeCase?.ids && nodeCase !== node) found(nodeCase, s, e);
      }
    }
    // Longest first, then leftmost; keep those that overlap nothing already kept.
    candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const kept: EntityMatch[] = [];
    for (const c of candidates) {
      if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
      kept.push(c);
    }
    return kept.sort((a, b) => a.start - b.start);
  }

  private edgeOk(text: string, start: number, end: number, boundaries: { has(offset: number): boolean }): boolean {
    const first = text[start];
    const last = text[end - 1];
    if (isLatinOrDigit(first)) {
      if (isLatinOrDigit(text[start - 1])) return false;
    } else if (!boundaries.has(start)) return false;
    if (isLatinOrDigit(last)) {
      if (isLatinOrDigit(text[end])) return false;
    } else if (!boundaries.has(end) || (AGENT_SUFFIX.test(text.slice(end, end + 2)) && !AGENT_SUFFIX.test(last!))) return false;
    return true;
  }
}

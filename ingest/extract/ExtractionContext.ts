// What every extraction step shares for one document: its passages with kuromoji tokens, the entity dictionary,
// and the collectors for entities, mentions, relations and facts (deduplicated by deterministic ids).
import { createHash } from 'node:crypto';
import type {
  AttributeFact,
  EntityRecord,
  EntityType,
  FactPredicate,
  MentionRecord,
  Provenance,
  RelationFact,
  RelationType,
} from '../../src/model/graph.ts';
import { emptyEntity } from '../../src/model/graph.ts';
import type { Token } from '../../src/text/tokenizer.ts';
import type { SegmentedPassage } from '../segment/segmentDocument.ts';
import type { TokenBoundaries } from './TokenBoundaries.ts';
import type { EntityDictionary, EntityMatch } from './EntityDictionary.ts';
import type { CuratedData } from './curatedDictionaries.ts';

export const DEFAULT_QUOTE_CHARS = 400;

/** A segmented passage with its kuromoji analysis. */
export interface AnalyzedPassage extends SegmentedPassage {
  id: string;
  tokens: Token[];
  /** Offsets where tokens start or end: Japanese entity matches must begin and end on one. */
  boundaries: TokenBoundaries;
  /** Dictionary matches, filled by the mention pass. */
  matches: EntityMatch[];
}

export function hashId(...parts: (string | number | boolean | null | undefined)[]): string {
  return createHash('sha256').update(parts.map((p) => String(p ?? '')).join('\u241f')).digest('hex').slice(0, 20);
}

export class ExtractionContext {
  readonly entities = new Map<string, EntityRecord>();
  readonly mentions = new Map<string, MentionRecord>();
  readonly relations = new Map<string, RelationFact>();
  readonly facts = new Map<string, AttributeFact>();
  /** Passages a structured extractor (joint-project block, table) has read; sentence rules skip them. */
  readonly consumed = new Set<string>();

  constructor(
    readonly docId: string,
    readonly docDate: string | null,
    readonly title: string,
    readonly passages: AnalyzedPassage[],
    readonly dictionary: EntityDictionary,
    readonly curated: CuratedData,
  ) {}

  /** Lines of a span of a passage's text. */
  linesOf(p: AnalyzedPassage, start = 0, end = p.text.length): { lineStart: number; lineEnd: number } {
    const lineAt = (offset: number) => {
      let i = 0;
      while (i + 1 < p.lineOffsets.length && p.lineOffsets[i + 1]! <= offset) i++;
      return p.lineStart + i;
    };
    const lineStart = Math.max(p.lineStart, Math.min(lineAt(start), p.lineEnd));
    const lineEnd = Math.max(lineStart, Math.min(lineAt(Math.max(start, end - 1)), p.lineEnd));
    return { lineStart, lineEnd };
  }

  provenance(p: AnalyzedPassage, start = 0, end = p.text.length): Provenance {
    const { lineStart, lineEnd } = this.linesOf(p, start, end);
    const quote = p.text.slice(start, end).trim();
    return {
      docId: this.docId,
      passageId: p.id,
      lineStart,
      lineEnd,
      quote: quote.length > DEFAULT_QUOTE_CHARS ? `${quote.slice(0, DEFAULT_QUOTE_CHARS - 1)}…` : quote,
      asOf: this.docDate,
    };
  }

  /** Makes sure the entity exists in the bundle, from the dictionary (or the given fallback when unknown). */
  useEntity(id: string, fallback?: { type: EntityType; name: string; nameEn?: string | null; aliases?: string[] }): EntityRecord {
    let e = this.entities.get(id);
    if (e) return e;
    const d = this.dictionary.get(id);
    if (d) {
      e = emptyEntity(id, d.type, d.name);
      e.nameEn = d.nameEn;
      e.aliases = [...d.aliases];
      e.code = d.type === 'Country' ? (d.code ?? null) : null;
    } else if (fallback) {
      e = emptyEntity(id, fallback.type, fallback.name);
      e.nameEn = fallback.nameEn ?? null;
      e.aliases = fallback.aliases ?? [];
    } else {
      throw new Error(`unknown entity ${id}`);
    }
    this.entities.set(id, e);
    return e;
  }

  addEntity(record: EntityRecord): EntityRecord {
    const existing = this.entities.get(record.id);
    if (existing) {
      existing.aliases = [...new Set([...existing.aliases, ...record.aliases])].filter((a) => a !== existing.name);
      return existing;
    }
    this.entities.set(record.id, record);
    return record;
  }

  mention(entityId: string, p: AnalyzedPassage, surface: string): void {
    const key = `${entityId}|${p.id}`;
    const m = this.mentions.get(key);
    if (m) m.count++;
    else this.mentions.set(key, { entityId, passageId: p.id, docId: this.docId, surface, count: 1 });
  }

  relate(
    type: RelationType,
    fromId: string,
    toId: string,
    prov: Provenance,
    extra: { side?: string | null; role?: string | null } = {},
  ): void {
    if (fromId === toId) return;
    const side = extra.side ?? null;
    const role = extra.role ?? null;
    const id = `rel:${hashId(type, fromId, toId, prov.docId, prov.passageId, side, role)}`;
    if (this.relations.has(id)) return;
    this.relations.set(id, { id, type, fromId, toId, side, role, ...prov });
  }

  fact(
    subjectId: string,
    predicate: FactPredicate,
    prov: Provenance,
    value: { value?: string | null; num?: number | null; unit?: string | null; dateStart?: string | null; dateEnd?: string | null },
  ): void {
    const f: AttributeFact = {
      id: '',
      subjectId,
      predicate,
      value: value.value ?? null,
      num: value.num ?? null,
      unit: value.unit ?? null,
      dateStart: value.dateStart ?? null,
      dateEnd: value.dateEnd ?? null,
      ...prov,
    };
    f.id = `fact:${hashId(subjectId, predicate, f.value, f.num, f.unit, f.dateStart, f.dateEnd, prov.docId, prov.passageId)}`;
    this.facts.set(f.id, f);
  }

  /** Dictionary matches of a passage that fall inside [start, end), optionally of given types. */
  matchesIn(p: AnalyzedPassage, start = 0, end = p.text.length, types?: EntityType[]): { id: string; match: EntityMatch }[] {
    const out: { id: string; match: EntityMatch }[] = [];
    for (const m of p.matches) {
      if (m.start < start || m.end > end) continue;
      for (const id of m.entityIds) {
        const t = this.dictionary.get(id)?.type;
        if (!types || (t && types.includes(t))) out.push({ id, match: m });
      }
    }
    return out;
  }
}

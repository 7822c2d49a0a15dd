// The derived search index: passages (minisearch over word terms and CJK bigrams) plus the entity surface
// table used for query understanding and suggest. Built from store records; serializable to one JSON file.
import MiniSearch from 'minisearch';
import type { DocumentRecord, EntityRecord, EntityType, MentionRecord, PassageRecord } from '../model/graph.ts';
import type { Tokenizer } from '../text/tokenizer.ts';
import { analyze, latinWords } from './analyze.ts';
import { TermPostings } from './TermPostings.ts';
import { normalizeForMatch } from './normalize.ts';

/** Bump when the serialized layout or the analysis changes: old cache files are then ignored. */
export const INDEX_FORMAT_VERSION = 4;
/** Entity surface forms shorter than this are not matched as text (日, 独 …); mentions still count. */
export const DEFAULT_MIN_FORM_CHARS = 2;

export interface SourceData {
  graphVersion: string;
  documents: DocumentRecord[];
  passages: PassageRecord[];
  entities: EntityRecord[];
  mentions: MentionRecord[];
}

export interface IndexedDocument {
  id: string;
  file: string;
  title: string;
  date: string | null;
}

export interface IndexedEntity {
  id: string;
  type: EntityType;
  name: string;
  nameEn: string | null;
  /** Normalized surface forms for matching: name, nameEn, aliases, code and the surfaces the mentions used. */
  forms: string[];
  /** Display forms (as written) for interpretation.expandedTo and suggest. */
  labels: string[];
}

export interface IndexedPassage {
  id: string;
  docIdx: number;
  text: string;
  /** Normalized match text and kuromoji boundaries (the offset map is recomputed for the few snippets shown). */
  norm: string;
  bounds: Uint8Array;
  /** [entity index, mention count] */
  mentions: [number, number][];
}

interface Serialized {
  formatVersion: number;
  graphVersion: string;
  documents: IndexedDocument[];
  entities: IndexedEntity[];
  passages: { id: string; docIdx: number; text: string; bounds: string; mentions: [number, number][] }[];
  passageIndex: unknown;
  bigrams: Record<string, string>;
  words: Record<string, string>;
}

const PASSAGE_INDEX_OPTIONS = {
  fields: ['w'],
  idField: 'i',
  tokenize: (s: string) => s.split('\n'),
  processTerm: (t: string) => t || null,
  searchOptions: { tokenize: (s: string) => [s], processTerm: (t: string) => t },
};

const ENTITY_INDEX_OPTIONS = {
  fields: ['n', 'w'],
  idField: 'i',
  tokenize: (s: string) => s.split('\n'),
  processTerm: (t: string) => t || null,
  searchOptions: { tokenize: (s: string) => [s], processTerm: (t: string) => t },
};

export function compactForm(s: string): string {
  return normalizeForMatch(s).text.trim();
}

export class SearchIndex {
  readonly docIndexByKey = new Map<string, number>();
  readonly entityIndexById = new Map<string, number>();
  /** entity index → (passage index → mention count) */
  readonly passagesOfEntity = new Map<number, Map<number, number>>();
  /** First character → surface forms starting with it, longest first. */
  readonly surfaces = new Map<string, { form: string; entities: number[] }[]>();
  /** Latin words of the passages, for typo and prefix expansion without walking the whole term tree. */
  readonly latinVocabulary: string[];
  /** Latin word of an entity form → number of entities using it (1 = distinctive). */
  readonly latinWordEntities = new Map<string, Set<number>>();
  readonly entityIndex: MiniSearch;

  private constructor(
    readonly graphVersion: string,
    readonly documents: IndexedDocument[],
    readonly entities: IndexedEntity[],
    readonly passages: IndexedPassage[],
    readonly passageIndex: MiniSearch,
    readonly bigrams: TermPostings,
    readonly words: TermPostings,
  ) {
    documents.forEach((d, i) => {
      this.docIndexByKey.set(d.id, i);
      this.docIndexByKey.set(d.file, i);
    });
    entities.forEach((e, i) => this.entityIndexById.set(e.id, i));
    const vocabulary = new Set<string>();
    for (const p of passages) for (const w of latinWords(p.norm)) vocabulary.add(w);
    this.latinVocabulary = [...vocabulary];
    passages.forEach((p, pi) => {
      for (const [ei, count] of p.mentions) {
        let m = this.passagesOfEntity.get(ei);
        if (!m) this.passagesOfEntity.set(ei, (m = new Map()));
        m.set(pi, count);
      }
    });
    const bySurface = new Map<string, number[]>();
    entities.forEach((e, ei) => {
      for (const form of e.forms) {
        const list = bySurface.get(form) ?? [];
        if (!list.includes(ei)) list.push(ei);
        bySurface.set(form, list);
        for (const w of latinWords(form)) {
          const set = this.latinWordEntities.get(w) ?? new Set<number>();
          set.add(ei);
          this.latinWordEntities.set(w, set);
        }
      }
    });
    for (const [form, ents] of bySurface) {
      const first = form[0]!;
      const list = this.surfaces.get(first) ?? [];
      list.push({ form, entities: ents });
      this.surfaces.set(first, list);
    }
    for (const list of this.surfaces.values()) list.sort((a, b) => b.form.length - a.form.length);
    this.entityIndex = new MiniSearch(ENTITY_INDEX_OPTIONS);
    this.entityIndex.addAll(
      entities.map((e, i) => ({
        i,
        n: e.forms.map((f) => f.replace(/ /g, '')).concat(e.forms.flatMap((f) => f.split(' '))).join('\n'),
        w: e.forms.flatMap((f) => latinWords(f)).join('\n'),
      })),
    );
  }

  /** Number of passages mentioning the entity. */
  mentionCount(ei: number): number {
    return this.passagesOfEntity.get(ei)?.size ?? 0;
  }

  static build(source: SourceData, tokenize: Tokenizer): SearchIndex {
    const documents = source.documents.map((d) => ({ id: d.id, file: d.file, title: d.title, date: d.date }));
    const docIdx = new Map(documents.map((d, i) => [d.id, i]));
    const mentionSurfaces = new Map<string, Set<string>>();
    const mentionsByPassage = new Map<string, MentionRecord[]>();
    for (const m of source.mentions) {
      const list = mentionsByPassage.get(m.passageId) ?? [];
      list.push(m);
      mentionsByPassage.set(m.passageId, list);
      const s = mentionSurfaces.get(m.entityId) ?? new Set();
      s.add(m.surface);
      mentionSurfaces.set(m.entityId, s);
    }
    const entities: IndexedEntity[] = source.entities.map((e) => {
      const labels = unique([e.name, e.nameEn ?? '', ...e.aliases, e.code ?? '', ...(mentionSurfaces.get(e.id) ?? [])]);
      return {
        id: e.id,
        type: e.type,
        name: e.name,
        nameEn: e.nameEn,
        labels,
        forms: unique(labels.map(compactForm)).filter((f) => f.length >= DEFAULT_MIN_FORM_CHARS),
      };
    });
    const entityIdx = new Map(entities.map((e, i) => [e.id, i]));
    const passageIndex = new MiniSearch(PASSAGE_INDEX_OPTIONS);
    const passages: IndexedPassage[] = [];
    const rows: { i: number; w: string }[] = [];
    const bigramRows: string[][] = [];
    const wordRows: string[][] = [];
    const analyses = new Map<string, ReturnType<typeof analyze>>();
    for (const p of source.passages) {
      const di = docIdx.get(p.docId);
      if (di === undefined) continue; // a passage of a document not listed is not searchable
      // Identical texts (repeated headings, table rows) are analysed once.
      let a = analyses.get(p.text);
      if (!a) analyses.set(p.text, (a = analyze(p.text, tokenize)));
      const counts = new Map<number, number>();
      for (const m of mentionsByPassage.get(p.id) ?? []) {
        const ei = entityIdx.get(m.entityId);
        if (ei !== undefined) counts.set(ei, (counts.get(ei) ?? 0) + m.count);
      }
      const i = passages.length;
      passages.push({ id: p.id, docIdx: di, text: p.text, norm: a.text, bounds: a.bounds, mentions: [...counts] });
      rows.push({ i, w: a.words.join('\n') });
      bigramRows.push(a.bigrams);
      wordRows.push(a.words);
    }
    passageIndex.addAll(rows);
    return new SearchIndex(source.graphVersion, documents, entities, passages, passageIndex, TermPostings.build(bigramRows), TermPostings.build(wordRows));
  }

  serialize(): string {
    const data: Serialized = {
      formatVersion: INDEX_FORMAT_VERSION,
      graphVersion: this.graphVersion,
      documents: this.documents,
      entities: this.entities,
      passages: this.passages.map((p) => ({
        id: p.id,
        docIdx: p.docIdx,
        text: p.text,
        bounds: Buffer.from(p.bounds).toString('base64'),
        mentions: p.mentions,
      })),
      passageIndex: this.passageIndex.toJSON(),
      bigrams: this.bigrams.toJSON(),
      words: this.words.toJSON(),
    };
    return JSON.stringify(data);
  }

  /** Null when the file is from another format version (the caller rebuilds). */
  static deserialize(json: string): SearchIndex | null {
    const data = JSON.parse(json) as Serialized;
    if (data.formatVersion !== INDEX_FORMAT_VERSION) return null;
    const passages = data.passages.map((p) => {
      return { ...p, norm: normalizeForMatch(p.text).text, bounds: new Uint8Array(Buffer.from(p.bounds, 'base64')) };
    });
    const passageIndex = MiniSearch.loadJS(data.passageIndex as Parameters<typeof MiniSearch.loadJS>[0], PASSAGE_INDEX_OPTIONS);
    return new SearchIndex(data.graphVersion, data.documents, data.entities, passages, passageIndex, TermPostings.fromJSON(data.bigrams), TermPostings.fromJSON(data.words));
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
}

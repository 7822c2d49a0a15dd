// The derived search index: passage postings of word terms and CJK bigrams, precomputed entity scores, the entity
// surface table for query understanding and a minisearch entity index for suggest. Built from store records; serializable to one JSON file.
import MiniSearch from 'minisearch';
import type { DocumentRecord, EntityRecord, EntityType, MentionRecord, PassageRecord } from '../model/graph.ts';
import type { Tokenizer } from '../text/tokenizer.ts';
import { analyze, latinWords } from './analyze.ts';
import { CountryPairFinder, loadCountryAbbreviations } from './countryAbbreviations.ts';
import { LatinVocabulary } from './fuzzyTerms.ts';
import { ConceptScorer } from './scoreConcepts.ts';
import { TermPostings } from './TermPostings.ts';
import { isCjk, normalizeForMatch } from './normalize.ts';

/** Bump when the serialized layout or the analysis changes: old cache files are then ignored. */
export const INDEX_FORMAT_VERSION = 6;
/** Entity surface forms shorter than this are not matched as text (日, 独 …); mentions still count. */
export const DEFAULT_MIN_FORM_CHARS = 2;

export interface SourceData {
  graphVersion: string;
  documents: DocumentRecord[];
  passages: PassageRecord[];
  entities: EntityRecord[];
  mentions: MentionRecord[];
}

/** Precomputed scores of an entity concept: passages (ascending) and their scores. */
export interface EntityScores {
  passages: Int32Array;
  scores: Float64Array;
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
  bigrams: Record<string, string>;
  /** Entity index → [passages, scores] (base64 of Int32Array / Float64Array); entities scoring nothing are left out. */
  entityScores: Record<string, [string, string]>;
  words: Record<string, string>;
}

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
  /** Normalized surface form → the entities it names. */
  readonly entitiesBySurface: Map<string, number[]>;
  /** First character → lengths of the surface forms starting with it, longest first (lookups, not a scan). */
  readonly surfaceLengths = new Map<string, number[]>();
  /** Latin words of the passages, for typo and prefix expansion. */
  readonly latinVocabulary: LatinVocabulary;
  /** Latin word of an entity form → the entities using it (one = distinctive). */
  readonly latinWordEntities = new Map<string, number[]>();
  readonly entityLatinVocabulary: LatinVocabulary;
  /** Per entity: the words of its Latin-only forms ("adran networks" → [adran, networks]). */
  readonly latinNames: string[][][];
  readonly entityIndex: MiniSearch;
  /**
   * Per entity, the passages its concept scores (names found in the text, graph mentions), computed once per
   * index: an entity such as Japan occurs in a large share of the passages and would otherwise be verified
   * occurrence by occurrence on every query that names it. Null: compute at query time.
   */
  entityScores: (EntityScores | null)[];

  private constructor(
    readonly graphVersion: string,
    readonly documents: IndexedDocument[],
    readonly entities: IndexedEntity[],
    readonly passages: IndexedPassage[],
    readonly bigrams: TermPostings,
    readonly words: TermPostings,
  ) {
    documents.forEach((d, i) => {
      this.docIndexByKey.set(d.id, i);
      this.docIndexByKey.set(d.file, i);
    });
    entities.forEach((e, i) => this.entityIndexById.set(e.id, i));
    this.entityScores = entities.map(() => null);
    const vocabulary = new Set<string>();
    for (const p of passages) for (const w of latinWords(p.norm)) vocabulary.add(w);
    this.latinVocabulary = new LatinVocabulary(vocabulary);
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
          const owners = this.latinWordEntities.get(w);
          if (!owners) this.latinWordEntities.set(w, [ei]);
          else if (owners[owners.length - 1] !== ei) owners.push(ei);
        }
      }
    });
    this.entityLatinVocabulary = new LatinVocabulary(this.latinWordEntities.keys());
    this.latinNames = entities.map((e) =>
      e.forms.filter((f) => ![...f].some((c) => isCjk(c))).map((f) => latinWords(f)).filter((w) => w.length > 0),
    );
    this.entitiesBySurface = bySurface;
    for (const form of bySurface.keys()) {
      const lengths = this.surfaceLengths.get(form[0]!) ?? [];
      if (!lengths.includes(form.length)) lengths.push(form.length);
      this.surfaceLengths.set(form[0]!, lengths);
    }
    for (const lengths of this.surfaceLengths.values()) lengths.sort((a, b) => b - a);
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

  /** `abbreviations`: one-character country abbreviation → code (pairs such as 日独 count as mentions of both). */
  static build(source: SourceData, tokenize: Tokenizer, abbreviations = loadCountryAbbreviations()): SearchIndex {
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
    const byCode = new Map<string, number>();
    source.entities.forEach((e, i) => {
      if (e.type === 'Country' && e.code && !byCode.has(e.code)) byCode.set(e.code, i);
    });
    const pairEntity = new Map<string, number>();
    for (const [abbr, code] of abbreviations) if (byCode.has(code)) pairEntity.set(abbr, byCode.get(code)!);
    const pairs = new CountryPairFinder(pairEntity);
    const passages: IndexedPassage[] = [];
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
      // Derived: 日独 mentions Japan and Germany even where the extraction recorded neither.
      for (const [ei, n] of pairs.find(a.text, a.bounds)) if (!counts.has(ei)) counts.set(ei, n);
      passages.push({ id: p.id, docIdx: di, text: p.text, norm: a.text, bounds: a.bounds, mentions: [...counts] });
      bigramRows.push(a.bigrams);
      wordRows.push(a.words);
    }
    const index = new SearchIndex(source.graphVersion, documents, entities, passages, TermPostings.build(bigramRows), TermPostings.build(wordRows));
    const scorer = new ConceptScorer(index, tokenize);
    index.entityScores = entities.map((_, ei) => scorer.entityScores(ei));
    return index;
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
      bigrams: this.bigrams.toJSON(),
      words: this.words.toJSON(),
      entityScores: Object.fromEntries(
        this.entityScores.flatMap((e, ei) => (e && e.passages.length ? [[ei, [toBase64(e.passages), toBase64(e.scores)]]] : [])),
      ),
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
    const index = new SearchIndex(data.graphVersion, data.documents, data.entities, passages, TermPostings.fromJSON(data.bigrams), TermPostings.fromJSON(data.words));
    index.entityScores = data.entities.map((_, ei) => {
      const e = data.entityScores[ei];
      if (!e) return { passages: new Int32Array(0), scores: new Float64Array(0) };
      const [p, s] = e.map((b64) => Buffer.from(b64, 'base64'));
      return {
        passages: new Int32Array(p!.buffer.slice(p!.byteOffset, p!.byteOffset + p!.byteLength)),
        scores: new Float64Array(s!.buffer.slice(s!.byteOffset, s!.byteOffset + s!.byteLength)),
      };
    });
    return index;
  }
}

function toBase64(a: Int32Array | Float64Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
}

// From segmented documents to DocumentBundles. Two passes over the whole batch: first every document teaches the
// dictionary its new names and abbreviations (オール光ネットワーク（APN） in one deck makes "APN" known in all), then
// each document is matched and its relations and facts extracted.
import type { DocumentBundle, DocumentRecord, PassageRecord } from '../../src/model/graph.ts';
import type { Token, Tokenizer } from '../../src/text/tokenizer.ts';
import type { SegmentedPassage } from '../segment/segmentDocument.ts';
import { EntityDictionary, type DictionaryEntry } from './EntityDictionary.ts';
import { TokenBoundaries } from './TokenBoundaries.ts';
import { type AnalyzedPassage, ExtractionContext } from './ExtractionContext.ts';
import { loadCuratedData, type CuratedData } from './curatedDictionaries.ts';
import { discoverEntities } from './discoverEntities.ts';
import { extractJointProjects, registerJointProjects } from './extractJointProjects.ts';
import { extractStatements } from './extractStatements.ts';
import { extractTables } from './extractTables.ts';
import { resolveSections } from './sectionSubjects.ts';

export interface SegmentedInput {
  document: DocumentRecord;
  /** kuromoji tokens of each passage, when tokenized elsewhere (a worker thread); otherwise options.tokenizer runs. */
  tokens?: Token[][];
  passages: SegmentedPassage[];
}

export interface ExtractionOptions {
  /** Needed unless every input brings its tokens. */
  tokenizer?: Tokenizer;
  /**
   * The dictionary to match against and teach: pass one (createDictionary) to share what earlier batches of the same
   * run learned; otherwise a fresh one from the curated data and knownEntities.
   */
  dictionary?: EntityDictionary;
  /** Entities already in the store (names and aliases learned from earlier ingests). */
  knownEntities?: DictionaryEntry[];
  curated?: CuratedData;
  /** Called after each document and stage, for progress bars. */
  onProgress?: (file: string, stage: 'tokenize' | 'discover' | 'extract') => void;
}

export function passageId(docId: string, ordinal: number): string {
  return `${docId}#${ordinal}`;
}

function analyze(input: SegmentedInput, tokenizer: Tokenizer | undefined): AnalyzedPassage[] {
  return input.passages.map((p, i) => {
    const tokens = input.tokens?.[i] ?? tokenizer?.(p.text);
    if (!tokens) throw new Error(`no tokens and no tokenizer for ${input.document.file}`);
    const boundaries = new TokenBoundaries(p.text.length, tokens);
    return { ...p, id: passageId(input.document.id, p.ordinal), tokens, boundaries, matches: [] };
  });
}

/** A dictionary of the curated entries plus what the store already knows. */
export function createDictionary(curated: CuratedData, known: DictionaryEntry[] = []): EntityDictionary {
  const dictionary = new EntityDictionary();
  for (const e of curated.entries) dictionary.add(e);
  for (const e of known) dictionary.add(e);
  return dictionary;
}

/**
 * One batch, two passes: add() analyzes a document and lets it teach the dictionary (so discovery runs while later
 * documents are still being tokenized); bundles() (or finish()) matches and extracts every document of the batch.
 */
export class BatchExtractor {
  private readonly curated: CuratedData;
  private readonly dictionary: EntityDictionary;
  private readonly added: { input: SegmentedInput; passages: AnalyzedPassage[]; localAliases: { id: string; alias: string }[] }[] = [];

  constructor(private readonly options: ExtractionOptions) {
    this.curated = options.curated ?? loadCuratedData();
    this.dictionary = options.dictionary ?? createDictionary(this.curated, options.knownEntities);
  }

  add(input: SegmentedInput): void {
    const passages = analyze(input, this.options.tokenizer);
    this.options.onProgress?.(input.document.file, 'tokenize');
    registerJointProjects(passages, this.dictionary, this.curated.oneCharacterCountries);
    const { localAliases } = discoverEntities(passages, this.dictionary, this.curated.patterns, this.curated.oneCharacterCountries);
    this.options.onProgress?.(input.document.file, 'discover');
    this.added.push({ input, passages, localAliases });
  }

  /**
   * Second pass, one document at a time, so each bundle can be stored while the next is extracted. A document's tokens
   * are let go once its bundle is out.
   */
  *bundles(): Generator<DocumentBundle> {
    while (this.added.length > 0) {
      const { input, passages, localAliases } = this.added.shift()!;
      const bundle = this.extract(input, passages, localAliases);
      this.options.onProgress?.(input.document.file, 'extract');
      yield bundle;
    }
  }

  finish(): DocumentBundle[] {
    return [...this.bundles()];
  }

  private extract(input: SegmentedInput, passages: AnalyzedPassage[], localAliases: { id: string; alias: string }[]): DocumentBundle {
    const { dictionary, curated } = this;
    const local = new EntityDictionary();
    for (const { id, alias } of localAliases) {
      const e = dictionary.get(id);
      if (e) local.add({ ...e, name: alias, nameEn: null, aliases: [] });
    }
    const sections = resolveSections(passages, dictionary, curated.patterns);
    const ctx = new ExtractionContext(input.document.id, input.document.date, input.document.title, passages, dictionary, curated);
    for (const p of passages) {
      const global = dictionary.match(p.text, p.boundaries);
      const extra = local.match(p.text, p.boundaries).filter((m) => !global.some((g) => m.start < g.end && g.start < m.end));
      p.matches = [...global, ...extra].sort((a, b) => a.start - b.start);
      for (const m of p.matches) {
        for (const id of m.entityIds) {
          ctx.useEntity(id);
          ctx.mention(id, p, m.surface);
        }
      }
    }
    extractJointProjects(ctx);
    extractTables(ctx, sections);
    extractStatements(ctx, sections);
    // Organizations whose country the curated dictionary knows: LOCATED_IN, quoted from their first mention.
    const located = new Set([...ctx.relations.values()].filter((r) => r.type === 'LOCATED_IN').map((r) => `${r.fromId}|${r.toId}`));
    const passageById = new Map(passages.map((p) => [p.id, p]));
    for (const m of ctx.mentions.values()) {
      const e = dictionary.get(m.entityId);
      if (!e || e.type === 'Country' || !e.country) continue;
      const cid = curated.countryIdByCode.get(e.country);
      const p = passageById.get(m.passageId);
      if (!cid || !p || located.has(`${e.id}|${cid}`)) continue;
      located.add(`${e.id}|${cid}`);
      ctx.useEntity(cid);
      const at = Math.max(0, p.text.indexOf(m.surface));
      ctx.relate('LOCATED_IN', e.id, cid, ctx.provenance(p, at, at + m.surface.length), { role: 'dictionary' });
    }
    const passageRecords: PassageRecord[] = passages.map((p) => ({
      id: p.id,
      docId: input.document.id,
      ordinal: p.ordinal,
      text: p.text,
      lineStart: p.lineStart,
      lineEnd: p.lineEnd,
      section: p.section,
      kind: p.kind,
    }));
    return {
      document: input.document,
      passages: passageRecords,
      entities: [...ctx.entities.values()],
      mentions: [...ctx.mentions.values()],
      relations: [...ctx.relations.values()],
      facts: [...ctx.facts.values()],
    };
  }
}

/** All of a batch at once (tests, tools): add every input, then finish. */
export function extractDocuments(inputs: SegmentedInput[], options: ExtractionOptions): DocumentBundle[] {
  const batch = new BatchExtractor(options);
  for (const input of inputs) batch.add(input);
  return batch.finish();
}

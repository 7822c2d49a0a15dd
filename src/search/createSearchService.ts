// The search service: builds the derived index from the graph store (the source of truth), caches it on disk
// keyed by the store's graphVersion, and answers search and suggest.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntityType } from '../model/graph.ts';
import type { GraphStore } from '../store/GraphStore.ts';
import { loadTokenizer, type Tokenizer } from '../text/tokenizer.ts';
import { latinWords } from './analyze.ts';
import { SearchNotReadyError } from './errors.ts';
import { isCjk } from './normalize.ts';
import { ConceptScorer, combineConcepts } from './scoreConcepts.ts';
import { SearchIndex, compactForm, type SourceData } from './SearchIndex.ts';
import type {
  FacetCountResult,
  SearchFilter,
  SearchRequest,
  SearchResult,
  SearchService,
  SuggestionResult,
} from './SearchService.ts';
import { makeSnippet } from './snippet.ts';
import { topRanked } from './topRanked.ts';
import { understandQuery } from './understandQuery.ts';
import { DEFAULT_MAX_QUERY_CHARS, validatePrefix, validateQuery } from './validateQuery.ts';

/** Page size when reading passages/entities from the store. */
export const DEFAULT_SCAN_BATCH = 1000;
/** Passage ids per mentionsInPassages call. */
export const DEFAULT_MENTION_BATCH = 500;
/** Entities listed in the entity facet. */
export const DEFAULT_ENTITY_FACET_SIZE = 20;
export const DEFAULT_MAX_SUGGESTIONS = 50;
const CACHE_PREFIX = 'search-index-';

export interface SearchServiceOptions {
  store: GraphStore;
  /** Directory for the serialized index (created when missing). */
  cacheDir: string;
  tokenizer?: Tokenizer;
  maxQueryChars?: number;
}

export interface SearchServiceHandle extends SearchService {
  /** How the current index was obtained, for logs and tests. */
  indexInfo(): { graphVersion: string; source: 'built' | 'cache'; passages: number; entities: number } | null;
}

/** Reads everything the index needs through the GraphStore interface (same on LadybugDB and Neo4j). */
export async function readSource(store: GraphStore): Promise<SourceData> {
  const graphVersion = await store.graphVersion();
  const passages = [];
  for (let after: string | null = null; ; ) {
    const page = await store.scanPassages(after, DEFAULT_SCAN_BATCH);
    passages.push(...page);
    if (page.length < DEFAULT_SCAN_BATCH) break;
    after = page[page.length - 1]!.id;
  }
  const entities = [];
  for (let after: string | null = null; ; ) {
    const page = await store.scanEntities(after, DEFAULT_SCAN_BATCH);
    entities.push(...page);
    if (page.length < DEFAULT_SCAN_BATCH) break;
    after = page[page.length - 1]!.id;
  }
  const mentions = [];
  for (let k = 0; k < passages.length; k += DEFAULT_MENTION_BATCH) {
    mentions.push(...(await store.mentionsInPassages(passages.slice(k, k + DEFAULT_MENTION_BATCH).map((p) => p.id))));
  }
  const docIds = [...new Set(passages.map((p) => p.docId))];
  const documents = (await store.getDocuments(docIds)).filter((d) => d !== null);
  return { graphVersion, documents, passages, entities, mentions };
}

export async function createSearchService(options: SearchServiceOptions): Promise<SearchServiceHandle> {
  const { store, cacheDir } = options;
  const maxQueryChars = options.maxQueryChars ?? DEFAULT_MAX_QUERY_CHARS;
  const tokenize = options.tokenizer ?? (await loadTokenizer());
  let index: SearchIndex | null = null;
  let scorer: ConceptScorer | null = null;
  let info: ReturnType<SearchServiceHandle['indexInfo']> = null;
  let refreshing: Promise<void> | null = null;

  const cacheFile = (version: string) =>
    join(cacheDir, `${CACHE_PREFIX}${createHash('sha256').update(version).digest('hex').slice(0, 32)}.json`);

  async function load(): Promise<void> {
    const version = await store.graphVersion();
    if (index && index.graphVersion === version) return;
    let next: SearchIndex | null = null;
    let source: 'built' | 'cache' = 'cache';
    try {
      next = SearchIndex.deserialize(await readFile(cacheFile(version), 'utf8'));
      if (next && next.graphVersion !== version) next = null;
    } catch {
      next = null; // missing or unreadable cache: rebuild from the store
    }
    if (!next) {
      source = 'built';
      let data = await readSource(store);
      // The graph changed while it was read: read again so the index matches one version.
      if ((await store.graphVersion()) !== data.graphVersion) data = await readSource(store);
      next = SearchIndex.build(data, tokenize);
      await writeCache(next);
    }
    index = next;
    scorer = new ConceptScorer(next, tokenize);
    info = { graphVersion: next.graphVersion, source, passages: next.passages.length, entities: next.entities.length };
  }

  async function writeCache(ix: SearchIndex): Promise<void> {
    await mkdir(cacheDir, { recursive: true });
    const file = cacheFile(ix.graphVersion);
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, ix.serialize());
    await rename(tmp, file); // atomic: a reader never sees half a file
    for (const name of await readdir(cacheDir)) {
      if (name.startsWith(CACHE_PREFIX) && join(cacheDir, name) !== file && !name.endsWith('.tmp')) {
        await rm(join(cacheDir, name), { force: true });
      }
    }
  }

  async function refresh(): Promise<void> {
    refreshing ??= load().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  function passageFilter(ix: SearchIndex, filter: SearchFilter | undefined): ((pi: number) => boolean) | null {
    if (!filter) return null;
    const docs = filter.documents?.length
      ? new Set(filter.documents.map((d) => ix.docIndexByKey.get(d) ?? -1))
      : null;
    const types = filter.entityTypes?.length ? new Set<EntityType>(filter.entityTypes) : null;
    const required = filter.entities?.length ? filter.entities.map((id) => ix.entityIndexById.get(id) ?? -1) : null;
    const { dateFrom, dateTo } = filter;
    if (!docs && !types && !required && !dateFrom && !dateTo) return null;
    return (pi) => {
      const p = ix.passages[pi]!;
      if (docs && !docs.has(p.docIdx)) return false;
      if (dateFrom || dateTo) {
        const date = ix.documents[p.docIdx]!.date;
        if (!date || (dateFrom && date < dateFrom) || (dateTo && date > dateTo)) return false;
      }
      if (types && !p.mentions.some(([ei]) => types.has(ix.entities[ei]!.type))) return false;
      if (required && !required.every((ei) => p.mentions.some(([m]) => m === ei))) return false;
      return true;
    };
  }

  async function search(request: SearchRequest): Promise<SearchResult> {
    const query = validateQuery(request.query, maxQueryChars);
    const ix = index;
    if (!ix || !scorer) throw new SearchNotReadyError('the search index is not loaded yet');
    const limit = Math.max(0, Math.floor(request.limit));
    const offset = Math.max(0, Math.floor(request.offset));
    const understood = understandQuery(ix, tokenize, query);
    const maps = understood.concepts.map((c) => scorer!.score(c, understood.openPrefix));
    const combined = combineConcepts(maps, ix.passages.length);
    const keep = passageFilter(ix, request.filter);
    const ranked = keep ? [...combined].filter(([pi]) => keep(pi)) : [...combined];

    const detected = new Set(understood.concepts.flatMap((c) => c.entities));
    const highlightTerms = understood.concepts.flatMap((c) =>
      c.kind === 'entity' ? c.forms : [...c.forms, ...c.forms.flatMap((f) => scorer!.contentWords(f))],
    );
    const hits = topRanked(ranked, offset + limit).slice(offset).map(([pi, score]) => {
      const p = ix.passages[pi]!;
      const { snippet, highlights } = makeSnippet(p, highlightTerms);
      const entityIds = [...p.mentions]
        .sort((a, b) => Number(detected.has(b[0])) - Number(detected.has(a[0])) || b[1] - a[1])
        .map(([ei]) => ix.entities[ei]!.id);
      return { passageId: p.id, score: Math.round(score * 10000) / 10000, snippet, highlights, entityIds };
    });
    return {
      hits,
      total: ranked.length,
      interpretation: {
        entities: understood.concepts.flatMap((c) =>
          c.entities.map((ei) => ({ entityId: ix.entities[ei]!.id, matched: c.matched, expandedTo: ix.entities[ei]!.labels })),
        ),
        tokens: understood.tokens,
      },
      facets: facets(ix, ranked.map(([pi]) => pi)),
    };
  }

  function facets(ix: SearchIndex, pis: number[]): SearchResult['facets'] {
    const docs = new Map<number, number>();
    const types = new Map<string, number>();
    const ents = new Map<number, number>();
    for (const pi of pis) {
      const p = ix.passages[pi]!;
      docs.set(p.docIdx, (docs.get(p.docIdx) ?? 0) + 1);
      const seenTypes = new Set<string>();
      for (const [ei] of p.mentions) {
        ents.set(ei, (ents.get(ei) ?? 0) + 1);
        seenTypes.add(ix.entities[ei]!.type);
      }
      for (const t of seenTypes) types.set(t, (types.get(t) ?? 0) + 1);
    }
    const sorted = <K>(m: Map<K, number>) => [...m].sort((a, b) => b[1] - a[1]);
    const documents: FacetCountResult[] = sorted(docs).map(([di, count]) => {
      const d = ix.documents[di]!;
      return { key: d.id, label: d.title || d.file, count };
    });
    const entityTypes: FacetCountResult[] = sorted(types).map(([t, count]) => ({ key: t, label: t, count }));
    const entities: FacetCountResult[] = sorted(ents)
      .slice(0, DEFAULT_ENTITY_FACET_SIZE)
      .map(([ei, count]) => ({ key: ix.entities[ei]!.id, label: ix.entities[ei]!.name, count }));
    return { documents, entityTypes, entities };
  }

  async function suggest(prefix: string, limit: number): Promise<SuggestionResult[]> {
    const p = validatePrefix(prefix, maxQueryChars);
    const ix = index;
    if (!ix) throw new SearchNotReadyError('the search index is not loaded yet');
    const n = Math.min(Math.max(0, Math.floor(limit)), DEFAULT_MAX_SUGGESTIONS);
    const norm = compactForm(p);
    if (!norm || n === 0) return [];
    const latin = ![...norm].some((c) => isCjk(c));
    const scores = new Map<number, number>();
    const add = (results: { id: unknown; score: number }[]) => {
      for (const r of results) scores.set(r.id as number, Math.max(scores.get(r.id as number) ?? 0, r.score));
    };
    add(ix.entityIndex.search(norm.replace(/ /g, ''), { fields: ['n'], prefix: true }));
    const words = latinWords(norm);
    if (latin && words.length > 0) {
      add(
        ix.entityIndex.search(
          { queries: words, combineWith: 'AND' },
          { fields: ['n'], prefix: (_t, i, all) => i === all.length - 1, fuzzy: (t) => (t.length >= 5 ? 1 : false), weights: { fuzzy: 0.3, prefix: 0.6 } },
        ),
      );
    }
    return [...scores]
      .map(([ei, s]) => {
        const e = ix.entities[ei]!;
        const starts = e.forms.some((f) => f.startsWith(norm));
        return { ei, rank: s * (starts ? 2 : 1) * (1 + Math.log1p(ix.mentionCount(ei))) };
      })
      .sort((a, b) => b.rank - a.rank || a.ei - b.ei)
      .slice(0, n)
      .map(({ ei }) => {
        const e = ix.entities[ei]!;
        // Show the name in the script the user is typing when the entity has one.
        const label = latin ? (e.labels.find((l) => compactForm(l).startsWith(norm)) ?? e.nameEn ?? e.name) : e.name;
        return { entityId: e.id, label };
      });
  }

  await refresh();
  return {
    search,
    suggest,
    refresh,
    isReady: () => index !== null,
    indexInfo: () => info,
  };
}

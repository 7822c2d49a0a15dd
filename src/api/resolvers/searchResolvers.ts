// search and suggest: arguments are validated here, ranking is the search service's job.
import type { EntityType, PassageRecord } from '../../model/graph.ts';
import type { DetectedEntityResult, SearchFilter, SearchHitResult } from '../../search/SearchService.ts';
import type { ApiContext } from '../context.ts';
import { SearchInputError, SearchNotReadyError } from '../../search/errors.ts';
import { ErrorCode } from '../errors/ErrorCode.ts';
import { apiError, searchUnavailable } from '../errors/apiErrors.ts';
import { loadEntities } from '../loaders/createLoaders.ts';
import { emptyConnection, pageArgs, pageSize, toConnection } from '../pagination/connection.ts';
import { isoDateArgument, listArgument, textArgument } from '../validation/arguments.ts';

export const DEFAULT_SEARCH_PAGE_SIZE = 10;
export const DEFAULT_SUGGEST_SIZE = 8;

interface SearchFilterInput {
  documents?: string[] | null;
  dateFrom?: string | null;
  dateTo?: string | null;
  entityTypes?: EntityType[] | null;
  entities?: string[] | null;
}

function searchFilter(input: SearchFilterInput | null | undefined): SearchFilter | undefined {
  if (!input) return undefined;
  const filter: SearchFilter = {
    documents: listArgument('filter.documents', input.documents),
    dateFrom: isoDateArgument('filter.dateFrom', input.dateFrom),
    dateTo: isoDateArgument('filter.dateTo', input.dateTo),
    entityTypes: input.entityTypes ?? undefined,
    entities: listArgument('filter.entities', input.entities),
  };
  // Leave absent keys out so the service sees exactly what the client asked for.
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as SearchFilter;
}

/** The search layer's own errors, as API errors; anything else stays internal. */
async function callSearch<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof SearchInputError) {
      throw apiError(ErrorCode.BAD_USER_INPUT, error.message, { argumentName: error.argument });
    }
    if (error instanceof SearchNotReadyError) throw searchUnavailable();
    throw error;
  }
}

const EMPTY_RESULT = {
  ...emptyConnection<SearchHitResult>(),
  interpretation: { entities: [], tokens: [] },
  facets: { documents: [], entityTypes: [], entities: [] },
};

export const searchResolvers = {
  Query: {
    async search(
      _: unknown,
      args: { query: string; first?: number | null; after?: string | null; filter?: SearchFilterInput | null },
      ctx: ApiContext,
    ) {
      const page = pageArgs('search', args, DEFAULT_SEARCH_PAGE_SIZE);
      const query = textArgument('query', args.query);
      const filter = searchFilter(args.filter);
      // A blank box is a normal state of a search UI, not an error.
      if (query.trim() === '') return EMPTY_RESULT;
      if (!ctx.search.isReady()) throw searchUnavailable();
      const result = await callSearch(() => ctx.search.search({ query, limit: page.limit, offset: page.offset, filter }));
      // A hit whose passage is gone (index older than the store) is dropped rather than failing the whole page.
      const passages = await Promise.all(result.hits.map((h) => ctx.loaders.passages.load(h.passageId)));
      const hits = result.hits.filter((_h, i) => passages[i] !== null);
      return { ...toConnection('search', hits, result.total, page), interpretation: result.interpretation, facets: result.facets };
    },
    async suggest(_: unknown, args: { prefix: string; first?: number | null }, ctx: ApiContext) {
      const limit = pageSize(args.first, 'first', DEFAULT_SUGGEST_SIZE);
      const prefix = textArgument('prefix', args.prefix);
      if (prefix.trim() === '' || limit === 0) return [];
      if (!ctx.search.isReady()) throw searchUnavailable();
      const suggestions = await callSearch(() => ctx.search.suggest(prefix, limit));
      const entities = new Map((await loadEntities(ctx.loaders, suggestions.map((s) => s.entityId))).map((e) => [e.id, e]));
      return suggestions.flatMap((s) => {
        const entity = entities.get(s.entityId);
        return entity ? [{ entity, label: s.label }] : [];
      });
    },
  },
  SearchHit: {
    passage: async (h: SearchHitResult, _: unknown, ctx: ApiContext) => (await ctx.loaders.passages.load(h.passageId)) as PassageRecord,
    snippetHighlights: (h: SearchHitResult) => h.highlights,
    entities: (h: SearchHitResult, _: unknown, ctx: ApiContext) => loadEntities(ctx.loaders, h.entityIds),
  },
  Interpretation: {
    async entities(i: { entities: DetectedEntityResult[] }, _: unknown, ctx: ApiContext) {
      const found = new Map((await loadEntities(ctx.loaders, i.entities.map((d) => d.entityId))).map((e) => [e.id, e]));
      return i.entities.flatMap((d) => {
        const entity = found.get(d.entityId);
        return entity ? [{ entity, matched: d.matched, expandedTo: d.expandedTo }] : [];
      });
    },
  },
};

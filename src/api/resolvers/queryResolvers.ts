// Root fields over the graph store (search and suggest live in searchResolvers.ts).
import type { EntityType } from '../../model/graph.ts';
import type { EntityQuery, ProjectFilter } from '../../store/GraphStore.ts';
import type { ApiContext } from '../context.ts';
import { UnreachableCaseError } from '../errors/UnreachableCaseError.ts';
import { pageArgs, toConnection } from '../pagination/connection.ts';
import { optionalText, textArgument } from '../validation/arguments.ts';

const DOCUMENT_ID_PREFIX = 'doc:';

type EntityOrder = 'NAME' | 'TYPE' | 'MENTIONS';

function storeOrder(order: EntityOrder | null | undefined): EntityQuery['orderBy'] {
  const value = order ?? 'NAME';
  switch (value) {
    case 'NAME':
      return 'name';
    case 'TYPE':
      return 'type';
    case 'MENTIONS':
      return 'mentions';
    default:
      throw new UnreachableCaseError(value);
  }
}

interface ProjectFilterInput {
  covers?: string | null;
  country?: string | null;
  partner?: string | null;
  international?: boolean | null;
}

function projectFilter(input: ProjectFilterInput | null | undefined): ProjectFilter {
  const filter: ProjectFilter = {};
  const covers = optionalText('filter.covers', input?.covers)?.trim();
  const country = optionalText('filter.country', input?.country)?.trim();
  const partner = optionalText('filter.partner', input?.partner)?.trim();
  if (covers) filter.covers = covers;
  if (country) filter.country = country;
  if (partner) filter.partner = partner;
  if (input?.international !== null && input?.international !== undefined) filter.international = input.international;
  return filter;
}

export const queryResolvers = {
  Query: {
    async entities(
      _: unknown,
      args: { type?: EntityType | null; query?: string | null; first?: number | null; after?: string | null; orderBy?: EntityOrder | null },
      ctx: ApiContext,
    ) {
      const page = pageArgs('entities', args);
      const text = optionalText('query', args.query)?.trim();
      const query: EntityQuery = { orderBy: storeOrder(args.orderBy) };
      if (args.type) query.type = args.type;
      if (text) query.text = text;
      const { items, total } = await ctx.store.findEntities(query, page);
      return toConnection('entities', items, total, page);
    },
    entity: (_: unknown, args: { id: string }, ctx: ApiContext) => ctx.loaders.entities.load(textArgument('id', args.id)),
    async projects(
      _: unknown,
      args: { filter?: ProjectFilterInput | null; first?: number | null; after?: string | null },
      ctx: ApiContext,
    ) {
      const page = pageArgs('projects', args);
      const { items, total } = await ctx.store.findProjects(projectFilter(args.filter), page);
      return toConnection('projects', items, total, page);
    },
    async documents(_: unknown, _args: unknown, ctx: ApiContext) {
      // A copy: the cached list is shared between requests.
      const documents = [...(await ctx.store.listDocuments())];
      for (const d of documents) ctx.loaders.documents.prime(d.id, d);
      // Newest first, then by file: the order a reader scans a document list in.
      return documents.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.file.localeCompare(b.file));
    },
    async document(_: unknown, args: { id: string }, ctx: ApiContext) {
      const id = textArgument('id', args.id);
      const found = await ctx.loaders.documents.load(id);
      // Document ids are "doc:" + file name; accepting the bare file name saves clients the prefix.
      return found ?? (id.startsWith(DOCUMENT_ID_PREFIX) ? null : ctx.loaders.documents.load(DOCUMENT_ID_PREFIX + id));
    },
  },
};

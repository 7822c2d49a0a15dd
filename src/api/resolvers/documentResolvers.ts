// Resolvers for documents, passages, mentions and sources: the provenance side of the graph.
import type { DocumentRecord, MentionRecord, PassageRecord } from '../../model/graph.ts';
import type { ApiContext } from '../context.ts';
import { loadEntities } from '../loaders/createLoaders.ts';
import { passageCounts } from '../loaders/passageCounts.ts';
import type { SourceView } from './views.ts';

/** Joins a heading path for display. */
export const SECTION_SEPARATOR = ' › ';

/** Loads a record a non-null field points at; a dangling id is a store inconsistency, not a user error. */
async function required<T>(value: Promise<T | null>, what: string): Promise<T> {
  const record = await value;
  if (record === null) throw new Error(`dangling reference: ${what}`);
  return record;
}

export const documentResolvers = {
  Document: {
    async passageCount(d: DocumentRecord, _: unknown, ctx: ApiContext): Promise<number> {
      return (await passageCounts(ctx.store)).get(d.id) ?? 0;
    },
  },
  Passage: {
    document: (p: PassageRecord, _: unknown, ctx: ApiContext) => required(ctx.loaders.documents.load(p.docId), p.docId),
    section: (p: PassageRecord) => (p.section.length > 0 ? p.section.join(SECTION_SEPARATOR) : null),
    sectionPath: (p: PassageRecord) => p.section,
    async entities(p: PassageRecord, _: unknown, ctx: ApiContext) {
      const mentions = await ctx.loaders.mentionsInPassages.load(p.id);
      return loadEntities(ctx.loaders, mentions.map((m) => m.entityId));
    },
  },
  Mention: {
    passage: (m: MentionRecord, _: unknown, ctx: ApiContext) => required(ctx.loaders.passages.load(m.passageId), m.passageId),
    async source(m: MentionRecord, _: unknown, ctx: ApiContext): Promise<SourceView> {
      // A mention's source is the passage it occurs in.
      const p = await required(ctx.loaders.passages.load(m.passageId), m.passageId);
      return { docId: p.docId, passageId: p.id, lineStart: p.lineStart, lineEnd: p.lineEnd, quote: p.text };
    },
  },
  Source: {
    document: (s: SourceView, _: unknown, ctx: ApiContext) => required(ctx.loaders.documents.load(s.docId), s.docId),
    passage: (s: SourceView, _: unknown, ctx: ApiContext) => ctx.loaders.passages.load(s.passageId),
  },
};

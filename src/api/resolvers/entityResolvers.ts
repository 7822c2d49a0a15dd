// Resolvers for the Entity interface and its types other than Project (see projectResolvers.ts).
import type { EntityRecord, MentionRecord } from '../../model/graph.ts';
import type { ApiContext } from '../context.ts';
import { loadEntities } from '../loaders/createLoaders.ts';
import { pageSize } from '../pagination/connection.ts';
import { currentFact, factViews, neighbours, otherEnd, relationViews, relationsOfType } from './entityData.ts';
import type { FactView, RelationView } from './views.ts';

interface HistoryArgs {
  includeHistory?: boolean | null;
}

/** Side, role, date and sources of a relation statement (Relation, ProjectRole, Partner). */
export const statementFields = {
  side: (v: RelationView) => v.relation.side,
  role: (v: RelationView) => v.relation.role,
  asOf: (v: RelationView) => v.relation.asOf,
  source: (v: RelationView) => v.relation,
  sources: (v: RelationView) => v.statements,
};

/** Fields every entity type shares; spread into each type's resolver map. */
export const entityFields = {
  async mentions(entity: EntityRecord, args: { first?: number | null }, ctx: ApiContext): Promise<MentionRecord[]> {
    const limit = pageSize(args.first);
    const mentions = await ctx.loaders.mentionsOfEntities.load(entity.id);
    // Most frequent first: the passages that are most about the entity.
    return [...mentions].sort((a, b) => b.count - a.count || a.passageId.localeCompare(b.passageId)).slice(0, limit);
  },
  async mentionCount(entity: EntityRecord, _args: unknown, ctx: ApiContext): Promise<number> {
    const mentions = await ctx.loaders.mentionsOfEntities.load(entity.id);
    return mentions.reduce((sum, m) => sum + m.count, 0);
  },
  async relations(entity: EntityRecord, args: { type?: string | null } & HistoryArgs, ctx: ApiContext): Promise<RelationView[]> {
    const views = await relationViews(ctx, entity.id);
    // An unknown type is just a filter that matches nothing; it never reaches the store.
    return views.filter((v) => (!args.type || v.relation.type === args.type) && (args.includeHistory !== false || v.current));
  },
  async facts(entity: EntityRecord, args: { predicate?: string | null } & HistoryArgs, ctx: ApiContext): Promise<FactView[]> {
    const views = await factViews(ctx, entity.id);
    return views.filter((v) => (!args.predicate || v.fact.predicate === args.predicate) && (args.includeHistory !== false || v.current));
  },
  async related(entity: EntityRecord, args: { first?: number | null }, ctx: ApiContext): Promise<EntityRecord[]> {
    const limit = pageSize(args.first);
    const views = (await relationViews(ctx, entity.id)).filter((v) => v.current);
    return (await loadEntities(ctx.loaders, views.map(otherEnd))).slice(0, limit);
  },
};

export const entityResolvers = {
  Entity: {
    // GraphQL type names are the entity types.
    __resolveType: (entity: EntityRecord) => entity.type,
  },
  Country: {
    ...entityFields,
    organizations: (c: EntityRecord, _: unknown, ctx: ApiContext) => neighbours(ctx, c.id, 'LOCATED_IN', 'in', ['Organization']),
    async programs(c: EntityRecord, _: unknown, ctx: ApiContext) {
      const located = await neighbours(ctx, c.id, 'LOCATED_IN', 'in', ['Program']);
      const between = await neighbours(ctx, c.id, 'BETWEEN', 'in', ['Program']);
      return [...new Map([...located, ...between].map((e) => [e.id, e])).values()];
    },
  },
  Organization: {
    ...entityFields,
    country: async (o: EntityRecord, _: unknown, ctx: ApiContext) =>
      (await neighbours(ctx, o.id, 'LOCATED_IN', 'out', ['Country']))[0] ?? null,
    async projects(o: EntityRecord, _: unknown, ctx: ApiContext): Promise<RelationView[]> {
      const lead = await relationsOfType(ctx, o.id, 'LEAD_OF', 'out', { includeHistory: true });
      const partner = await relationsOfType(ctx, o.id, 'PARTNER_OF', 'out', { includeHistory: true });
      return [...lead, ...partner];
    },
  },
  ProjectRole: {
    ...statementFields,
    project: (v: RelationView, _: unknown, ctx: ApiContext) => ctx.loaders.entities.load(v.relation.toId),
  },
  Program: {
    ...entityFields,
    country: async (p: EntityRecord, _: unknown, ctx: ApiContext) =>
      (await neighbours(ctx, p.id, 'LOCATED_IN', 'out', ['Country']))[0] ?? null,
    budgets: (p: EntityRecord, _: unknown, ctx: ApiContext) => neighbours(ctx, p.id, 'HAS_BUDGET', 'out', ['Budget']),
    covers: (p: EntityRecord, _: unknown, ctx: ApiContext) => neighbours(ctx, p.id, 'COVERS', 'out'),
  },
  Technology: {
    ...entityFields,
    coveredBy: (t: EntityRecord, _: unknown, ctx: ApiContext) => neighbours(ctx, t.id, 'COVERS', 'in'),
  },
  Budget: {
    ...entityFields,
    kind: (b: EntityRecord) => b.budgetKind,
    of: (b: EntityRecord, _: unknown, ctx: ApiContext) => neighbours(ctx, b.id, 'HAS_BUDGET', 'in'),
  },
  Event: {
    ...entityFields,
    async date(e: EntityRecord, _: unknown, ctx: ApiContext): Promise<string | null> {
      const fact = (await currentFact(ctx, e.id, 'DATE'))?.fact;
      return fact ? (fact.dateStart ?? fact.value) : null;
    },
    place: async (e: EntityRecord, _: unknown, ctx: ApiContext) => (await currentFact(ctx, e.id, 'PLACE'))?.fact.value ?? null,
  },
  Relation: {
    ...statementFields,
    type: (v: RelationView) => v.relation.type,
    direction: (v: RelationView) => (v.relation.fromId === v.perspective ? 'out' : 'in'),
    other: (v: RelationView, _: unknown, ctx: ApiContext) => ctx.loaders.entities.load(otherEnd(v)),
  },
  Fact: {
    predicate: (v: FactView) => v.fact.predicate,
    value: (v: FactView) => v.fact.value,
    number: (v: FactView) => v.fact.num,
    unit: (v: FactView) => v.fact.unit,
    start: (v: FactView) => v.fact.dateStart,
    end: (v: FactView) => v.fact.dateEnd,
    asOf: (v: FactView) => v.fact.asOf,
    source: (v: FactView) => v.fact,
    sources: (v: FactView) => v.statements,
  },
};

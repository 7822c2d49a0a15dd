// Resolvers for Project and the types only projects have (Period, ProjectBudget, Partner).
import type { EntityRecord } from '../../model/graph.ts';
import type { ApiContext } from '../context.ts';
import { loadEntities } from '../loaders/createLoaders.ts';
import { entityFields, statementFields } from './entityResolvers.ts';
import { currentFact, factViews, neighbours, otherEnd, relationsOfType, relationViews } from './entityData.ts';
import { ROLE_RELATION_TYPES } from '../history/relationHistory.ts';
import type { FactView, RelationView } from './views.ts';

/** The role shown when a source names a lead or partner without a role word. */
export const DEFAULT_ROLE_BY_TYPE = { LEAD_OF: '代表者', PARTNER_OF: 'partner' } as const;

const JAPAN_CODE = 'JP';

const PER_YEAR = /per year|annual|各年度|毎年度|年間|年度あたり/i;

/** A project's period statements; START facts stand in when no document states a full period. */
async function periodViews(ctx: ApiContext, projectId: string): Promise<FactView[]> {
  const views = await factViews(ctx, projectId);
  const periods = views.filter((v) => v.fact.predicate === 'PERIOD');
  return periods.length > 0 ? periods : views.filter((v) => v.fact.predicate === 'START');
}

export const projectResolvers = {
  Project: {
    ...entityFields,
    theme: async (p: EntityRecord, _: unknown, ctx: ApiContext) => (await currentFact(ctx, p.id, 'THEME'))?.fact.value ?? null,
    async international(p: EntityRecord, _: unknown, ctx: ApiContext): Promise<boolean> {
      // The same definition as the store's `international` project filter: BETWEEN a country/bloc other than Japan.
      const countries = await neighbours(ctx, p.id, 'BETWEEN', 'out');
      return countries.some((c) => c.code !== JAPAN_CODE);
    },
    period: async (p: EntityRecord, _: unknown, ctx: ApiContext) => (await periodViews(ctx, p.id)).find((v) => v.current) ?? null,
    periodHistory: async (p: EntityRecord, _: unknown, ctx: ApiContext) => (await periodViews(ctx, p.id)).filter((v) => !v.current),
    async periods(p: EntityRecord, args: { includeHistory?: boolean | null }, ctx: ApiContext) {
      return (await periodViews(ctx, p.id)).filter((v) => v.current || args.includeHistory === true);
    },
    async budget(p: EntityRecord, _: unknown, ctx: ApiContext) {
      // The newest statement wins when several budgets are attached (views are sorted newest first).
      const [view] = await relationsOfType(ctx, p.id, 'HAS_BUDGET', 'out');
      return view ?? null;
    },
    countries: (p: EntityRecord, _: unknown, ctx: ApiContext) => neighbours(ctx, p.id, 'BETWEEN', 'out'),
    covers: (p: EntityRecord, _: unknown, ctx: ApiContext) => neighbours(ctx, p.id, 'COVERS', 'out'),
    programs: (p: EntityRecord, _: unknown, ctx: ApiContext) => neighbours(ctx, p.id, 'PART_OF', 'out', ['Program']),
    async partners(p: EntityRecord, args: { includeHistory?: boolean | null }, ctx: ApiContext): Promise<RelationView[]> {
      const views = await relationViews(ctx, p.id);
      return views.filter(
        (v) => ROLE_RELATION_TYPES.has(v.relation.type) && v.relation.toId === p.id && (v.current || args.includeHistory === true),
      );
    },
  },
  Period: {
    start: (v: FactView) => v.fact.dateStart,
    end: (v: FactView) => v.fact.dateEnd,
    text: (v: FactView) => v.fact.value ?? v.fact.quote,
    asOf: (v: FactView) => v.fact.asOf,
    source: (v: FactView) => v.fact,
    sources: (v: FactView) => v.statements,
  },
  ProjectBudget: {
    async amountJpy(v: RelationView, _: unknown, ctx: ApiContext): Promise<number | null> {
      const budget = await ctx.loaders.entities.load(otherEnd(v));
      // For an upper bound ("最大1億円") the bound is the figure people quote.
      return budget ? (budget.amountJpyMax ?? budget.amountJpy) : null;
    },
    text: async (v: RelationView, _: unknown, ctx: ApiContext) => (await ctx.loaders.entities.load(otherEnd(v)))?.name ?? v.relation.quote,
    async perYear(v: RelationView, _: unknown, ctx: ApiContext): Promise<boolean> {
      const budget = await ctx.loaders.entities.load(otherEnd(v));
      return [...(budget?.qualifiers ?? []), budget?.name ?? ''].some((q) => PER_YEAR.test(q));
    },
    budget: async (v: RelationView, _: unknown, ctx: ApiContext) => (await loadEntities(ctx.loaders, [otherEnd(v)]))[0] ?? null,
    source: (v: RelationView) => v.relation,
  },
  Partner: {
    ...statementFields,
    organization: (v: RelationView, _: unknown, ctx: ApiContext) => ctx.loaders.entities.load(v.relation.fromId),
    kind: (v: RelationView) => (v.relation.type === 'LEAD_OF' ? 'LEAD' : 'PARTNER'),
    role: (v: RelationView) => v.relation.role ?? DEFAULT_ROLE_BY_TYPE[v.relation.type as keyof typeof DEFAULT_ROLE_BY_TYPE],
  },
};

// Data helpers shared by the entity resolvers: relations and facts of one entity with their currentness, and the
// entities at the other end. All reads go through the per-request loaders.
import type { EntityRecord, EntityType, RelationType } from '../../model/graph.ts';
import { memoize, type ApiContext } from '../context.ts';
import { versionFacts } from '../history/factHistory.ts';
import { ROLE_RELATION_TYPES, versionRelations } from '../history/relationHistory.ts';
import { loadEntities } from '../loaders/createLoaders.ts';
import type { FactView, RelationView } from './views.ts';

/**
 * Every relation of the entity, with currentness. A role relation (org LEAD_OF project) is current or not depending
 * on the other statements about the project's same slot, so the projects' relations are loaded too.
 */
export function relationViews(ctx: ApiContext, entityId: string): Promise<RelationView[]> {
  return memoize(ctx, `relationViews|${entityId}`, () => computeRelationViews(ctx, entityId));
}

async function computeRelationViews(ctx: ApiContext, entityId: string): Promise<RelationView[]> {
  const own = await ctx.loaders.relationsOf.load(entityId);
  const projectIds = new Set(own.filter((r) => ROLE_RELATION_TYPES.has(r.type) && r.fromId === entityId).map((r) => r.toId));
  const slotmates = (await Promise.all([...projectIds].map((id) => ctx.loaders.relationsOf.load(id)))).flat();
  return versionRelations([...own, ...slotmates])
    .filter((v) => v.item.fromId === entityId || v.item.toId === entityId)
    .map((v) => ({ relation: v.item, perspective: entityId, current: v.current, statements: v.statements }));
}

export async function relationsOfType(
  ctx: ApiContext,
  entityId: string,
  type: RelationType,
  direction: 'out' | 'in',
  options: { includeHistory?: boolean } = {},
): Promise<RelationView[]> {
  const views = await relationViews(ctx, entityId);
  return views.filter(
    (v) =>
      v.relation.type === type &&
      (direction === 'out' ? v.relation.fromId === entityId : v.relation.toId === entityId) &&
      (options.includeHistory || v.current),
  );
}

export function otherEnd(view: RelationView): string {
  return view.relation.fromId === view.perspective ? view.relation.toId : view.relation.fromId;
}

/** Current neighbours over one relation type and direction, optionally of given entity types. */
export async function neighbours(
  ctx: ApiContext,
  entityId: string,
  type: RelationType,
  direction: 'out' | 'in',
  types?: readonly EntityType[],
): Promise<EntityRecord[]> {
  const views = await relationsOfType(ctx, entityId, type, direction);
  const entities = await loadEntities(ctx.loaders, views.map(otherEnd));
  return types ? entities.filter((e) => types.includes(e.type)) : entities;
}

export function factViews(ctx: ApiContext, entityId: string): Promise<FactView[]> {
  return memoize(ctx, `factViews|${entityId}`, async () => {
    const facts = await ctx.loaders.factsOf.load(entityId);
    return versionFacts(facts).map((v) => ({ fact: v.item, current: v.current, statements: v.statements }));
  });
}

/** The current fact of a single-valued predicate, e.g. an event's DATE; null when never stated. */
export async function currentFact(ctx: ApiContext, entityId: string, predicate: string): Promise<FactView | null> {
  return (await factViews(ctx, entityId)).find((v) => v.current && v.fact.predicate === predicate) ?? null;
}

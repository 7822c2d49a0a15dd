// Which relation statements are current. Roles on a project (its lead or partner on one side) are single slots that
// a newer document can refill, so they are grouped by (project, type, side, role); other relations (covers, between,
// located in…) simply accumulate, so each distinct edge is its own group and is always current.
import type { RelationFact, RelationType } from '../../model/graph.ts';
import { versioned, type Versioned } from './currentness.ts';

export const ROLE_RELATION_TYPES: ReadonlySet<RelationType> = new Set(['LEAD_OF', 'PARTNER_OF']);

export function versionRelations(relations: readonly RelationFact[]): Versioned<RelationFact>[] {
  const unique = [...new Map(relations.map((r) => [r.id, r])).values()];
  return versioned(unique, {
    group: (r) =>
      ROLE_RELATION_TYPES.has(r.type)
        ? `role|${r.toId}|${r.side ?? ''}|${r.role ?? ''}`
        : `edge|${r.type}|${r.fromId}|${r.toId}|${r.side ?? ''}|${r.role ?? ''}`,
    value: (r) => `${r.type}|${r.fromId}|${r.toId}`,
    asOf: (r) => r.asOf,
  });
}

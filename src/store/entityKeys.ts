// Lookup keys: one normalized form per way of naming an entity, so a lookup in either language is one equality.
import type { EntityRecord } from '../model/graph.ts';

/** NFKC (full-width → ASCII, half-width kana → full-width), lowercase, whitespace removed. */
export function normalizeKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

export function entityKeys(entity: Pick<EntityRecord, 'id' | 'name' | 'nameEn' | 'aliases' | 'code'>): string[] {
  const forms = [entity.id, entity.name, entity.nameEn, entity.code, ...entity.aliases];
  const keys = new Set<string>();
  for (const form of forms) {
    if (form == null) continue;
    const key = normalizeKey(form);
    if (key) keys.add(key);
  }
  return [...keys];
}

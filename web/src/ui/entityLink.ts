// How an entity is named and linked everywhere: the name in the current language, the other one as a hint.
import { h } from '../dom.ts';
import { lang, tDynamic } from '../i18n.ts';
import type { EntityRef } from '../queries.ts';

export function entityPath(id: string): string {
  return `/entity/${encodeURIComponent(id)}`;
}

export function displayName(e: Pick<EntityRef, 'name' | 'nameEn'>): string {
  return lang() === 'en' && e.nameEn ? e.nameEn : e.name;
}

export function otherName(e: Pick<EntityRef, 'name' | 'nameEn'>): string | null {
  const other = lang() === 'en' ? e.name : e.nameEn;
  return other && other !== displayName(e) ? other : null;
}

export function entityLink(e: EntityRef, cls = 'entity-link'): HTMLAnchorElement {
  const other = otherName(e);
  return h(
    'a',
    { href: entityPath(e.id), 'data-link': true, class: cls, title: other ? `${other} · ${tDynamic('type', e.type)}` : tDynamic('type', e.type) },
    displayName(e),
  );
}

/** A chip linking to the entity; showType=false where a column header already says the type. */
export function entityChip(e: EntityRef, showType = true): HTMLAnchorElement {
  const a = entityLink(e, `chip chip-${e.type.toLowerCase()}`);
  if (showType) a.prepend(h('span', { class: 'chip-type' }, tDynamic('type', e.type)));
  return a;
}

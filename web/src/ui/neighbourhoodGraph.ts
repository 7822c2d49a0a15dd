// A small drawing of an entity's neighbourhood. cytoscape is bundled (no CDN) and loaded only when an entity page
// needs it. The drawing repeats what the relation lists say, so it is an image for assistive technology.
import { tDynamic } from '../i18n.ts';
import type { EntityRef, Relation } from '../queries.ts';
import { displayName } from './entityLink.ts';

export const DEFAULT_MAX_NEIGHBOURS = 30;
const MAX_LABEL = 16;

const TYPE_COLOURS: Record<string, string> = {
  Country: '#2b7a78',
  Organization: '#3d5a98',
  Program: '#8a4f9e',
  Project: '#c0572b',
  Technology: '#2f7d32',
  Budget: '#9a7b00',
  Event: '#6b6b6b',
};

function short(s: string): string {
  return s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s;
}

export async function drawNeighbourhood(
  container: HTMLElement,
  centre: EntityRef,
  relations: Relation[],
  related: EntityRef[],
  onOpen: (id: string) => void,
): Promise<{ destroy(): void }> {
  const { default: cytoscape } = await import('cytoscape');
  const nodes = new Map<string, EntityRef>([[centre.id, centre]]);
  const edges = new Map<string, { source: string; target: string; label: string; history: boolean }>();
  for (const r of relations) {
    if (nodes.size >= DEFAULT_MAX_NEIGHBOURS && !nodes.has(r.other.id)) continue;
    nodes.set(r.other.id, r.other);
    const incoming = r.direction.toLowerCase().startsWith('in');
    const [source, target] = incoming ? [r.other.id, centre.id] : [centre.id, r.other.id];
    const key = `${source}|${target}|${r.type}`;
    const prev = edges.get(key);
    // one edge per (pair, type); it is drawn as history only if no current statement backs it
    edges.set(key, { source, target, label: tDynamic('rel', r.type), history: (prev?.history ?? true) && !r.current });
  }
  for (const e of related) {
    if (nodes.size >= DEFAULT_MAX_NEIGHBOURS) break;
    if (nodes.has(e.id)) continue;
    nodes.set(e.id, e);
    edges.set(`${centre.id}|${e.id}|related`, { source: centre.id, target: e.id, label: '', history: false });
  }

  const cy = cytoscape({
    container,
    elements: [
      ...[...nodes.values()].map((n) => ({
        data: { id: n.id, label: short(displayName(n)), colour: TYPE_COLOURS[n.type] ?? '#555', centre: n.id === centre.id ? 1 : 0 },
      })),
      ...[...edges.entries()].map(([id, e]) => ({ data: { id, ...e, dashed: e.history || e.label === '' ? 1 : 0 } })),
    ],
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(colour)',
          label: 'data(label)',
          'font-size': 11,
          color: '#1a1a1a',
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.8,
          width: 18,
          height: 18,
        },
      },
      { selector: 'node[centre = 1]', style: { width: 30, height: 30, 'border-width': 3, 'border-color': '#111', 'font-weight': 'bold' } },
      {
        selector: 'edge',
        style: {
          width: 1.5,
          'line-color': '#9aa3ad',
          'target-arrow-color': '#9aa3ad',
          'target-arrow-shape': 'triangle',
          'curve-style': 'bezier',
          label: 'data(label)',
          'font-size': 9,
          color: '#444',
          'text-background-color': '#fcfcfd',
          'text-background-opacity': 1,
        },
      },
      { selector: 'edge[dashed = 1]', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none' } },
    ],
    layout:
      nodes.size > 12
        ? { name: 'cose', animate: false, padding: 20 }
        : { name: 'concentric', animate: false, padding: 20, minNodeSpacing: 70, concentric: (n: cytoscape.NodeSingular) => (n.data('centre') ? 2 : 1), levelWidth: () => 1 },
    minZoom: 0.3,
    // a small neighbourhood would otherwise be zoomed in to fill the box, with giant labels
    maxZoom: 1.3,
  });
  cy.on('tap', 'node', (ev) => {
    const id = ev.target.id() as string;
    if (id !== centre.id) onOpen(id);
  });
  return { destroy: () => cy.destroy() };
}

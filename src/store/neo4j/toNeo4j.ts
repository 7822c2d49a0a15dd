// JS numbers reach Neo4j as floats: properties the model defines as integers are sent as Neo4j integers instead.
import neo4j from 'neo4j-driver';

/** Parameter/row keys that hold integers in the graph model (and LIMIT). */
export const INTEGER_KEYS: ReadonlySet<string> = new Set([
  'ordinal',
  'lineStart',
  'lineEnd',
  'count',
  'lineCount',
  'charCount',
  'limit',
]);

export function toNeo4jParams(params: Record<string, unknown>): Record<string, unknown> {
  return convertObject(params);
}

function convert(key: string, value: unknown): unknown {
  if (typeof value === 'number' && INTEGER_KEYS.has(key) && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map((v) => (isPlainObject(v) ? convertObject(v) : v));
  if (isPlainObject(value)) return convertObject(value);
  return value;
}

function convertObject(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = convert(k, v);
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

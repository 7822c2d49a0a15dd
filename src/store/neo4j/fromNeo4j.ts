// Driver values → plain JS: Integer → number, temporal values → ISO strings, Node/Relationship → property records.
import neo4j from 'neo4j-driver';
import type { Record as Neo4jRecord } from 'neo4j-driver';

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

export function fromNeo4j(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return toSafeNumber(value.toString(), Number(value));
  if (neo4j.isInt(value)) return toSafeNumber(value.toString(), value.toNumber(), value.inSafeRange());
  // Date → YYYY-MM-DD; DateTime/LocalDateTime/Time/LocalTime/Duration → their ISO 8601 text.
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value) ||
    neo4j.isPoint(value)
  ) {
    return value.toString();
  }
  if (neo4j.isNode(value)) return fromProperties(value.properties);
  if (neo4j.isRelationship(value)) return { ...fromProperties(value.properties), type: value.type };
  if (Array.isArray(value)) return value.map(fromNeo4j);
  if (typeof value === 'object') return fromProperties(value as Record<string, unknown>);
  throw new TypeError(`unsupported Neo4j value of type ${typeof value}`);
}

export function fromNeo4jRecord(record: Neo4jRecord): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const key of record.keys) out[String(key)] = fromNeo4j(record.get(key));
  return out;
}

function fromProperties(props: Record<string, unknown>): { [key: string]: Plain } {
  const out: { [key: string]: Plain } = {};
  for (const [k, v] of Object.entries(props)) out[k] = fromNeo4j(v);
  return out;
}

/** Integers beyond 2^53 would silently lose digits as numbers: refuse them loudly. */
function toSafeNumber(text: string, n: number, safe = Number.isSafeInteger(n)): number {
  if (!safe) throw new RangeError(`Neo4j integer ${text} does not fit in a JavaScript number`);
  return n;
}

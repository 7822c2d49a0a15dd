// Relations leaving the given entities. {{REL}} comes from RELATION_TYPES only; the store joins one copy per type
// (and relations-to for the other direction) with UNION ALL. UNWIND + key lookup: `WHERE a.id IN $ids` scans.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r:{{REL}}]->(b:Entity)
RETURN '{{REL}}' AS type, r.id AS id, a.id AS fromId, b.id AS toId, r.docId AS docId, r.passageId AS passageId,
  r.lineStart AS lineStart, r.lineEnd AS lineEnd, r.quote AS quote, r.asOf AS asOf, r.side AS side, r.role AS role

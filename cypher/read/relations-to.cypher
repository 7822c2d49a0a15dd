// Relations arriving at the given entities (see relations-from).
UNWIND $ids AS id
MATCH (a:Entity)-[r:{{REL}}]->(b:Entity {id: id})
RETURN '{{REL}}' AS type, r.id AS id, a.id AS fromId, b.id AS toId, r.docId AS docId, r.passageId AS passageId,
  r.lineStart AS lineStart, r.lineEnd AS lineEnd, r.quote AS quote, r.asOf AS asOf, r.side AS side, r.role AS role

// {{REL}} comes from RELATION_TYPES only; the store joins one copy per requested type with UNION ALL.
MATCH (a:Entity)-[r:{{REL}}]->(b:Entity)
WHERE (a.id IN $ids AND $outgoing) OR (b.id IN $ids AND $incoming)
RETURN '{{REL}}' AS type, r.id AS id, a.id AS fromId, b.id AS toId, r.docId AS docId, r.passageId AS passageId,
  r.lineStart AS lineStart, r.lineEnd AS lineEnd, r.quote AS quote, r.asOf AS asOf, r.side AS side, r.role AS role

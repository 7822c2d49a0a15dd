// {{REL}} comes from RELATION_TYPES only.
UNWIND $rows AS row
MATCH (a:Entity {id: row.fromId})
MATCH (b:Entity {id: row.toId})
CREATE (a)-[:{{REL}} {id: row.id, docId: row.docId, passageId: row.passageId, lineStart: row.lineStart,
  lineEnd: row.lineEnd, quote: row.quote, asOf: date(row.asOf), side: row.side, role: row.role}]->(b)

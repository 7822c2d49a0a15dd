UNWIND $rows AS row
MATCH (d:Document {id: row.docId})
CREATE (p:Passage {id: row.id, docId: row.docId, ordinal: row.ordinal, text: row.text, lineStart: row.lineStart,
  lineEnd: row.lineEnd, section: row.section, kind: row.kind})
CREATE (p)-[:IN_DOCUMENT]->(d)

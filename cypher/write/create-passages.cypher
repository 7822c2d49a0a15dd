// One document per call: the Document is matched once, not once per row.
MATCH (d:Document {id: $docId})
UNWIND $rows AS row
CREATE (p:Passage {id: row.id, docId: $docId, ordinal: row.ordinal, text: row.text, lineStart: row.lineStart,
  lineEnd: row.lineEnd, section: row.section, kind: row.kind})
CREATE (p)-[:IN_DOCUMENT]->(d)

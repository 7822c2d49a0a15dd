// Numbers go through set-fact-numbers (see set-entity-numbers).
UNWIND $rows AS row
MATCH (e:Entity {id: row.subjectId})
CREATE (f:Fact {id: row.id, docId: row.docId, passageId: row.passageId, lineStart: row.lineStart, lineEnd: row.lineEnd,
  quote: row.quote, asOf: date(row.asOf), predicate: row.predicate, value: row.value, unit: row.unit,
  dateStart: date(row.dateStart), dateEnd: date(row.dateEnd)})
CREATE (e)-[:HAS_FACT]->(f)

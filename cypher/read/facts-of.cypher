UNWIND $ids AS id
MATCH (e:Entity {id: id})-[:HAS_FACT]->(f:Fact)
RETURN f.id AS id, e.id AS subjectId, f.predicate AS predicate, f.value AS value, f.num AS num, f.unit AS unit,
  f.dateStart AS dateStart, f.dateEnd AS dateEnd, f.docId AS docId, f.passageId AS passageId,
  f.lineStart AS lineStart, f.lineEnd AS lineEnd, f.quote AS quote, f.asOf AS asOf
ORDER BY subjectId, asOf, docId, lineStart, id

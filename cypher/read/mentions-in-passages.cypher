UNWIND $ids AS id
MATCH (e:Entity)-[m:MENTIONED_IN]->(p:Passage {id: id})
RETURN e.id AS entityId, p.id AS passageId, m.docId AS docId, m.surface AS surface, m.count AS count, p.ordinal AS ordinal
ORDER BY docId, ordinal, entityId, surface

// Subjects of the facts a document states.
MATCH (e:Entity)-[:HAS_FACT]->(f:Fact)
WHERE f.docId = $docId
RETURN DISTINCT e.id AS id

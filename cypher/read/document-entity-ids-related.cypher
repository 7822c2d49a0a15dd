// Both ends of the relations a document states.
MATCH (e:Entity)-[r]-(:Entity)
WHERE r.docId = $docId
RETURN DISTINCT e.id AS id

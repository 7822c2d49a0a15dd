MATCH (d:Document)
WHERE d.id = $docId
DETACH DELETE d

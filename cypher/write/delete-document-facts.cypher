MATCH (f:Fact)
WHERE f.docId = $docId
DETACH DELETE f

// Entities a document's passages mention: candidates for removal when the document is replaced or removed.
MATCH (e:Entity)-[m:MENTIONED_IN]->(:Passage)
WHERE m.docId = $docId
RETURN DISTINCT e.id AS id

// Also removes the passages' IN_DOCUMENT and MENTIONED_IN relationships.
MATCH (p:Passage)
WHERE p.docId = $docId
DETACH DELETE p

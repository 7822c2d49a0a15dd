MATCH (:Entity)-[r]->(:Entity)
WHERE r.docId = $docId
DELETE r

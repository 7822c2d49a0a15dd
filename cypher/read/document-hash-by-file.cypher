MATCH (d:Document)
WHERE d.file = $file
RETURN d.id AS id, d.contentHash AS contentHash
ORDER BY id

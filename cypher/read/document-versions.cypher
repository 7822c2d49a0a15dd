MATCH (d:Document)
RETURN d.id AS id, d.contentHash AS contentHash
ORDER BY id

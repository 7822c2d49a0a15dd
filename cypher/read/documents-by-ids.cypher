UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.file AS file, d.title AS title, d.date AS date, d.dateSource AS dateSource, d.contentHash AS contentHash, d.encoding AS encoding, d.lineCount AS lineCount, d.charCount AS charCount, d.ingestedAt AS ingestedAt

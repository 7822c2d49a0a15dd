MERGE (d:Document {id: $id})
SET d.file = $file, d.title = $title, d.date = date($date), d.dateSource = $dateSource, d.contentHash = $contentHash,
  d.encoding = $encoding, d.lineCount = $lineCount, d.charCount = $charCount, d.ingestedAt = $ingestedAt

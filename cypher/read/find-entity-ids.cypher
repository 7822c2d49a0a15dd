// Ids of matching entities in the requested order; the store pages them (one filter definition, exact totals).
WITH $text AS text
MATCH (e:Entity)
WHERE ($type = '' OR e.type = $type) AND (text = '' OR any(k IN e.keys WHERE k CONTAINS text))
OPTIONAL MATCH (e)-[m:MENTIONED_IN]->(:Passage)
WITH e, count(m) AS mentions
RETURN e.id AS id
ORDER BY
  CASE WHEN $orderBy = 'mentions' THEN -mentions ELSE 0 END,
  CASE WHEN $orderBy = 'type' THEN e.type ELSE '' END,
  e.name,
  e.id

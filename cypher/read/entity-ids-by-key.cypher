// WITH first: LadybugDB cannot use a parameter inside a list predicate.
WITH $key AS key
MATCH (e:Entity)
WHERE key IN e.keys AND ($type = '' OR e.type = $type)
RETURN e.id AS id
ORDER BY id

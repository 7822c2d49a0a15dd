MATCH (e:Entity)
RETURN e.type AS type, count(e) AS n

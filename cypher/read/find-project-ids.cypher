// Terms arrive normalized like Entity.keys; each empty term disables its filter.
WITH $covers AS covers, $country AS country, $partner AS partner, $homeCountryId AS home
MATCH (p:Entity)
WHERE p.type = $projectType
  AND (covers = '' OR EXISTS { MATCH (p)-[:COVERS]->(t:Entity) WHERE covers IN t.keys })
  AND (country = '' OR EXISTS { MATCH (p)-[:BETWEEN]->(c:Entity) WHERE country IN c.keys })
  AND (partner = '' OR EXISTS { MATCH (o:Entity)-[:LEAD_OF|PARTNER_OF]->(p) WHERE partner IN o.keys })
  AND ($international = '' OR (EXISTS { MATCH (p)-[:BETWEEN]->(c:Entity) WHERE c.id <> home }) = ($international = 'yes'))
RETURN p.id AS id
ORDER BY p.name, p.id

MATCH (e:Entity)
WHERE NOT EXISTS { MATCH (e)-[:MENTIONED_IN]->(:Passage) }
  AND NOT EXISTS { MATCH (e)-[:HAS_FACT]->(:Fact) }
  AND NOT EXISTS { MATCH (e)-[]-(:Entity) }
DETACH DELETE e

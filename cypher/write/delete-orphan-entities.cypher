// Only the entities the replaced document touched can have lost their last mention, relation or fact. (UNWIND: a
// `WITH $ids AS ids … e.id IN ids` before these EXISTS subqueries aborts LadybugDB 0.19.1.)
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WHERE NOT EXISTS { MATCH (e)-[:MENTIONED_IN]->(:Passage) }
  AND NOT EXISTS { MATCH (e)-[:HAS_FACT]->(:Fact) }
  AND NOT EXISTS { MATCH (e)-[]-(:Entity) }
DETACH DELETE e

UNWIND $rows AS row
MATCH (e:Entity {id: row.entityId})
MATCH (p:Passage {id: row.passageId})
CREATE (e)-[:MENTIONED_IN {docId: $docId, surface: row.surface, count: row.count}]->(p)

UNWIND $rows AS row
MATCH (f:Fact {id: row.id})
SET f.num = row.value

// Rows are already merged with the stored entity (alias union, keys recomputed); numbers go through set-entity-numbers.
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e.type = row.type, e.name = row.name, e.nameEn = row.nameEn, e.aliases = row.aliases, e.code = row.code,
  e.currency = row.currency, e.budgetKind = row.budgetKind, e.qualifiers = row.qualifiers, e.keys = row.keys

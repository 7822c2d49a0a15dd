// UNWIND + key lookup: `WHERE e.id IN $ids` scans every entity on LadybugDB.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, e.type AS type, e.name AS name, e.nameEn AS nameEn, e.aliases AS aliases, e.code AS code, e.amountJpy AS amountJpy, e.amountJpyMax AS amountJpyMax, e.currency AS currency, e.amountForeign AS amountForeign, e.fiscalYear AS fiscalYear, e.budgetKind AS budgetKind, e.qualifiers AS qualifiers

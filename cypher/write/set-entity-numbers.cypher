// Rows {id, prop, value} for non-null numbers only, one prop per run: LadybugDB cannot type an all-null struct field
// and reads e.<prop> as it was before the statement.
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e.amountJpy = CASE WHEN row.prop = 'amountJpy' THEN row.value ELSE e.amountJpy END,
  e.amountJpyMax = CASE WHEN row.prop = 'amountJpyMax' THEN row.value ELSE e.amountJpyMax END,
  e.amountForeign = CASE WHEN row.prop = 'amountForeign' THEN row.value ELSE e.amountForeign END,
  e.fiscalYear = CASE WHEN row.prop = 'fiscalYear' THEN row.value ELSE e.fiscalYear END

// OPTIONAL MATCH keeps one row when a label is empty.
OPTIONAL MATCH (d:Document)
WITH count(d) AS documents
OPTIONAL MATCH (p:Passage)
WITH documents, count(p) AS passages
OPTIONAL MATCH (f:Fact)
WITH documents, passages, count(f) AS facts
OPTIONAL MATCH (:Entity)-[r]->(:Entity)
RETURN documents AS documents, passages AS passages, facts AS facts, count(r) AS relations

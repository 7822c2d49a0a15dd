UNWIND $ids AS id
MATCH (p:Passage {id: id})
RETURN p.id AS id, p.docId AS docId, p.ordinal AS ordinal, p.text AS text, p.lineStart AS lineStart, p.lineEnd AS lineEnd, p.section AS section, p.kind AS kind

CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT passage_id IF NOT EXISTS FOR (p:Passage) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT fact_id IF NOT EXISTS FOR (f:Fact) REQUIRE f.id IS UNIQUE;
CREATE INDEX document_file IF NOT EXISTS FOR (d:Document) ON (d.file);
CREATE INDEX passage_doc IF NOT EXISTS FOR (p:Passage) ON (p.docId);
CREATE INDEX fact_doc IF NOT EXISTS FOR (f:Fact) ON (f.docId);
CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type);

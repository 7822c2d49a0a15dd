// LadybugDB DDL (idempotent). Nullable numbers are DOUBLE: the JS binding types a struct field from its values.
CREATE NODE TABLE IF NOT EXISTS Document(id STRING PRIMARY KEY, file STRING, title STRING, date DATE, dateSource STRING, contentHash STRING, encoding STRING, lineCount INT64, charCount INT64, ingestedAt STRING);
CREATE NODE TABLE IF NOT EXISTS Passage(id STRING PRIMARY KEY, docId STRING, ordinal INT64, text STRING, lineStart INT64, lineEnd INT64, section STRING[], kind STRING);
CREATE NODE TABLE IF NOT EXISTS Entity(id STRING PRIMARY KEY, type STRING, name STRING, nameEn STRING, aliases STRING[], code STRING, amountJpy DOUBLE, amountJpyMax DOUBLE, currency STRING, amountForeign DOUBLE, fiscalYear DOUBLE, budgetKind STRING, qualifiers STRING[], keys STRING[]);
CREATE NODE TABLE IF NOT EXISTS Fact(id STRING PRIMARY KEY, docId STRING, passageId STRING, lineStart INT64, lineEnd INT64, quote STRING, asOf DATE, predicate STRING, value STRING, num DOUBLE, unit STRING, dateStart DATE, dateEnd DATE);
CREATE REL TABLE IF NOT EXISTS IN_DOCUMENT(FROM Passage TO Document);
CREATE REL TABLE IF NOT EXISTS MENTIONED_IN(FROM Entity TO Passage, docId STRING, surface STRING, count INT64);
CREATE REL TABLE IF NOT EXISTS HAS_FACT(FROM Entity TO Fact);
CREATE REL TABLE IF NOT EXISTS COVERS(FROM Entity TO Entity, id STRING, docId STRING, passageId STRING, lineStart INT64, lineEnd INT64, quote STRING, asOf DATE, side STRING, role STRING);
CREATE REL TABLE IF NOT EXISTS LEAD_OF(FROM Entity TO Entity, id STRING, docId STRING, passageId STRING, lineStart INT64, lineEnd INT64, quote STRING, asOf DATE, side STRING, role STRING);
CREATE REL TABLE IF NOT EXISTS PARTNER_OF(FROM Entity TO Entity, id STRING, docId STRING, passageId STRING, lineStart INT64, lineEnd INT64, quote STRING, asOf DATE, side STRING, role STRING);
CREATE REL TABLE IF NOT EXISTS BETWEEN(FROM Entity TO Entity, id STRING, docId STRING, passageId STRING, lineStart INT64, lineEnd INT64, quote STRING, asOf DATE, side STRING, role STRING);
CREATE REL TABLE IF NOT EXISTS LOCATED_IN(FROM Entity TO Entity, id STRING, docId STRING, passageId STRING, lineStart INT64, lineEnd INT64, quote STRING, asOf DATE, side STRING, role STRING);
CREATE REL TABLE IF NOT EXISTS HAS_BUDGET(FROM Entity TO Entity, id STRING, docId STRING, passageId STRING, lineStart INT64, lineEnd INT64, quote STRING, asOf DATE, side STRING, role STRING);
CREATE REL TABLE IF NOT EXISTS PART_OF(FROM Entity TO Entity, id STRING, docId STRING, passageId STRING, lineStart INT64, lineEnd INT64, quote STRING, asOf DATE, side STRING, role STRING);
CREATE REL TABLE IF NOT EXISTS RELATED_TO(FROM Entity TO Entity, id STRING, docId STRING, passageId STRING, lineStart INT64, lineEnd INT64, quote STRING, asOf DATE, side STRING, role STRING);

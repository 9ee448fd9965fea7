-- Trigram indexes (substring search in the member directory). PGlite loads the extension through
-- PGlite.create({ extensions: { pg_trgm } }) in src/db/client.ts; on PostgreSQL it ships in contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

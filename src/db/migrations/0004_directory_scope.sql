-- Each directory row's tsvector also holds its scope (network and audience) as a lexeme, so a text
-- search narrows to one network inside the GIN scan (see src/modules/directory/text.ts, scopeLexeme).
UPDATE "directory_entry" SET "tsv" = "tsv" || array_to_tsvector(ARRAY['~' || "network_id" || ':' || "audience"]);

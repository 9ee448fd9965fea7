// The committed schema.d.ts must be what the server's routes generate today: otherwise the web
// client typechecks against an API that no longer exists.
import fs from "node:fs";
import { expect, test } from "vitest";
import { generateSchema, schemaFile } from "../../../scripts/openapi.mjs";

test("src/web/api/schema.d.ts matches the server's OpenAPI document (npm run api:types)", async () => {
  const committed = fs.readFileSync(schemaFile, "utf8");
  const generated = await generateSchema();
  expect(committed === generated, "schema.d.ts is stale: run `npm run api:types` and commit it").toBe(true);
});

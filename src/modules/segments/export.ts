// A segment's members as CSV: the members export's columns and hidden fields (members module),
// for the members the segment page lists — active now, matching the filter as operators see the
// directory. Audited with the segment and the row count.
import { audit } from "../../server/audit.ts";
import { csvFile } from "../../server/csv-export.ts";
import { inTransaction, type Scope } from "../../server/scope.ts";
import type { CsvEncoding } from "../../shared/csv-export.ts";
import { memberCsvRecords } from "../members/index.ts";
import { findSegment } from "./queries.ts";
import { resolveSegment, segmentNotFound } from "./service.ts";

export async function exportSegment(scope: Scope, id: string, encoding: CsvEncoding, lang: "ja" | "en") {
  const row = await findSegment(scope.db, scope.network.id, id);
  if (!row) throw segmentNotFound();
  const userIds: string[] = [];
  for await (const batch of resolveSegment(scope, id, { batchSize: 1000 })) userIds.push(...batch);
  const records = await memberCsvRecords(scope, userIds, lang);
  await inTransaction(scope, ({ db: tx }) =>
    audit(tx, {
      networkId: scope.network.id,
      actor: scope.actor,
      action: "segments.exported",
      targetType: "segment",
      targetId: id,
      data: { name: row.name, rows: records.length - 1, encoding },
    }),
  );
  return csvFile(records, encoding, "segment", scope.network.slug);
}

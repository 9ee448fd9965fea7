// A CSV file that Excel opens as it is, for every export (members, roster, segments): CRLF records,
// UTF-8 with a BOM or Shift_JIS, named after the network and the day in Japan, never cached.
import { stringify } from "csv-stringify/sync";
import type { FastifyReply } from "fastify";
import iconv from "iconv-lite";
import type { CsvEncoding } from "../shared/csv-export.ts";

export type CsvFile = { body: Buffer; filename: string; charset: "utf-8" | "Shift_JIS" };

/** What Excel reads as the start of a formula (=HYPERLINK(…) typed as a display name). */
const FORMULA = /^[=+\-@\t\r]/;

/** A cell Excel shows as text: a leading ' keeps it from running as a formula (OWASP "CSV injection"). */
export const asText = (cell: string) => (FORMULA.test(cell) ? `'${cell}` : cell);

/**
 * `records` (the header first) as a file called `<name>-<network slug>-<YYYY-MM-DD>.csv`.
 * `formulas: "text"` (the default) neutralises cells that would start a formula — for files
 * holding what members typed; "keep" writes every value as it is, for a file meant to be
 * imported back (the roster, whose values come from the HR system).
 * Shift_JIS cannot hold every character: iconv writes "?" for those (e.g. 🍣), as Excel does.
 */
export function csvFile(
  records: string[][],
  encoding: CsvEncoding,
  name: string,
  slug: string,
  opts: { formulas?: "text" | "keep" } = {},
): CsvFile {
  const cells = opts.formulas === "keep" ? records : records.map((r) => r.map(asText));
  const text = stringify(cells, { record_delimiter: "\r\n" });
  const body =
    encoding === "shift_jis" ? iconv.encode(text, "Shift_JIS") : Buffer.from(`\uFEFF${text}`, "utf8");
  const date = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
  return {
    body,
    filename: `${name}-${slug}-${date}.csv`,
    charset: encoding === "shift_jis" ? "Shift_JIS" : "utf-8",
  };
}

/** Answers with the file as a download. */
export function sendCsv(reply: FastifyReply, file: CsvFile) {
  return reply
    .type(`text/csv; charset=${file.charset}`)
    .header("content-disposition", `attachment; filename="${file.filename}"`)
    .header("cache-control", "no-store")
    .send(file.body);
}

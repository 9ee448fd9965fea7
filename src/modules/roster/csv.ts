// Reading a roster file: bytes → text (UTF-8 with or without BOM, Shift_JIS/CP932 from Excel,
// UTF-16 "Unicode text") → rows keyed by roster field, with the physical line of each row.
// Pure: no database, no I/O.
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { issue, REQUIRED_FIELDS, ROSTER_FIELDS, type RosterField, type RosterIssue } from "./messages.ts";

export type Encoding = "utf-8" | "utf-8-bom" | "shift_jis" | "utf-16le";
export const MAX_ROWS = 100_000;

/** Header names accepted per field, compared after `headerKey`. */
const ALIASES: Record<RosterField, string[]> = {
  employeeNumber: [
    "社員番号",
    "従業員番号",
    "社員no",
    "社員コード",
    "employee_number",
    "employee_no",
    "employee_id",
  ],
  name: ["氏名", "名前", "氏名(漢字)", "name", "full_name"],
  nameKana: [
    "フリガナ",
    "ふりがな",
    "氏名カナ",
    "カナ",
    "カナ氏名",
    "氏名(カナ)",
    "氏名(フリガナ)",
    "name_kana",
    "kana",
  ],
  joinDate: ["入社日", "入社年月日", "join_date", "hire_date"],
  leaveDate: ["退職日", "退職年月日", "leave_date", "termination_date"],
  department: ["最終所属", "所属", "部署", "所属部署", "最終所属部署", "department"],
  email: ["メールアドレス", "メール", "email", "e-mail", "mail"],
};

/** NFKC, lower case, without spaces, underscores, hyphens and middle dots. */
export function headerKey(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-・]+/g, "");
}

const aliasToField = new Map<string, RosterField>();
for (const f of ROSTER_FIELDS) for (const a of ALIASES[f]) aliasToField.set(headerKey(a), f);

export type Decoded = { text: string; encoding: Encoding };

/** Detects the encoding: UTF-8 if the bytes are valid UTF-8, otherwise Shift_JIS (CP932). */
export function decodeCsv(buf: Uint8Array): Decoded | RosterIssue {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
    return { text: iconv.decode(b.subarray(2), "utf-16le"), encoding: "utf-16le" };
  }
  const zip = b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
  const ole = b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
  if (zip || ole || b.includes(0)) return issue(1, "NOT_CSV");
  const bom = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  const body = bom ? b.subarray(3) : b;
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding: bom ? "utf-8-bom" : "utf-8" };
  } catch {
    return { text: iconv.decode(body, "cp932"), encoding: "shift_jis" };
  }
}

export type RawRow = { line: number; values: Partial<Record<RosterField, string>> };
export type ReadResult = {
  encoding: Encoding | null;
  /** Fields that have a column in the file (absent optional columns keep their stored values). */
  columns: RosterField[];
  rows: RawRow[];
  issues: RosterIssue[];
};

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === "");

/** Decodes and parses a roster file. File-level problems come back as issues with no rows. */
export function readRosterCsv(buf: Uint8Array): ReadResult {
  const fail = (i: RosterIssue, encoding: Encoding | null = null): ReadResult => ({
    encoding,
    columns: [],
    rows: [],
    issues: [i],
  });
  const decoded = decodeCsv(buf);
  if ("code" in decoded) return fail(decoded);
  const { encoding } = decoded;
  const text = decoded.text.replace(/\r\n?/g, "\n");
  if (text.trim() === "") return fail(issue(1, "EMPTY_FILE"), encoding);

  const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
  const delimiter = firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as any;
  } catch (err: any) {
    return fail(issue(typeof err?.lines === "number" ? err.lines : 1, "CSV_MALFORMED"), encoding);
  }

  // Physical start line of each record: the line after the previous record ended.
  let prevEnd = 0;
  const lines = records.map((r) => {
    const start = prevEnd + 1;
    prevEnd = r.info.lines;
    return { line: start, cells: r.record };
  });
  const headerAt = lines.findIndex((l) => !isBlank(l.cells));
  if (headerAt < 0) return fail(issue(1, "EMPTY_FILE"), encoding);
  const header = lines[headerAt];

  const colField: (RosterField | null)[] = [];
  const seen = new Set<RosterField>();
  const issues: RosterIssue[] = [];
  for (const cell of header.cells) {
    const f = aliasToField.get(headerKey(cell)) ?? null;
    if (f && seen.has(f)) issues.push(issue(header.line, "HEADER_DUPLICATE_COLUMN", { field: f }));
    if (f) seen.add(f);
    colField.push(f && !issues.some((i) => i.field === f) ? f : null);
  }
  const missing = REQUIRED_FIELDS.filter((f) => !seen.has(f));
  if (missing.length) issues.push(issue(header.line, "HEADER_MISSING_COLUMN", { fields: missing }));
  if (issues.length) return { encoding, columns: [], rows: [], issues };

  const rows: RawRow[] = [];
  for (const l of lines.slice(headerAt + 1)) {
    if (isBlank(l.cells)) continue; // blank lines and Excel's ",,,," rows
    if (l.cells.length > colField.length && !isBlank(l.cells.slice(colField.length))) {
      issues.push(issue(l.line, "TOO_MANY_COLUMNS"));
      continue;
    }
    const values: RawRow["values"] = {};
    colField.forEach((f, i) => {
      if (f) values[f] = l.cells[i] ?? "";
    });
    rows.push({ line: l.line, values });
  }
  if (rows.length + issues.length === 0) issues.push(issue(header.line + 1, "NO_ROWS"));
  if (rows.length > MAX_ROWS) {
    return {
      encoding,
      columns: [],
      rows: [],
      issues: [issue(header.line, "TOO_MANY_ROWS", { max: MAX_ROWS })],
    };
  }
  return { encoding, columns: [...seen], rows, issues };
}

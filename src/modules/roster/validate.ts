// Validating roster rows: required fields, lengths, dates (join ≤ leave ≤ today), email format
// and duplicate employee numbers. Pure: the whole file is checked before anything is written.
import { cleanName, cleanText } from "../../shared/text.ts";
import { type Encoding, type RawRow, readRosterCsv } from "./csv.ts";
import { parseDate, todayInJapan } from "./dates.ts";
import { issue, REQUIRED_FIELDS, type RosterField, type RosterIssue } from "./messages.ts";

export type RosterRow = {
  line: number;
  employeeNumber: string;
  name: string;
  nameKana: string | null;
  joinDate: string;
  leaveDate: string;
  department: string | null;
  email: string | null;
};

export const MAX_LENGTH: Record<RosterField, number> = {
  employeeNumber: 50,
  name: 100,
  nameKana: 100,
  joinDate: 40,
  leaveDate: 40,
  department: 200,
  email: 254,
};

/** At most this many issues are returned (the total is always reported). */
export const MAX_REPORTED_ISSUES = 500;

const AS_WRITTEN = new Set<RosterField>(["name", "nameKana"]);

const EMAIL = /^[^\s@",;<>()]+@[^\s@",;<>()]+\.[^\s@",;<>().]{2,}$/;

/** One row → a clean roster row, or its issues. */
export function validateRow(raw: RawRow, today: string): { row?: RosterRow; issues: RosterIssue[] } {
  const issues: RosterIssue[] = [];
  // Names are kept as written (「伊藤 ①」, 髙橋); the rest is compared and parsed, so it is stored
  // in its NFKC form (Ａ００１ → A001, ２０１０/４/１ → 2010/4/1).
  const v = Object.fromEntries(
    Object.entries(raw.values).map(([k, s]) => [
      k,
      AS_WRITTEN.has(k as RosterField) ? cleanName(s ?? "") : cleanText(s ?? ""),
    ]),
  ) as Partial<Record<RosterField, string>>;
  for (const f of Object.keys(v) as RosterField[]) {
    if (v[f] && v[f].length > MAX_LENGTH[f])
      issues.push(issue(raw.line, "TOO_LONG", { field: f, max: MAX_LENGTH[f] }));
  }
  for (const f of REQUIRED_FIELDS) if (!v[f]) issues.push(issue(raw.line, "REQUIRED", { field: f }));

  const dates: Partial<Record<"joinDate" | "leaveDate", string>> = {};
  for (const f of ["joinDate", "leaveDate"] as const) {
    const s = v[f];
    if (!s || s.length > MAX_LENGTH[f]) continue;
    const p = parseDate(s);
    if (!p.ok) {
      const code = { format: "DATE_FORMAT", nonexistent: "DATE_NONEXISTENT", range: "DATE_OUT_OF_RANGE" }[
        p.reason
      ];
      issues.push(issue(raw.line, code, { field: f, value: s }));
    } else if (p.value > today) {
      issues.push(issue(raw.line, "DATE_IN_FUTURE", { field: f, value: s }));
    } else {
      dates[f] = p.value;
    }
  }
  if (dates.joinDate && dates.leaveDate && dates.leaveDate < dates.joinDate) {
    issues.push(issue(raw.line, "LEAVE_BEFORE_JOIN", { field: "leaveDate" }));
  }
  const email = v.email ? v.email.toLowerCase() : null;
  if (email && email.length <= MAX_LENGTH.email && !EMAIL.test(email)) {
    issues.push(issue(raw.line, "EMAIL_FORMAT", { field: "email", value: v.email }));
  }
  if (issues.length) return { issues };
  return {
    issues,
    row: {
      line: raw.line,
      employeeNumber: v.employeeNumber!,
      name: v.name!,
      nameKana: v.nameKana || null,
      joinDate: dates.joinDate!,
      leaveDate: dates.leaveDate!,
      department: v.department || null,
      email,
    },
  };
}

/** Both (all) lines of an employee number that appears more than once get an issue. */
export function duplicateIssues(raws: RawRow[]): RosterIssue[] {
  const byNumber = new Map<string, number[]>();
  for (const r of raws) {
    const n = cleanText(r.values.employeeNumber ?? "");
    if (!n) continue;
    const list = byNumber.get(n);
    if (list) list.push(r.line);
    else byNumber.set(n, [r.line]);
  }
  const out: RosterIssue[] = [];
  for (const [value, lines] of byNumber) {
    if (lines.length < 2) continue;
    for (const line of lines) {
      out.push(issue(line, "DUPLICATE_EMPLOYEE_NUMBER", { field: "employeeNumber", value, lines }));
    }
  }
  return out;
}

export type RosterCheck = {
  encoding: Encoding | null;
  columns: RosterField[];
  /** Data rows in the file. */
  rowCount: number;
  /** Clean rows; only meaningful when `totalErrors` is 0. */
  rows: RosterRow[];
  errors: RosterIssue[];
  totalErrors: number;
};

/** Reads and validates a whole roster file. Nothing may be imported unless `totalErrors` is 0. */
export function checkRosterFile(buf: Uint8Array, opts: { today?: string } = {}): RosterCheck {
  const today = opts.today ?? todayInJapan();
  const read = readRosterCsv(buf);
  const all: RosterIssue[] = [...read.issues];
  const rows: RosterRow[] = [];
  for (const raw of read.rows) {
    const r = validateRow(raw, today);
    all.push(...r.issues);
    if (r.row) rows.push(r.row);
  }
  all.push(...duplicateIssues(read.rows));
  all.sort((a, b) => a.line - b.line);
  return {
    encoding: read.encoding,
    columns: read.columns,
    rowCount: read.rows.length + read.issues.filter((i) => i.code === "TOO_MANY_COLUMNS").length,
    rows,
    errors: all.slice(0, MAX_REPORTED_ISSUES),
    totalErrors: all.length,
  };
}

// The matching rule of self-registration (在籍確認) against the roster. Pure functions: the SQL in
// queries.ts only fetches the rows that could possibly match; the decision is made here.
// Documented in docs/decisions/0002-registration-matching.md — change both together.
//
// Names are compared by key: nameKey (NFKC, lower case, no spaces or middle dots) and kanaKey
// (the same, katakana → hiragana). Employee numbers are compared after NFKC, trimming and upper
// case ("ａ００１ " = "A001"). Dates by year-month.
//
// A row *confidently matches* a registration when
//   (a) the employee number is equal AND (the name key is equal OR the kana key is equal), or
//   (b) no employee number was given AND the name key is equal AND the join year-month AND the
//       leave year-month are both equal.
// A registration is approved automatically when EXACTLY ONE roster row of the network
// confidently matches it and that row is not yet linked to a user. Everything else — no row,
// several rows (e.g. two identical rows), a near miss (right number but wrong name; right name
// but only one month right; a wrong number even if name and months are right), a row already
// linked to someone — goes to the operators' queue. The registrant is never told which.
import { cleanText, kanaKey, nameKey } from "../../shared/text.ts";

export type RegistrationFacts = {
  name: string;
  nameKana: string | null;
  joinYm: string;
  leaveYm: string;
  department: string | null;
  employeeNumber: string | null;
};

export type RosterRow = {
  id: string;
  employeeNumber: string;
  name: string;
  nameKana: string | null;
  nameKey: string;
  kanaKey: string | null;
  joinDate: string;
  leaveDate: string;
  department: string | null;
  linkedUserId: string | null;
};

export const REASONS = [
  "employee_number",
  "name",
  "kana",
  "join_month",
  "leave_month",
  "department",
] as const;
export type Reason = (typeof REASONS)[number];

const WEIGHT: Record<Reason, number> = {
  employee_number: 8,
  name: 4,
  kana: 3,
  join_month: 1,
  leave_month: 1,
  department: 0.5,
};

export const employeeNumberKey = (s: string) => cleanText(s).toUpperCase();

/** The keys a registration is looked up by. */
export function lookupKeys(f: RegistrationFacts) {
  return {
    employeeNumber: f.employeeNumber ? employeeNumberKey(f.employeeNumber) : null,
    nameKey: nameKey(f.name),
    kanaKey: f.nameKana ? kanaKey(f.nameKana) : null,
  };
}

/** What a roster row has in common with a registration. */
export function matchReasons(f: RegistrationFacts, row: RosterRow): Reason[] {
  const k = lookupKeys(f);
  const out: Reason[] = [];
  if (k.employeeNumber && employeeNumberKey(row.employeeNumber) === k.employeeNumber)
    out.push("employee_number");
  if (k.nameKey && row.nameKey === k.nameKey) out.push("name");
  if (k.kanaKey && row.kanaKey && row.kanaKey === k.kanaKey) out.push("kana");
  if (row.joinDate.slice(0, 7) === f.joinYm) out.push("join_month");
  if (row.leaveDate.slice(0, 7) === f.leaveYm) out.push("leave_month");
  if (f.department && row.department && nameKey(f.department) === nameKey(row.department))
    out.push("department");
  return out;
}

/** Rule (a) or (b) above, for one row (ignoring whether the row is already linked). */
export function confidentlyMatches(f: RegistrationFacts, row: RosterRow): boolean {
  const r = new Set(matchReasons(f, row));
  if (f.employeeNumber) return r.has("employee_number") && (r.has("name") || r.has("kana"));
  return r.has("name") && r.has("join_month") && r.has("leave_month");
}

/** The one row to link automatically, or null (→ the operators' queue). */
export function confidentMatch(f: RegistrationFacts, rows: RosterRow[]): RosterRow | null {
  const hits = rows.filter((row) => confidentlyMatches(f, row));
  if (hits.length !== 1) return null;
  return hits[0].linkedUserId ? null : hits[0];
}

export type Candidate = RosterRow & { reasons: Reason[]; score: number };

/** Rows worth showing an operator, best first: confident matches, then by weight of reasons. */
export function rankCandidates(f: RegistrationFacts, rows: RosterRow[], max = 5): Candidate[] {
  const seen = new Set<string>();
  const out: (Candidate & { confident: boolean })[] = [];
  for (const row of rows) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    const reasons = matchReasons(f, row);
    const strong =
      reasons.includes("employee_number") ||
      reasons.includes("name") ||
      reasons.includes("kana") ||
      (reasons.includes("join_month") && reasons.includes("leave_month"));
    if (!strong) continue;
    const score = reasons.reduce((s, r) => s + WEIGHT[r], 0);
    out.push({ ...row, reasons, score, confident: confidentlyMatches(f, row) });
  }
  out.sort(
    (a, b) =>
      Number(b.confident) - Number(a.confident) ||
      b.score - a.score ||
      a.employeeNumber.localeCompare(b.employeeNumber),
  );
  return out.slice(0, max).map(({ confident: _, ...c }) => c);
}

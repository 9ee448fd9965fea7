// The matching rule of self-registration (在籍確認) against the roster. Pure functions: the SQL in
// queries.ts only fetches the rows that could possibly match; the decision is made here.
// Documented in docs/decisions/0002-registration-matching.md — change both together.
//
// Names are compared by key: nameKey (NFKC, lower case, no spaces or middle dots) and kanaKey
// (the same, katakana → hiragana). Employee numbers are compared after NFKC, trimming and upper
// case ("ａ００１ " = "A001"). Dates by year-month. Emails trimmed and in lower case.
//
// A row *confidently matches* a registration, under the network's registration policy, when
//   (a) the employee number is equal AND (the name key is equal OR the kana key is equal), or
//   (c) no employee number was given AND the registrant's verified email is the row's email AND
//       (the name key is equal OR the kana key is equal), or — only when the operators chose the
//       `lenient` policy —
//   (b) no employee number was given AND the name key is equal AND the join year-month AND the
//       leave year-month are both equal.
// Name and months are facts a former colleague knows, so `strict` (the default) sends (b) to the
// queue; the employee number and the mailbox the HR system recorded are not.
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
  email: string | null;
  linkedUserId: string | null;
};

export const REGISTRATION_POLICIES = ["strict", "lenient"] as const;
export type RegistrationPolicy = (typeof REGISTRATION_POLICIES)[number];
export const DEFAULT_REGISTRATION_POLICY: RegistrationPolicy = "strict";

/** What decides a match besides the form: the network's policy and the registrant's verified email. */
export type MatchPolicy = { policy: RegistrationPolicy; verifiedEmail: string | null };

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
export const emailKey = (s: string) => s.trim().toLowerCase();

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

/** Rule (a), (c) or — lenient — (b) above, for one row (ignoring whether the row is already linked). */
export function confidentlyMatches(f: RegistrationFacts, row: RosterRow, m: MatchPolicy): boolean {
  const r = new Set(matchReasons(f, row));
  const named = r.has("name") || r.has("kana");
  if (f.employeeNumber) return r.has("employee_number") && named;
  if (named && sameEmail(m.verifiedEmail, row.email)) return true;
  return m.policy === "lenient" && r.has("name") && r.has("join_month") && r.has("leave_month");
}

const sameEmail = (a: string | null, b: string | null) => !!a && !!b && emailKey(a) === emailKey(b);

/** The one row to link automatically, or null (→ the operators' queue). */
export function confidentMatch(f: RegistrationFacts, rows: RosterRow[], m: MatchPolicy): RosterRow | null {
  const hits = rows.filter((row) => confidentlyMatches(f, row, m));
  if (hits.length !== 1) return null;
  return hits[0].linkedUserId ? null : hits[0];
}

/**
 * Rows whose person the registration claims to be, whatever the policy decides: the name (or kana)
 * together with the employee number, both months or the email. Their roster address is told that
 * an account was registered in their name.
 */
export function claimedRows(f: RegistrationFacts, rows: RosterRow[], verifiedEmail: string | null) {
  return rows.filter((row) => {
    const r = new Set(matchReasons(f, row));
    if (!(r.has("name") || r.has("kana"))) return false;
    return (
      r.has("employee_number") ||
      (r.has("join_month") && r.has("leave_month")) ||
      sameEmail(verifiedEmail, row.email)
    );
  });
}

const RANKING: MatchPolicy = { policy: "lenient", verifiedEmail: null };

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
    // Ranked as the most permissive rule would see it: what the operator should look at first.
    out.push({ ...row, reasons, score, confident: confidentlyMatches(f, row, RANKING) });
  }
  out.sort(
    (a, b) =>
      Number(b.confident) - Number(a.confident) ||
      b.score - a.score ||
      a.employeeNumber.localeCompare(b.employeeNumber),
  );
  return out.slice(0, max).map(({ confident: _, ...c }) => c);
}

// The roster as a CSV file that the import takes back: the import template's columns (Japanese or
// English headers, both accepted by csv.ts), dates as 2015-04-01, then the columns the import
// ignores — the row's state, when it was invited, whether a member is linked. The list's search,
// state and order apply. Audited, since it takes HR data out of the network.

import iconv from "iconv-lite";
import { audit } from "../../server/audit.ts";
import { csvFile } from "../../server/csv-export.ts";
import { inTransaction, type Scope } from "../../server/scope.ts";
import { AppError } from "../../shared/errors.ts";
import { HEADER_NAMES, ROSTER_FIELDS, type RosterField } from "./messages.ts";
import { presentRosterEntry } from "./presenter.ts";
import { searchRoster } from "./queries.ts";
import type { RosterEntry, RosterExportQuery } from "./schemas.ts";

type Lang = "ja" | "en";

const STATUS_COLUMNS = {
  ja: {
    header: ["状態", "招待日", "メンバー登録"],
    state: { not_invited: "未招待", invited: "招待中", member: "メンバー" },
    yes: "済",
    no: "未",
  },
  en: {
    header: ["state", "invited_at", "member"],
    state: { not_invited: "not invited", invited: "invited", member: "member" },
    yes: "yes",
    no: "no",
  },
} as const;

const BATCH = 1000;
/** How many rows a Shift_JIS refusal names. */
const NAMED = 10;

const japanDate = (iso: string) => new Date(Date.parse(iso) + 9 * 3600_000).toISOString().slice(0, 10);

function record(e: RosterEntry, lang: Lang): string[] {
  const S = STATUS_COLUMNS[lang];
  return [
    ...ROSTER_FIELDS.map((f) => e[f] ?? ""),
    S.state[e.state],
    e.invitedAt && e.state !== "member" ? japanDate(e.invitedAt) : "",
    e.state === "member" ? S.yes : S.no,
  ];
}

const fitsShiftJis = (s: string) => iconv.decode(iconv.encode(s, "Shift_JIS"), "Shift_JIS") === s;

/**
 * Shift_JIS has no 𠮷, no emoji, no — (U+2014)…: iconv would write "?", and the file imported
 * back would overwrite those names. Such an export is refused, naming the rows, so that the
 * operator takes UTF-8 instead.
 */
function shiftJisProblems(entries: RosterEntry[]) {
  const rows: { employeeNumber: string; field: RosterField }[] = [];
  let total = 0;
  for (const e of entries) {
    const field = ROSTER_FIELDS.find((f) => !fitsShiftJis(e[f] ?? ""));
    if (!field) continue;
    total++;
    if (rows.length < NAMED) rows.push({ employeeNumber: e.employeeNumber, field });
  }
  return { rows, total };
}

export const notShiftJis = (p: ReturnType<typeof shiftJisProblems>) => {
  const first = p.rows[0]?.employeeNumber ?? "";
  return new AppError(
    422,
    "ROSTER_EXPORT_NOT_SHIFT_JIS",
    {
      ja: `${p.total.toLocaleString("ja-JP")} 行に Shift_JIS で表せない文字があります（社員番号「${first}」など）。Shift_JIS では「?」に置き換わり、取り込み直すと名簿が書き換わってしまいます。UTF-8 で書き出してください。`,
      en: `${p.total.toLocaleString("en-US")} row(s) contain characters that Shift_JIS cannot hold (employee number "${first}" and others). They would become "?" and overwrite the roster when imported back. Export as UTF-8 instead.`,
    },
    p,
  );
};

/** Every roster row matching the list's search and state, in the list's order. */
async function matchingEntries(scope: Scope, q: RosterExportQuery): Promise<RosterEntry[]> {
  const out: RosterEntry[] = [];
  let after: { key: string; id: string } | undefined;
  for (;;) {
    const r = await searchRoster(scope.db, scope.network.id, {
      q: q.q,
      state: q.status ?? q.state,
      sort: q.sort,
      after,
      limit: BATCH,
      count: false,
    });
    out.push(...r.rows.map(presentRosterEntry));
    const last = r.rows.at(-1);
    if (!r.more || !last) return out;
    after = { key: last.sortKey, id: last.id };
  }
}

export async function exportRoster(scope: Scope, q: RosterExportQuery, lang: Lang) {
  const entries = await matchingEntries(scope, q);
  if (q.encoding === "shift_jis") {
    const problems = shiftJisProblems(entries);
    if (problems.total > 0) throw notShiftJis(problems);
  }
  const header = [...ROSTER_FIELDS.map((f) => HEADER_NAMES[f][lang]), ...STATUS_COLUMNS[lang].header];
  const records = [header, ...entries.map((e) => record(e, lang))];
  await inTransaction(scope, ({ db: tx }) =>
    audit(tx, {
      networkId: scope.network.id,
      actor: scope.actor,
      action: "roster.exported",
      data: {
        rows: entries.length,
        encoding: q.encoding,
        filters: { q: q.q, status: q.status ?? q.state, sort: q.sort },
      },
    }),
  );
  // Kept as they are, so that the file imports back unchanged (the values come from HR files).
  return csvFile(records, q.encoding, "roster", scope.network.slug, { formulas: "keep" });
}

// A roster CSV as an HR system exports it (the columns the roster import reads), for import tests
// and benchmarks: `generate` people, then `rosterCsv(people.map((p) => p.roster))`.
import type { RosterRow } from "./alumni.ts";

const HEADER = ["社員番号", "氏名", "フリガナ", "入社日", "退職日", "最終所属", "メールアドレス"];

const cell = (v: string | null) => {
  const s = v ?? "";
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Dates as Excel writes them (2015/4/1) for every other row, ISO for the rest. */
const excelDate = (d: string) =>
  `${Number(d.slice(0, 4))}/${Number(d.slice(5, 7))}/${Number(d.slice(8, 10))}`;

export function rosterCsv(rows: RosterRow[], opts: { crlf?: boolean } = {}): string {
  const eol = opts.crlf === false ? "\n" : "\r\n";
  const lines = [HEADER.join(",")];
  rows.forEach((r, i) => {
    const date = i % 2 ? excelDate : (d: string) => d;
    lines.push(
      [r.employeeNumber, r.name, r.nameKana, date(r.joinDate), date(r.leaveDate), r.department, r.email]
        .map(cell)
        .join(","),
    );
  });
  return lines.join(eol) + eol;
}

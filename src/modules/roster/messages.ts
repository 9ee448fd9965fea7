// Every roster file error: a stable code and a sentence in Japanese and English.
import type { Messages } from "../../shared/errors.ts";

export const ROSTER_FIELDS = [
  "employeeNumber",
  "name",
  "nameKana",
  "joinDate",
  "leaveDate",
  "department",
  "email",
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];
export const REQUIRED_FIELDS: RosterField[] = ["employeeNumber", "name", "joinDate", "leaveDate"];

export const FIELD_LABELS: Record<RosterField, Messages> = {
  employeeNumber: { ja: "社員番号", en: "employee number" },
  name: { ja: "氏名", en: "name" },
  nameKana: { ja: "フリガナ", en: "name (kana)" },
  joinDate: { ja: "入社日", en: "join date" },
  leaveDate: { ja: "退職日", en: "leave date" },
  department: { ja: "最終所属", en: "department" },
  email: { ja: "メールアドレス", en: "email" },
};

export type RosterIssue = { line: number; field?: RosterField; code: string; messages: Messages };

/** The header name shown in messages for each field (the first accepted alias). */
export const HEADER_NAMES: Record<RosterField, Messages> = {
  employeeNumber: { ja: "社員番号", en: "employee_number" },
  name: { ja: "氏名", en: "name" },
  nameKana: { ja: "フリガナ", en: "name_kana" },
  joinDate: { ja: "入社日", en: "join_date" },
  leaveDate: { ja: "退職日", en: "leave_date" },
  department: { ja: "最終所属", en: "department" },
  email: { ja: "メールアドレス", en: "email" },
};

type P = { field?: RosterField; value?: string; lines?: number[]; max?: number; fields?: RosterField[] };
const q = (v?: string) => `「${v ?? ""}」`;
const qe = (v?: string) => `"${v ?? ""}"`;
const ja = (f?: RosterField) => (f ? FIELD_LABELS[f].ja : "");
const en = (f?: RosterField) => (f ? FIELD_LABELS[f].en : "");

const catalog: Record<string, (p: P) => Messages> = {
  EMPTY_FILE: () => ({
    ja: "ファイルが空です。見出し行とデータ行のある CSV ファイルを選んでください。",
    en: "The file is empty. Choose a CSV file with a header row and data rows.",
  }),
  NOT_CSV: () => ({
    ja: "CSV ファイルではありません。Excel の場合は「CSV（コンマ区切り）」または「CSV UTF-8」で保存し直してください。",
    en: "This is not a CSV file. In Excel, save it again as “CSV (Comma delimited)” or “CSV UTF-8”.",
  }),
  CSV_MALFORMED: () => ({
    ja: 'CSV の形式が正しくありません（引用符 " が閉じられていない可能性があります）。',
    en: 'The CSV is malformed (a quote " may not be closed).',
  }),
  HEADER_MISSING_COLUMN: ({ fields = [] }) => ({
    ja: `見出し行に必須の列がありません：${fields.map((f) => HEADER_NAMES[f].ja).join("、")}。1行目を「社員番号,氏名,入社日,退職日,…」のような見出し行にしてください。`,
    en: `The header row lacks required columns: ${fields.map((f) => HEADER_NAMES[f].en).join(", ")}. The first row must be a header such as "employee_number,name,join_date,leave_date,…".`,
  }),
  HEADER_DUPLICATE_COLUMN: ({ field }) => ({
    ja: `見出しに「${ja(field)}」の列が複数あります。1列にしてください。`,
    en: `The header has more than one "${en(field)}" column. Keep only one.`,
  }),
  NO_ROWS: () => ({
    ja: "データ行がありません。2行目以降に退職者の情報を入力してください。",
    en: "There are no data rows. Put one former employee per row after the header.",
  }),
  TOO_MANY_ROWS: ({ max }) => ({
    ja: `行数が多すぎます（上限 ${max?.toLocaleString("ja-JP")} 行）。ファイルを分けて取り込んでください。`,
    en: `Too many rows (at most ${max?.toLocaleString("en-US")}). Split the file and import the parts.`,
  }),
  TOO_MANY_COLUMNS: () => ({
    ja: '見出し行より列が多くなっています。値の中のコンマは " で囲んでください。',
    en: 'This row has more columns than the header. Put values containing commas in quotes (").',
  }),
  REQUIRED: ({ field }) => ({
    ja: `${ja(field)}が入力されていません。`,
    en: `The ${en(field)} is missing.`,
  }),
  TOO_LONG: ({ field, max }) => ({
    ja: `${ja(field)}が長すぎます（${max}文字まで）。`,
    en: `The ${en(field)} is too long (at most ${max} characters).`,
  }),
  DATE_FORMAT: ({ field, value }) => ({
    ja: `${ja(field)}${q(value)}を日付として読めません。2015/4/1、2015-04-01、20150401、2015年4月1日 などの形式にしてください。`,
    en: `The ${en(field)} ${qe(value)} is not a date. Use a format like 2015/4/1, 2015-04-01, 20150401 or 2015年4月1日.`,
  }),
  DATE_NONEXISTENT: ({ field, value }) => ({
    ja: `${ja(field)}${q(value)}は存在しない日付です。`,
    en: `The ${en(field)} ${qe(value)} does not exist in the calendar.`,
  }),
  DATE_OUT_OF_RANGE: ({ field, value }) => ({
    ja: `${ja(field)}${q(value)}は範囲外です（1900年以降の日付にしてください）。`,
    en: `The ${en(field)} ${qe(value)} is out of range (use a date from 1900 on).`,
  }),
  LEAVE_BEFORE_JOIN: () => ({
    ja: "退職日が入社日より前になっています。",
    en: "The leave date is before the join date.",
  }),
  DATE_IN_FUTURE: ({ field, value }) => ({
    ja: `${ja(field)}${q(value)}が未来の日付です。退職済みの方のみ取り込めます。`,
    en: `The ${en(field)} ${qe(value)} is in the future. Only people who have already left can be imported.`,
  }),
  EMAIL_FORMAT: ({ value }) => ({
    ja: `メールアドレス${q(value)}の形式が正しくありません。`,
    en: `The email ${qe(value)} is not a valid address.`,
  }),
  DUPLICATE_EMPLOYEE_NUMBER: ({ value, lines }) => ({
    ja: `社員番号${q(value)}がファイル内で重複しています（${(lines ?? []).join("、")}行目）。`,
    en: `The employee number ${qe(value)} appears more than once in the file (lines ${(lines ?? []).join(", ")}).`,
  }),
};

export function issue(line: number, code: string, p: P = {}): RosterIssue {
  const make = catalog[code];
  if (!make) throw new Error(`unknown roster error code ${code}`);
  return { line, ...(p.field ? { field: p.field } : {}), code, messages: make(p) };
}

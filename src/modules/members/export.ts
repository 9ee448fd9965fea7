// The members list as a CSV file that Excel opens as it is: UTF-8 with a BOM (the default), or
// Shift_JIS for older Excel and HR systems (server/csv-export.ts). The same rows and the same
// hidden fields as the list (presenter.ts); each export is audited, since it takes personal data
// out of the network. Segments export their members with the same columns (memberCsvRecords).
import { audit } from "../../server/audit.ts";
import { csvFile } from "../../server/csv-export.ts";
import { inTransaction, type Scope } from "../../server/scope.ts";
import { presentMember } from "./presenter.ts";
import { type ListCursor, type ListFilters, listMembers, type MemberRow } from "./queries.ts";
import type { MemberExportQuery, MemberItem } from "./schemas.ts";
import { listFilters } from "./service.ts";

const LABELS = {
  ja: {
    header: [
      "氏名",
      "表示名",
      "メールアドレス",
      "役割",
      "状態",
      "入社年月",
      "退職年月",
      "確認方法",
      "確認日時",
      "最終利用",
      "登録日時",
    ],
    role: { operator: "運営", employee: "社員", alumni: "アルムナイ" },
    status: { active: "利用中", suspended: "利用停止" },
  },
  en: {
    header: [
      "Name",
      "Display name",
      "Email",
      "Role",
      "Status",
      "Joined",
      "Left",
      "Verified by",
      "Verified at",
      "Last active",
      "Member since",
    ],
    role: { operator: "Operator", employee: "Employee", alumni: "Alumni" },
    status: { active: "Active", suspended: "Suspended" },
  },
} as const;

type Lang = "ja" | "en";
const BATCH = 1000;

function record(m: MemberItem, lang: Lang): string[] {
  const L = LABELS[lang];
  return [
    m.name,
    m.displayName ?? "",
    m.email,
    L.role[m.role] ?? m.role,
    L.status[m.status] ?? m.status,
    m.joinYm ?? "",
    m.leaveYm ?? "",
    m.verifiedVia ?? "",
    m.verifiedAt ?? "",
    m.lastActiveAt ?? "",
    m.createdAt,
  ];
}

/** Every member matching `filters`, newest first (read 1,000 at a time). */
async function allMembers(scope: Scope, filters: ListFilters): Promise<MemberRow[]> {
  const out: MemberRow[] = [];
  let cursor: ListCursor | undefined;
  for (;;) {
    const rows = await listMembers(scope.db, filters, cursor, BATCH);
    out.push(...rows.slice(0, BATCH));
    if (rows.length <= BATCH) return out;
    const last = rows[BATCH - 1];
    cursor = { createdAt: last.createdAtKey, id: last.id };
  }
}

/**
 * The members export's records (header first) for the active members among `userIds`, newest
 * first, with the list's hidden fields: what a segment exports of its members.
 */
export async function memberCsvRecords(scope: Scope, userIds: string[], lang: Lang): Promise<string[][]> {
  const rows: MemberRow[] = [];
  for (let i = 0; i < userIds.length; i += BATCH) {
    const batch = userIds.slice(i, i + BATCH);
    rows.push(
      ...(await allMembers(scope, { networkId: scope.network.id, status: "active", userIds: batch })),
    );
  }
  rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
  return [[...LABELS[lang].header], ...rows.map((r) => record(presentMember(r), lang))];
}

/** The file's bytes and name; `lang` sets the headers and labels. */
export async function exportMembers(scope: Scope, q: MemberExportQuery, lang: Lang) {
  const rows = await allMembers(scope, listFilters(scope, q));
  const records = [[...LABELS[lang].header], ...rows.map((r) => record(presentMember(r), lang))];
  await inTransaction(scope, ({ db: tx }) =>
    audit(tx, {
      networkId: scope.network.id,
      actor: scope.actor,
      action: "members.exported",
      data: {
        rows: records.length - 1,
        encoding: q.encoding,
        filters: { q: q.q, role: q.role, status: q.status },
      },
    }),
  );
  return csvFile(records, q.encoding, "members", scope.network.slug);
}

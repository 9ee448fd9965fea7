// The members list as a CSV file that Excel opens as it is: UTF-8 with a BOM (the default), or
// Shift_JIS for older Excel and HR systems. The same rows and the same hidden fields as the list
// (presenter.ts); each export is audited, since it takes personal data out of the network.
import { stringify } from "csv-stringify/sync";
import iconv from "iconv-lite";
import { audit } from "../../server/audit.ts";
import { inTransaction, type Scope } from "../../server/scope.ts";
import { presentMember } from "./presenter.ts";
import { type ListCursor, listMembers } from "./queries.ts";
import type { MemberExportQuery } from "./schemas.ts";
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

const BATCH = 1000;

/** The file's bytes and name; `lang` sets the headers and labels. */
export async function exportMembers(scope: Scope, q: MemberExportQuery, lang: "ja" | "en") {
  const filters = listFilters(scope, q);
  const L = LABELS[lang];
  const records: string[][] = [[...L.header]];
  let cursor: ListCursor | undefined;
  for (;;) {
    const rows = await listMembers(scope.db, filters, cursor, BATCH);
    for (const r of rows.slice(0, BATCH)) {
      const m = presentMember(r);
      records.push([
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
      ]);
    }
    if (rows.length <= BATCH) break;
    const last = rows[BATCH - 1];
    cursor = { createdAt: last.createdAtKey, id: last.id };
  }
  const text = stringify(records, { record_delimiter: "\r\n" });
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
  const body =
    q.encoding === "shift_jis" ? iconv.encode(text, "Shift_JIS") : Buffer.from(`\uFEFF${text}`, "utf8");
  const date = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
  return {
    body,
    filename: `members-${scope.network.slug}-${date}.csv`,
    charset: q.encoding === "shift_jis" ? "Shift_JIS" : "utf-8",
  };
}

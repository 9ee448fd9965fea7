// The audit log as operators read it: who did what, when and why, newest first, filtered by action
// (or a family of actions, "moderation.*") and by days (Japan time), paged by keyset.
import { sql } from "drizzle-orm";
import type { MemberScope } from "../../server/scope.ts";
import { decodeKeyset, encodeKeyset } from "../../shared/keyset.ts";
import type { AuditQuery } from "./schemas.ts";

type Row = {
  id: string;
  action: string;
  actorUserId: string | null;
  actorLabel: string | null;
  actorName: string | null;
  targetType: string | null;
  targetId: string | null;
  data: Record<string, unknown> | null;
  createdAt: string | Date;
  at: string;
};

const jstStart = (day: string) => `${day}T00:00:00+09:00`;
const nextDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

export async function auditEntries(scope: MemberScope, q: AuditQuery) {
  const networkId = scope.network.id;
  const cursor = decodeKeyset(q.cursor);
  const action = q.action?.trim();
  const family = action?.endsWith(".*") ? action.slice(0, -1) : null;
  const res = await scope.db.execute(sql`
    select a.id, a.action, a.actor_user_id as "actorUserId", a.actor_label as "actorLabel",
           coalesce(p.display_name, u.name) as "actorName", a.target_type as "targetType",
           a.target_id as "targetId", a.data, a.created_at as "createdAt", a.created_at::text as at
      from audit_log a
      left join "user" u on u.id = a.actor_user_id
      left join profile p on p.network_id = a.network_id and p.user_id = a.actor_user_id
     where a.network_id = ${networkId}
       ${family ? sql`and starts_with(a.action, ${family})` : action ? sql`and a.action = ${action}` : sql``}
       ${q.from ? sql`and a.created_at >= ${jstStart(q.from)}::timestamptz` : sql``}
       ${q.to ? sql`and a.created_at < ${jstStart(nextDay(q.to))}::timestamptz` : sql``}
       ${cursor ? sql`and (a.created_at, a.id) < (${cursor.at}::timestamptz, ${cursor.id})` : sql``}
     order by a.created_at desc, a.id desc
     limit ${q.limit + 1}`);
  const rows = res.rows as Row[];
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const actions = await scope.db.execute(
    sql`select distinct action from audit_log where network_id = ${networkId} order by action limit 200`,
  );
  return {
    items: page.map((r) => ({
      id: r.id,
      action: r.action,
      actor: { userId: r.actorUserId, name: r.actorName ?? r.actorLabel ?? "system" },
      targetType: r.targetType,
      targetId: r.targetId,
      reason: typeof r.data?.reason === "string" ? r.data.reason : null,
      data: r.data,
      createdAt: new Date(r.createdAt).toISOString(),
    })),
    nextCursor: rows.length > q.limit && last ? encodeKeyset({ at: last.at, id: last.id }) : null,
    actions: (actions.rows as { action: string }[]).map((a) => a.action),
  };
}

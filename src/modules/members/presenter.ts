import type { MemberRow } from "./queries.ts";
import type { MemberItem } from "./schemas.ts";

/** The operators' list: a field the member keeps to themselves ("only me") is not shown. */
export function presentMember(r: MemberRow): MemberItem {
  const hidden = (field: "joinYm" | "leaveYm") => r.visibility?.[field] === "private";
  return {
    userId: r.userId,
    name: r.name,
    displayName: r.displayName ?? null,
    email: r.email,
    role: r.role as MemberItem["role"],
    status: r.status as MemberItem["status"],
    joinYm: hidden("joinYm") ? null : (r.joinYm ?? null),
    leaveYm: hidden("leaveYm") ? null : (r.leaveYm ?? null),
    verifiedVia: r.verifiedVia,
    verifiedAt: r.verifiedAt ? r.verifiedAt.toISOString() : null,
    lastActiveAt: r.lastActiveAt ? r.lastActiveAt.toISOString() : null,
    supporterAt: r.supporterAt ? r.supporterAt.toISOString() : null,
    createdAt: r.createdAt.toISOString(),
  };
}

import type { MemberRow } from "./queries.ts";
import type { MemberItem } from "./schemas.ts";

export function presentMember(r: MemberRow): MemberItem {
  return {
    userId: r.userId,
    name: r.name,
    displayName: r.displayName ?? null,
    email: r.email,
    role: r.role as MemberItem["role"],
    status: r.status as MemberItem["status"],
    joinYm: r.joinYm ?? null,
    leaveYm: r.leaveYm ?? null,
    verifiedVia: r.verifiedVia,
    verifiedAt: r.verifiedAt ? r.verifiedAt.toISOString() : null,
    lastActiveAt: r.lastActiveAt ? r.lastActiveAt.toISOString() : null,
    createdAt: r.createdAt.toISOString(),
  };
}

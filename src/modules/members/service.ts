// Member administration by operators: the list, role changes, suspension and reinstatement.
import { audit } from "../../server/audit.ts";
import { inTransaction, type Scope } from "../../server/scope.ts";
import { AppError, errors } from "../../shared/errors.ts";
import { nameKey } from "../../shared/text.ts";
import {
  countMembers,
  findMember,
  type ListCursor,
  type ListFilters,
  listMembers,
  lockActiveOperators,
  updateMember,
} from "./queries.ts";
import type { MemberListQuery, MemberPatch } from "./schemas.ts";

const memberNotFound = () => errors.notFound({ ja: "メンバー", en: "member" });

const TS_KEY = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

export function encodeCursor(c: ListCursor): string {
  return Buffer.from(JSON.stringify([c.createdAt, c.id])).toString("base64url");
}

export function decodeCursor(s: string): ListCursor {
  try {
    const v = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    if (Array.isArray(v) && typeof v[0] === "string" && TS_KEY.test(v[0]) && typeof v[1] === "string") {
      return { createdAt: v[0], id: v[1] };
    }
  } catch {}
  throw errors.invalidCursor();
}

/** The list's filters in the form the queries take: `q` as a name key (width, case, spaces, variant kanji). */
export function listFilters(scope: Scope, q: Pick<MemberListQuery, "q" | "role" | "status">): ListFilters {
  return {
    networkId: scope.network.id,
    q: q.q ? nameKey(q.q) || undefined : undefined,
    role: q.role,
    status: q.status,
  };
}

export async function memberList(scope: Scope, q: MemberListQuery) {
  const filters = listFilters(scope, q);
  const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;
  const [rows, total] = await Promise.all([
    listMembers(scope.db, filters, cursor, q.limit),
    countMembers(scope.db, filters),
  ]);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > q.limit && last ? encodeCursor({ createdAt: last.createdAtKey, id: last.id }) : null;
  return { rows: page, total, nextCursor };
}

export const memberErrors = {
  selfChange: () =>
    errors.conflict("MEMBER_SELF_CHANGE", {
      ja: "自分自身の役割の変更や利用停止はできません。別の運営者に依頼してください。",
      en: "You cannot change your own role or suspend yourself. Ask another operator.",
    }),
  supporterAlumniOnly: () =>
    new AppError(422, "MEMBER_SUPPORTER_ALUMNI_ONLY", {
      ja: "アルムナイサポーターにできるのはアルムナイ（卒業生）のメンバーだけです。",
      en: "Only alumni members can be named alumni supporters.",
    }),
  lastOperator: () =>
    errors.conflict("LAST_OPERATOR", {
      ja: "このネットワークの最後の運営者は、役割の変更や利用停止ができません。先に別の運営者を任命してください。",
      en: "The last operator of this network cannot be demoted or suspended. Appoint another operator first.",
    }),
};

/**
 * Changes a member's role and/or status. Nobody changes themselves, and the network always keeps at
 * least one active operator. Suspension takes effect on the member's next request (the guards read
 * the status every time).
 */
export async function changeMember(scope: Scope, targetUserId: string, patch: MemberPatch) {
  const { actor } = scope;
  const networkId = scope.network.id;
  return inTransaction(scope, async ({ db: tx }) => {
    const operators = await lockActiveOperators(tx, networkId);
    const target = await findMember(tx, networkId, targetUserId);
    if (!target) throw memberNotFound();
    if (actor.userId === targetUserId && (patch.role !== undefined || patch.status !== undefined))
      throw memberErrors.selfChange();
    const role = patch.role ?? target.role;
    const status = patch.status ?? target.status;
    const losesOperator = operators.includes(targetUserId) && (role !== "operator" || status !== "active");
    if (losesOperator && operators.length <= 1) throw memberErrors.lastOperator();

    const base = { networkId, actor, targetType: "member", targetId: targetUserId };
    if (role !== target.role) {
      await updateMember(tx, networkId, targetUserId, { role });
      await audit(tx, { ...base, action: "member.role_change", data: { from: target.role, to: role } });
    }
    if (status !== target.status) {
      await updateMember(tx, networkId, targetUserId, { status });
      await audit(tx, { ...base, action: status === "suspended" ? "member.suspend" : "member.reinstate" });
    }
    if (patch.supporter !== undefined && patch.supporter !== (target.supporterAt !== null)) {
      if (patch.supporter && role !== "alumni") throw memberErrors.supporterAlumniOnly();
      await updateMember(tx, networkId, targetUserId, {
        supporterAt: patch.supporter ? new Date() : null,
        supporterBy: patch.supporter ? actor.userId : null,
      });
      await audit(tx, {
        ...base,
        action: patch.supporter ? "member.supporter_add" : "member.supporter_remove",
      });
    }
    return (await findMember(tx, networkId, targetUserId))!;
  });
}

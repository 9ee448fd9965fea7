// Groups (rooms, グループ): operators create open, closed and secret groups; members join an open
// group at once and ask to join a closed one (an operator or a group admin decides, the member is
// notified); a secret group is by invitation and does not exist for anyone outside it. A group's
// posts are feed posts with audience 'group' (the feed's visibleTo lets its active members see
// them). Alumni supporters (アルムナイサポーター), named by operators, may be group admins and see
// who joined the network lately to welcome them.
import { randomUUID } from "node:crypto";
import { audit } from "../../server/audit.ts";
import { record } from "../../server/events.ts";
import { authorize, can } from "../../server/policy.ts";
import { inTransaction, type MemberScope, type Scope } from "../../server/scope.ts";
import { AppError, errors } from "../../shared/errors.ts";
import { foldKana } from "../../shared/text.ts";
import { notify, setThreadLevel, settleNotifications, threadLevel } from "../notifications/index.ts";
import {
  fieldVisibleTo,
  listedToMembers,
  memberProfiles,
  photoUrl,
  profileOpenTo,
  viewerKind,
  visibilityOf,
} from "../profiles/index.ts";
import { type GroupAccess, groupsPolicy, supportersPolicy } from "./policy.ts";
import {
  activeGroupIds,
  decidersOf,
  deleteMembership,
  findGroup,
  forgetGroupNotifications,
  type GroupRow,
  groupNameTaken,
  insertGroup,
  joinedSince,
  listGroups,
  memberFacts,
  membershipOf,
  membersOf,
  putMembership,
  setGroupRole,
  updateGroup,
} from "./queries.ts";
import type { GroupInput, GroupOut, GroupPatch } from "./schemas.ts";

export const groupNotFound = () => errors.notFound({ ja: "グループ", en: "group" });
const nameTaken = () =>
  errors.conflict("GROUP_NAME_TAKEN", {
    ja: "同じ名前のグループがすでにあります。別の名前にしてください。",
    en: "A group with this name already exists. Please choose another name.",
  });
const archivedError = () =>
  errors.conflict("GROUP_ARCHIVED", {
    ja: "このグループはアーカイブされています。参加や投稿はできません。",
    en: "This group is archived: it can no longer be joined or posted to.",
  });
const requestNotFound = () => errors.notFound({ ja: "参加申請", en: "join request" });
const personNotFound = () =>
  new AppError(422, "GROUP_MEMBER_NOT_FOUND", {
    ja: "そのメンバーが見つかりません。ネットワークのメンバーから選んでください。",
    en: "That member was not found. Please choose a member of the network.",
  });
const notInGroup = () =>
  new AppError(422, "GROUP_NOT_A_MEMBER", {
    ja: "このグループのメンバーではありません。先にグループに招待してください。",
    en: "They are not a member of this group. Invite them first.",
  });
const notEligible = () =>
  new AppError(422, "GROUP_ADMIN_NOT_ELIGIBLE", {
    ja: "グループ管理者にできるのは社員・運営者・アルムナイサポーターだけです。",
    en: "Only employees, operators and alumni supporters can be group admins.",
  });
const adminRemoval = () =>
  new AppError(403, "GROUP_ADMIN_REMOVAL_OPERATORS_ONLY", {
    ja: "グループ管理者を外せるのは運営者だけです。",
    en: "Only operators can remove a group admin.",
  });

const isOperator = (s: Scope) => s.member?.role === "operator";

export function accessOf(g: GroupRow): GroupAccess {
  return {
    kind: g.kind,
    archived: g.archivedAt !== null,
    myStatus: g.myStatus === "active" ? "member" : g.myStatus === "requested" ? "requested" : "none",
    myRole: g.myStatus === "active" ? g.myRole : null,
  };
}

function presentGroup(scope: MemberScope, g: GroupRow): GroupOut {
  const a = accessOf(g);
  const moderate = can(scope, groupsPolicy.moderate, a);
  return {
    id: g.id,
    name: g.name,
    description: g.description,
    kind: g.kind,
    archived: a.archived,
    memberCount: g.memberCount,
    myStatus: a.myStatus,
    myRole: a.myRole,
    pendingRequests: moderate ? g.pendingRequests : 0,
    can: {
      read: can(scope, groupsPolicy.read, a),
      post: can(scope, groupsPolicy.post, a),
      join: !a.archived && a.myStatus === "none" && g.kind === "open",
      request: !a.archived && a.myStatus === "none" && g.kind === "closed",
      leave: a.myStatus !== "none",
      moderate,
      manage: can(scope, groupsPolicy.manage),
    },
    createdAt: g.createdAt.toISOString(),
  };
}

/** The group, if the viewer may know it exists (404 otherwise, whatever the reason). */
async function visibleGroup(scope: MemberScope, id: string): Promise<GroupRow> {
  const g = await findGroup(scope.db, scope.network.id, id, scope.member.userId);
  if (!g || !can(scope, groupsPolicy.see, accessOf(g))) throw groupNotFound();
  return g;
}

/** Text as the group search compares it: NFKC (full/half width), lower case, katakana as hiragana. */
const searchKey = (s: string) => foldKana(s.normalize("NFKC").toLowerCase()).replace(/\s+/g, " ").trim();

/**
 * The groups the member may see (a secret one only to its members and operators), by name; with
 * `q`, those whose name or description contains it. A network has at most a few hundred groups:
 * they are filtered here, after the rule that decides which the member may see.
 */
export async function listMyGroups(scope: MemberScope, q: { archived?: "true" | "false"; q?: string }) {
  const rows = await listGroups(scope.db, scope.network.id, scope.member.userId, q.archived === "true");
  const words = searchKey(q.q ?? "")
    .split(" ")
    .filter(Boolean);
  const matches = (g: GroupRow) => {
    const hay = searchKey(`${g.name} ${g.description}`);
    return words.every((w) => hay.includes(w));
  };
  return {
    items: rows
      .filter((g) => can(scope, groupsPolicy.see, accessOf(g)) && matches(g))
      .map((g) => presentGroup(scope, g)),
  };
}

export async function getGroup(scope: MemberScope, id: string) {
  return presentGroup(scope, await visibleGroup(scope, id));
}

export async function createGroup(scope: MemberScope, input: GroupInput) {
  const id = randomUUID();
  await inTransaction(scope, async (tx) => {
    const created = await insertGroup(tx.db, {
      id,
      networkId: tx.network.id,
      name: input.name,
      description: input.description,
      kind: input.kind,
      createdBy: tx.member.userId,
    });
    if (!created) throw nameTaken();
    await audit(tx.db, {
      networkId: tx.network.id,
      actor: tx.actor,
      action: "group.create",
      targetType: "group",
      targetId: id,
      data: { name: input.name, kind: input.kind },
    });
  });
  return getGroup(scope, id);
}

export async function editGroup(scope: MemberScope, id: string, patch: GroupPatch) {
  await inTransaction(scope, async (tx) => {
    const g = await visibleGroup(tx, id);
    if (patch.name !== undefined && (await groupNameTaken(tx.db, tx.network.id, patch.name, id)))
      throw nameTaken();
    const archivedAt =
      patch.archived === undefined ? undefined : patch.archived ? (g.archivedAt ?? new Date()) : null;
    await updateGroup(tx.db, tx.network.id, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(archivedAt !== undefined ? { archivedAt } : {}),
    });
    const base = { networkId: tx.network.id, actor: tx.actor, targetType: "group", targetId: id };
    const changed = Object.fromEntries(
      (["name", "description", "kind"] as const)
        .filter((k) => patch[k] !== undefined && patch[k] !== g[k])
        .map((k) => [k, { from: g[k], to: patch[k] }]),
    );
    if (Object.keys(changed).length) await audit(tx.db, { ...base, action: "group.update", data: changed });
    if (changed.name) await record(tx.db, { type: "group.renamed", networkId: tx.network.id, groupId: id });
    if (patch.archived !== undefined && patch.archived !== (g.archivedAt !== null)) {
      await audit(tx.db, { ...base, action: patch.archived ? "group.archive" : "group.restore" });
    }
  });
  return getGroup(scope, id);
}

/**
 * Joins an open group at once, or asks to join a closed one (a secret group is not found); a
 * request tells who may decide it (group.join_requested, in the request's transaction).
 */
/** The key of the notification telling the deciders of a request to join (one per request). */
export const joinRequestKey = (groupId: string, userId: string, requestedAt: Date | string | null) =>
  `group-join:${groupId}:${userId}:${requestedAt === null ? 0 : new Date(requestedAt).getTime()}`;

export async function joinGroup(scope: MemberScope, id: string) {
  await inTransaction(scope, async (tx) => {
    const g = await visibleGroup(tx, id);
    const a = accessOf(g);
    if (a.myStatus !== "none") return;
    if (a.archived) throw archivedError();
    if (g.kind === "secret" && !isOperator(tx)) throw groupNotFound();
    // Operators may enter any group directly; members join an open one and ask for a closed one.
    const status = g.kind === "closed" && !isOperator(tx) ? "requested" : "active";
    await putMembership(tx.db, {
      networkId: tx.network.id,
      groupId: id,
      userId: tx.member.userId,
      status,
      addedBy: null,
    });
    if (status !== "requested") return;
    const m = await membershipOf(tx.db, tx.network.id, id, tx.member.userId);
    const [me] = await memberProfiles(tx.db, tx.network.id, [tx.member.userId]);
    await record(
      tx.db,
      {
        type: "group.join_requested",
        network: networkRef(tx),
        groupId: id,
        groupName: g.name,
        userId: tx.member.userId,
        userName: me?.displayName ?? me?.userName ?? tx.user.name,
        requestedAt: (m?.requestedAt ?? new Date()).toISOString(),
        deciders: (await decidersOf(tx.db, tx.network.id, id)).filter((u) => u !== tx.member.userId),
      },
      undefined,
      tx.ctx,
    );
  });
  return getGroup(scope, id);
}

/** Leaves the group (or takes one's request back): its posts are no longer theirs to see. */
export async function leaveGroup(scope: MemberScope, id: string) {
  await inTransaction(scope, async (tx) => {
    await visibleGroup(tx, id);
    await deleteMembership(tx.db, tx.network.id, id, tx.member.userId);
    await forgetGroupNotifications(tx.db, tx.network.id, id, tx.member.userId);
  });
}

type ProfileRow = Awaited<ReturnType<typeof memberProfiles>>[number];

function presentPerson(scope: MemberScope, p: ProfileRow | undefined, userId: string) {
  if (!p)
    return { userId, name: "—", photoUrl: null, role: "alumni" as const, supporter: false, profile: false };
  const kind = viewerKind(scope.member, p.userId);
  const visibility = p.visibility as Record<string, unknown> | null;
  return {
    userId,
    name: p.displayName ?? p.userName,
    photoUrl: fieldVisibleTo(visibilityOf(visibility, "photo"), kind)
      ? photoUrl(scope.network.slug, p.userId, p.photoPath)
      : null,
    role: p.role as "operator" | "employee" | "alumni",
    supporter: p.supporter,
    profile: p.hasProfile && profileOpenTo(kind, p),
  };
}

/** The members' profiles by user id. */
async function profilesById(scope: MemberScope, userIds: string[]) {
  return new Map((await memberProfiles(scope.db, scope.network.id, userIds)).map((p) => [p.userId, p]));
}

const mayBeAdmin = (p: { role: string; supporter: boolean }) => p.role !== "alumni" || p.supporter;

export async function groupMembers(scope: MemberScope, id: string) {
  const g = await visibleGroup(scope, id);
  authorize(scope, groupsPolicy.members, accessOf(g));
  const rows = await membersOf(scope.db, scope.network.id, id, "active");
  const people = await profilesById(
    scope,
    rows.map((r) => r.userId),
  );
  return {
    items: rows.map((r) => {
      const p = people.get(r.userId);
      return {
        ...presentPerson(scope, p, r.userId),
        groupRole: r.role,
        joinedAt: r.joinedAt?.toISOString() ?? null,
        canBeAdmin: !!p && mayBeAdmin(p),
      };
    }),
  };
}

export async function groupRequests(scope: MemberScope, id: string) {
  const g = await visibleGroup(scope, id);
  authorize(scope, groupsPolicy.moderate, accessOf(g));
  const rows = await membersOf(scope.db, scope.network.id, id, "requested");
  const people = await profilesById(
    scope,
    rows.map((r) => r.userId),
  );
  return {
    items: rows.map((r) => ({
      ...presentPerson(scope, people.get(r.userId), r.userId),
      requestedAt: r.requestedAt?.toISOString() ?? null,
    })),
  };
}

const networkRef = (scope: Scope) => ({
  id: scope.network.id,
  slug: scope.network.slug,
  name: scope.network.name,
});

async function moderated(tx: MemberScope, id: string) {
  const g = await visibleGroup(tx, id);
  authorize(tx, groupsPolicy.moderate, accessOf(g));
  return g;
}

/** Approves or declines a request to join; the member is notified either way (group_request). */
export async function decideRequest(scope: MemberScope, id: string, userId: string, approve: boolean) {
  await inTransaction(scope, async (tx) => {
    const g = await moderated(tx, id);
    const m = await membershipOf(tx.db, tx.network.id, id, userId);
    if (m?.status !== "requested") throw requestNotFound();
    if (approve) {
      await putMembership(tx.db, {
        networkId: tx.network.id,
        groupId: id,
        userId,
        status: "active",
        addedBy: tx.member.userId,
      });
    } else {
      await deleteMembership(tx.db, tx.network.id, id, userId);
    }
    await audit(tx.db, {
      networkId: tx.network.id,
      actor: tx.actor,
      action: approve ? "group.request_approve" : "group.request_decline",
      targetType: "group",
      targetId: id,
      data: { userId, group: g.name },
    });
    // The other deciders' 「参加リクエスト」 is settled: read for everyone.
    await settleNotifications(tx.db, tx.network.id, joinRequestKey(id, userId, m.requestedAt));
    await notify(tx.ctx, tx.db, {
      network: networkRef(tx),
      kind: "group_request",
      userIds: [userId],
      key: `group-request:${id}:${userId}:${m.requestedAt?.getTime() ?? 0}`,
      subject: `group:${id}`,
      actorId: tx.member.userId,
      data: { groupId: id, title: g.name, decision: approve ? "approved" : "declined" },
    });
  });
}

/** Adds a member of the network to the group (secret groups: the only way in); they are notified. */
export async function inviteToGroup(scope: MemberScope, id: string, userId: string) {
  await inTransaction(scope, async (tx) => {
    const g = await moderated(tx, id);
    if (g.archivedAt) throw archivedError();
    const target = await memberFacts(tx.db, tx.network.id, userId);
    if (target?.status !== "active") throw personNotFound();
    const m = await membershipOf(tx.db, tx.network.id, id, userId);
    if (m?.status === "active") return;
    await putMembership(tx.db, {
      networkId: tx.network.id,
      groupId: id,
      userId,
      status: "active",
      addedBy: tx.member.userId,
    });
    await audit(tx.db, {
      networkId: tx.network.id,
      actor: tx.actor,
      action: "group.invite",
      targetType: "group",
      targetId: id,
      data: { userId, group: g.name },
    });
    await notify(tx.ctx, tx.db, {
      network: networkRef(tx),
      kind: "group_request",
      userIds: [userId],
      key: `group-invite:${id}:${userId}:${Date.now()}`,
      subject: `group:${id}`,
      actorId: tx.member.userId,
      data: { groupId: id, title: g.name, decision: "invited" },
    });
  });
  return groupMembers(scope, id);
}

export async function removeFromGroup(scope: MemberScope, id: string, userId: string) {
  await inTransaction(scope, async (tx) => {
    const g = await moderated(tx, id);
    const m = await membershipOf(tx.db, tx.network.id, id, userId);
    if (m?.status !== "active") throw notInGroup();
    if (m.role === "admin" && !isOperator(tx) && userId !== tx.member.userId) throw adminRemoval();
    await deleteMembership(tx.db, tx.network.id, id, userId);
    await forgetGroupNotifications(tx.db, tx.network.id, id, userId);
    await audit(tx.db, {
      networkId: tx.network.id,
      actor: tx.actor,
      action: "group.remove_member",
      targetType: "group",
      targetId: id,
      data: { userId, group: g.name },
    });
  });
}

/** Appoints or removes a group admin (operators): employees, operators and supporters only. */
export async function setGroupAdmin(scope: MemberScope, id: string, userId: string, admin: boolean) {
  await inTransaction(scope, async (tx) => {
    const g = await visibleGroup(tx, id);
    const m = await membershipOf(tx.db, tx.network.id, id, userId);
    if (m?.status !== "active") throw notInGroup();
    if ((m.role === "admin") === admin) return;
    if (admin) {
      const facts = await memberFacts(tx.db, tx.network.id, userId);
      if (!facts || !mayBeAdmin(facts)) throw notEligible();
    }
    await setGroupRole(tx.db, tx.network.id, id, userId, admin ? "admin" : "member");
    await audit(tx.db, {
      networkId: tx.network.id,
      actor: tx.actor,
      action: admin ? "group.admin_appoint" : "group.admin_remove",
      targetType: "group",
      targetId: id,
      data: { userId, group: g.name },
    });
  });
  return groupMembers(scope, id);
}

export async function groupWatch(scope: MemberScope, id: string) {
  const g = await visibleGroup(scope, id);
  authorize(scope, groupsPolicy.read, accessOf(g));
  return { level: await threadLevel(scope, "group", id) };
}

export async function setGroupWatch(scope: MemberScope, id: string, level: "watch" | "normal" | "mute") {
  const g = await visibleGroup(scope, id);
  authorize(scope, groupsPolicy.read, accessOf(g));
  return setThreadLevel(scope, "group", id, level);
}

// --- Supporters ---------------------------------------------------------------------------------

export const NEWCOMER_DAYS = 30;

/** Who joined the network in the last 30 days (listed to members), for supporters to welcome. */
export async function newcomers(scope: MemberScope) {
  const me = await memberFacts(scope.db, scope.network.id, scope.member.userId);
  authorize(scope, supportersPolicy.welcome, { supporter: !!me?.supporter });
  const since = new Date(Date.now() - NEWCOMER_DAYS * 86_400_000);
  const rows = (await joinedSince(scope.db, scope.network.id, since, 100)).filter(
    (r) => r.userId !== scope.member.userId,
  );
  const people = await profilesById(
    scope,
    rows.map((r) => r.userId),
  );
  return {
    items: rows
      .filter((r) => {
        const p = people.get(r.userId);
        return !!p && listedToMembers(p);
      })
      .slice(0, 30)
      .map((r) => ({
        ...presentPerson(scope, people.get(r.userId), r.userId),
        joinedAt: r.joinedAt.toISOString(),
      })),
  };
}

// --- What the feed asks of groups ---------------------------------------------------------------

/** The groups the member belongs to now (the feed's viewer). */
export const groupsOfMember = (scope: Scope, userId: string) =>
  activeGroupIds(scope.db, scope.network.id, userId);

/** The group whose feed the member opens: 404 unless they may read its posts. */
export async function readableGroup(scope: MemberScope, id: string) {
  const g = await visibleGroup(scope, id);
  authorize(scope, groupsPolicy.read, accessOf(g));
  return g;
}

const membersOnly = () =>
  new AppError(403, "GROUP_MEMBERS_ONLY", {
    ja: "このグループに投稿できるのはグループのメンバーだけです。先に参加してください。",
    en: "Only the group's members can post in it. Please join it first.",
  });
const unknownGroup = () =>
  new AppError(422, "FEED_GROUP_NOT_FOUND", {
    ja: "投稿先のグループが見つかりません。",
    en: "The group to post to was not found.",
  });

/** The group a member posts to: its members and the operators, while it is not archived. */
export async function postableGroup(scope: MemberScope, id: string) {
  const g = await findGroup(scope.db, scope.network.id, id, scope.member.userId);
  if (!g || !can(scope, groupsPolicy.see, accessOf(g))) throw unknownGroup();
  if (g.archivedAt) throw archivedError();
  if (!can(scope, groupsPolicy.post, accessOf(g))) throw membersOnly();
  return g;
}

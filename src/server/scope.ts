// The request scope: who acts, where, over which connection. Built once per request by the access
// hook (server/access.ts) and passed as the FIRST argument of every service function:
//
//   export async function createSegment(scope: Scope, input: SegmentInput) { … }
//
// `Scope` is for work inside one network, `UserScope` for a signed-in user outside a network
// (registration, accepting an invitation, platform administration), `PublicScope` for anonymous
// routes. The CLI and jobs build theirs with `systemScope`.
import type { Db, Tx } from "../db/client.ts";
import { member, organization } from "../db/schema/index.ts";
import type { NetworkRole } from "./auth.ts";
import type { AppContext } from "./context.ts";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  platformAdmin: boolean;
  locale: "ja" | "en";
  /** A TOTP second factor is set up (required for operators and platform admins). */
  twoFactorEnabled: boolean;
};

export type Network = { id: string; name: string; slug: string; status: string; directoryVersion: number };

export type Membership = { id: string; role: NetworkRole; status: string; userId: string };

/** A membership as read with `memberColumns`. */
export type MemberRow = {
  id: string;
  role: string;
  status: string;
  userId: string;
  lastActiveAt: Date | null;
};

/** Who acts, as the audit log names them: a signed-in user, a network API token, or the system. */
export type Actor = { userId: string | null; label: string };

/** Work inside one network. `member` is null when an API token or the system acts. */
export type Scope = {
  ctx: AppContext;
  db: Db | Tx;
  network: Network;
  actor: Actor;
  member: Membership | null;
  user: SessionUser | null;
};

/** A member acting in their network (not a token, not the system): what "own …" services take. */
export type MemberScope = Scope & { member: Membership; user: SessionUser };

/** Work on the installation rather than inside one network (creating networks): the platform admin, or the system. */
export type PlatformScope = { ctx: AppContext; db: Db | Tx; actor: Actor };

/** A signed-in user outside any network. */
export type UserScope = { ctx: AppContext; db: Db | Tx; actor: Actor; user: SessionUser };

/** An anonymous request (public routes). */
export type PublicScope = { ctx: AppContext; db: Db | Tx; actor: null; user: null };

export type AnyScope = Scope | UserScope | PublicScope;

/** The columns of a Membership, with when the member was last marked active. */
export const memberColumns = {
  id: member.id,
  role: member.role,
  status: member.status,
  userId: member.userId,
  lastActiveAt: member.lastActiveAt,
};

/** The columns of a Network. */
export const networkColumns = {
  id: organization.id,
  name: organization.name,
  slug: organization.slug,
  status: organization.status,
  directoryVersion: organization.directoryVersion,
};

/** A user row (ours or better-auth's) as the guards hand it on. */
export function toSessionUser(u: {
  id: string;
  email: string;
  name: string;
  emailVerified?: unknown;
  platformAdmin?: unknown;
  locale?: unknown;
  twoFactorEnabled?: unknown;
}): SessionUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    emailVerified: !!u.emailVerified,
    platformAdmin: !!u.platformAdmin,
    locale: u.locale === "en" ? "en" : "ja",
    twoFactorEnabled: !!u.twoFactorEnabled,
  };
}

export const userActor = (u: Pick<SessionUser, "id" | "email">): Actor => ({ userId: u.id, label: u.email });

/** A member acting in their network. */
export function memberScope(
  ctx: AppContext,
  network: Network,
  m: Membership,
  user: SessionUser,
): MemberScope {
  return { ctx, db: ctx.db, network, actor: userActor(user), member: m, user };
}

export function userScope(ctx: AppContext, user: SessionUser): UserScope {
  return { ctx, db: ctx.db, actor: userActor(user), user };
}

export function platformScope(
  ctx: AppContext,
  actor: Actor = { userId: null, label: "system" },
): PlatformScope {
  return { ctx, db: ctx.db, actor };
}

export function publicScope(ctx: AppContext): PublicScope {
  return { ctx, db: ctx.db, actor: null, user: null };
}

/** The signed-in user of `scope`, working in `network` before being a member of it (registering, accepting an invitation). */
export function joiningScope(scope: UserScope, network: Network): Scope {
  return { ...scope, network, member: null };
}

/**
 * The system (CLI, jobs, first-run setup) or another named actor working in `network`; with
 * `actor.userId` the audit log names that user.
 */
export function systemScope(
  ctx: AppContext,
  network: Network,
  actor: Actor = { userId: null, label: "system" },
): Scope {
  return { ctx, db: ctx.db, network, actor, member: null, user: null };
}

/**
 * Runs `fn` in one transaction with a scope whose `db` is the transaction: everything the
 * service writes, its audit rows and the events it records commit together or not at all.
 * Inside a transaction already, it nests (a savepoint).
 */
export function inTransaction<S extends { db: Db | Tx }, T>(
  scope: S,
  fn: (tx: S & { db: Tx }) => Promise<T>,
) {
  return scope.db.transaction((tx) => fn({ ...scope, db: tx }));
}

// What every module receives, and the request-level guards: who is asking, in which network,
// with which role. Guards answer 401 (anonymous), 404 (not a member: nothing about the network
// leaks) and 403 (a member with the wrong role).
import { createHash } from "node:crypto";
import { fromNodeHeaders } from "better-auth/node";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { FastifyBaseLogger, FastifyRequest } from "fastify";
import type { Database, Db } from "../db/client.ts";
import { apiToken, member, organization } from "../db/schema/index.ts";
import type { JobQueue } from "../jobs/queue.ts";
import type { Mailer } from "../mail/mailer.ts";
import { errors } from "../shared/errors.ts";
import type { Auth, NetworkRole } from "./auth.ts";
import type { Config } from "./config.ts";
import { lookupSession } from "./session.ts";

export type AppContext = {
  config: Config;
  database: Database;
  db: Db;
  jobs: JobQueue;
  mailer: Mailer;
  auth: Auth;
  log: FastifyBaseLogger;
};

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  platformAdmin: boolean;
  locale: "ja" | "en";
};

export type Network = { id: string; name: string; slug: string; status: string; directoryVersion: number };

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
export type Membership = { id: string; role: NetworkRole; status: string; userId: string };
/** A membership as read with `memberColumns`. */
export type MemberRow = {
  id: string;
  role: string;
  status: string;
  userId: string;
  lastActiveAt: Date | null;
};
export type NetworkScope = { network: Network; member: Membership; user: SessionUser };

/** Who acts in an operator API call: a signed-in operator or a network API token. */
export type Actor = { userId: string | null; label: string };

declare module "fastify" {
  interface FastifyRequest {
    viewer?: SessionUser | null;
  }
}

/** The signed-in user, or null: read in one statement (server/session.ts), else by better-auth. */
export async function getViewer(ctx: AppContext, req: FastifyRequest): Promise<SessionUser | null> {
  if (req.viewer !== undefined) return req.viewer;
  const found = await lookupSession(ctx, req);
  if (found.kind !== "delegate") {
    req.viewer = found.kind === "user" ? found.user : null;
    return req.viewer;
  }
  return viewerFromBetterAuth(ctx, req);
}

/** A user row (ours or better-auth's) as the guards hand it on. */
export function toSessionUser(u: {
  id: string;
  email: string;
  name: string;
  emailVerified?: unknown;
  platformAdmin?: unknown;
  locale?: unknown;
}): SessionUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    emailVerified: !!u.emailVerified,
    platformAdmin: !!u.platformAdmin,
    locale: u.locale === "en" ? "en" : "ja",
  };
}

async function viewerFromBetterAuth(ctx: AppContext, req: FastifyRequest): Promise<SessionUser | null> {
  const s = await ctx.auth.api.getSession({ headers: fromNodeHeaders(req.headers) });
  req.viewer = s?.user ? toSessionUser(s.user) : null;
  return req.viewer;
}

export async function requireUser(ctx: AppContext, req: FastifyRequest): Promise<SessionUser> {
  const u = await getViewer(ctx, req);
  if (!u) throw errors.unauthenticated();
  return u;
}

export async function requirePlatformAdmin(ctx: AppContext, req: FastifyRequest): Promise<SessionUser> {
  const u = await requireUser(ctx, req);
  if (!u.platformAdmin) throw errors.forbidden();
  return u;
}

export async function findNetwork(db: Db, slug: string): Promise<Network | null> {
  const [n] = await db.select(networkColumns).from(organization).where(eq(organization.slug, slug)).limit(1);
  return n ?? null;
}

const networkNotFound = () => errors.notFound({ ja: "ネットワーク", en: "network" });

/**
 * The signed-in user's active membership in the network `slug`, with one of `roles` (any role
 * when omitted). A suspended member, a suspended network and a non-member all get 404.
 */
export async function requireMember(
  ctx: AppContext,
  req: FastifyRequest,
  slug: string,
  roles?: readonly NetworkRole[],
): Promise<NetworkScope> {
  if (req.viewer === undefined) {
    const found = await lookupSession(ctx, req, slug);
    if (found.kind === "anonymous") req.viewer = null;
    if (found.kind === "delegate") await viewerFromBetterAuth(ctx, req);
    if (found.kind === "user") {
      req.viewer = found.user;
      if (!found.network || !found.member) throw networkNotFound();
      return memberScope(ctx, found.network, found.member, found.user, roles);
    }
  }
  const user = await requireUser(ctx, req);
  const [row] = await ctx.db
    .select({
      network: networkColumns,
      member: memberColumns,
    })
    .from(organization)
    .innerJoin(member, and(eq(member.organizationId, organization.id), eq(member.userId, user.id)))
    .where(and(eq(organization.slug, slug), eq(organization.status, "active"), eq(member.status, "active")))
    .limit(1);
  if (!row) throw networkNotFound();
  return memberScope(ctx, row.network, row.member, user, roles);
}

function memberScope(
  ctx: AppContext,
  network: Network,
  row: MemberRow,
  user: SessionUser,
  roles?: readonly NetworkRole[],
): NetworkScope {
  const role = row.role as NetworkRole;
  if (roles && !roles.includes(role)) throw errors.forbidden();
  touchLastActive(ctx, row.id, row.lastActiveAt);
  const { lastActiveAt: _, ...m } = row;
  return { network, member: { ...m, role }, user };
}

/** Marks the member active, at most once every five minutes (not awaited: never slows a request). */
function touchLastActive(ctx: AppContext, memberId: string, last: Date | null) {
  if (last && Date.now() - last.getTime() < 5 * 60_000) return;
  ctx.db
    .update(member)
    .set({ lastActiveAt: sql`now()` })
    .where(eq(member.id, memberId))
    .catch((err) => ctx.log.warn({ err }, "could not update last_active_at"));
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** An operator of `slug`, or a request bearing an API token of that network. */
export async function requireOperatorOrToken(
  ctx: AppContext,
  req: FastifyRequest,
  slug: string,
): Promise<{ network: Network; actor: Actor }> {
  const header = req.headers.authorization;
  if (header?.startsWith("Bearer ")) {
    const token = header.slice(7).trim();
    const [row] = await ctx.db
      .select({
        network: networkColumns,
        tokenId: apiToken.id,
        name: apiToken.name,
      })
      .from(apiToken)
      .innerJoin(organization, eq(organization.id, apiToken.networkId))
      .where(
        and(
          eq(apiToken.tokenHash, hashToken(token)),
          isNull(apiToken.revokedAt),
          eq(organization.status, "active"),
        ),
      )
      .limit(1);
    if (!row) throw errors.unauthenticated();
    if (row.network.slug !== slug) throw networkNotFound();
    await ctx.db.update(apiToken).set({ lastUsedAt: sql`now()` }).where(eq(apiToken.id, row.tokenId));
    return { network: row.network, actor: { userId: null, label: `api-token:${row.name}` } };
  }
  const scope = await requireMember(ctx, req, slug, ["operator"]);
  return { network: scope.network, actor: { userId: scope.user.id, label: scope.user.email } };
}

/** Language for messages: the user's choice, else the browser's, else Japanese. */
export function requestLang(req: FastifyRequest): "ja" | "en" {
  if (req.viewer) return req.viewer.locale;
  const al = String(req.headers["accept-language"] ?? "");
  return /^en\b/i.test(al) ? "en" : "ja";
}

// Who is asking: the signed-in user (server/session.ts reads session, user, network and membership
// in one statement; better-auth handles the rest), a network API token, or nobody. Used by the
// access hook (server/access.ts) only: routes and services receive the scope it builds.
import { createHash } from "node:crypto";
import { fromNodeHeaders } from "better-auth/node";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../db/client.ts";
import { apiToken, member, organization } from "../db/schema/index.ts";
import { errors } from "../shared/errors.ts";
import type { NetworkRole } from "./auth.ts";
import type { AppContext } from "./context.ts";
import {
  type Actor,
  type MemberRow,
  memberColumns,
  memberScope,
  type Network,
  networkColumns,
  type Scope,
  type SessionUser,
  systemScope,
  toSessionUser,
} from "./scope.ts";
import { lookupSession } from "./session.ts";

declare module "fastify" {
  interface FastifyRequest {
    viewer?: SessionUser | null;
  }
}

/** The signed-in user, or null: read in one statement (server/session.ts), else by better-auth. */
export async function getViewer(ctx: AppContext, req: FastifyRequest, reply?: FastifyReply) {
  if (req.viewer !== undefined) return req.viewer;
  const found = await lookupSession(ctx, req);
  if (found.kind !== "delegate") {
    req.viewer = found.kind === "user" ? found.user : null;
    return req.viewer;
  }
  return viewerFromBetterAuth(ctx, req, reply);
}

/**
 * better-auth reads the session (and deletes an expired one, or refreshes one due for it): the
 * cookie it sets on a refresh is passed on to the client.
 */
async function viewerFromBetterAuth(ctx: AppContext, req: FastifyRequest, reply?: FastifyReply) {
  const { headers, response } = await ctx.auth.api.getSession({
    headers: fromNodeHeaders(req.headers),
    returnHeaders: true,
  });
  const cookies = headers.getSetCookie();
  if (cookies.length && reply) reply.header("set-cookie", cookies);
  req.viewer = response?.user ? toSessionUser(response.user) : null;
  return req.viewer;
}

export async function requireUser(ctx: AppContext, req: FastifyRequest, reply?: FastifyReply) {
  const u = await getViewer(ctx, req, reply);
  if (!u) throw errors.unauthenticated();
  return u;
}

export async function findNetwork(db: Db, slug: string): Promise<Network | null> {
  const [n] = await db.select(networkColumns).from(organization).where(eq(organization.slug, slug)).limit(1);
  return n ?? null;
}

export const networkNotFound = () => errors.notFound({ ja: "ネットワーク", en: "network" });

/**
 * The signed-in user's active membership in the network `slug`. A suspended member, a suspended
 * network and a non-member all get 404: nothing about the network leaks.
 */
export async function resolveMember(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply | undefined,
  slug: string,
): Promise<Scope> {
  if (req.viewer === undefined) {
    const found = await lookupSession(ctx, req, slug);
    if (found.kind === "anonymous") req.viewer = null;
    if (found.kind === "delegate") await viewerFromBetterAuth(ctx, req, reply);
    if (found.kind === "user") {
      req.viewer = found.user;
      if (!found.network || !found.member) throw networkNotFound();
      return scopeOf(ctx, found.network, found.member, found.user);
    }
  }
  const user = await requireUser(ctx, req, reply);
  const [row] = await ctx.db
    .select({ network: networkColumns, member: memberColumns })
    .from(organization)
    .innerJoin(member, and(eq(member.organizationId, organization.id), eq(member.userId, user.id)))
    .where(and(eq(organization.slug, slug), eq(organization.status, "active"), eq(member.status, "active")))
    .limit(1);
  if (!row) throw networkNotFound();
  return scopeOf(ctx, row.network, row.member, user);
}

function scopeOf(ctx: AppContext, network: Network, row: MemberRow, user: SessionUser): Scope {
  touchLastActive(ctx, network.id, row.id, row.lastActiveAt);
  const { lastActiveAt: _, ...m } = row;
  return memberScope(ctx, network, { ...m, role: row.role as NetworkRole }, user);
}

/** Marks the member active, at most once every five minutes (not awaited: never slows a request). */
function touchLastActive(ctx: AppContext, networkId: string, memberId: string, last: Date | null) {
  if (last && Date.now() - last.getTime() < 5 * 60_000) return;
  ctx.db
    .update(member)
    .set({ lastActiveAt: sql`now()` })
    .where(and(eq(member.organizationId, networkId), eq(member.id, memberId)))
    .catch((err) => ctx.log.warn({ err }, "could not update last_active_at"));
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A network API token sent as `Authorization: Bearer …`, or null when none was sent. */
export async function resolveToken(
  ctx: AppContext,
  req: FastifyRequest,
  slug: string,
): Promise<Scope | null> {
  const header = req.headers.authorization;
  if (!header?.startsWith("Bearer ")) return null;
  const token = header.slice(7).trim();
  const [row] = await ctx.db
    .select({ network: networkColumns, tokenId: apiToken.id, name: apiToken.name })
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
  await ctx.db
    .update(apiToken)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiToken.networkId, row.network.id), eq(apiToken.id, row.tokenId)));
  return systemScope(ctx, row.network, { userId: null, label: `api-token:${row.name}` });
}

/**
 * A scope for the system (CLI, jobs, tests) acting in the network with `id` or `slug`, named in
 * the audit log as `actor`. Throws 404 when there is no such network.
 */
export async function loadNetworkScope(
  ctx: AppContext,
  by: { id: string } | { slug: string },
  actor?: Actor,
): Promise<Scope> {
  const [n] = await ctx.db
    .select(networkColumns)
    .from(organization)
    .where("id" in by ? eq(organization.id, by.id) : eq(organization.slug, by.slug))
    .limit(1);
  if (!n) throw networkNotFound();
  return systemScope(ctx, n, actor);
}

// Who is signed in, read in one statement on the hot path.
//
// better-auth's getSession reads the session, then its user (two statements, each its own
// transaction), and the guards then read the membership: three round trips before any route
// work, which cost 70 % of the throughput of a simple read (bench/RESULTS.md, November 2026).
// Here the signed session cookie is verified exactly as better-auth does (HMAC-SHA-256 of the
// token with the auth secret), and session, user and — for a network route — network and
// membership come back in one statement. Nothing is cached: signing out, a revoked session, a
// suspension or a role change take effect on the next request, as before.
//
// better-auth stays the owner of sessions: whenever its getSession would do more than read (the
// session has expired and must be deleted, or is old enough to be refreshed), the caller falls
// back to it (`"delegate"`).
import { createHmac, timingSafeEqual } from "node:crypto";
import { parseCookie } from "cookie";
import { and, eq, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { member, organization, session, user } from "../db/schema/index.ts";
import type { AppContext } from "./context.ts";
import {
  type MemberRow,
  memberColumns,
  type Network,
  networkColumns,
  type SessionUser,
  toSessionUser,
} from "./scope.ts";

type SessionRules = {
  cookieName: string;
  /** Set by "remember me: off" sign-ins: better-auth never refreshes those sessions. */
  dontRememberName: string;
  secret: string;
  expiresInMs: number;
  updateAgeMs: number;
};

const rulesByAuth = new WeakMap<object, Promise<SessionRules>>();

function sessionRules(ctx: AppContext): Promise<SessionRules> {
  let r = rulesByAuth.get(ctx.auth);
  if (!r) {
    r = ctx.auth.$context.then((c) => ({
      cookieName: c.authCookies.sessionToken.name,
      dontRememberName: c.authCookies.dontRememberToken.name,
      secret: c.secret,
      expiresInMs: c.sessionConfig.expiresIn * 1000,
      updateAgeMs: c.sessionConfig.updateAge * 1000,
    }));
    rulesByAuth.set(ctx.auth, r);
  }
  return r;
}

/** better-call's signatures: base64 of a 32-byte HMAC, 44 characters, checked strictly as it does. */
const SIGNATURE = /^[A-Za-z0-9+/]{43}=$/;

/**
 * The value of a correctly signed cookie (`<value>.<base64 HMAC-SHA-256>`), else null. Only the
 * exact form better-auth writes is accepted; anything else is left to better-auth (`delegate`).
 */
export function verifiedToken(value: string | undefined, secret: string): string | null {
  if (!value) return null;
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const sig = value.slice(dot + 1);
  if (!SIGNATURE.test(sig)) return null;
  const signature = Buffer.from(sig, "base64");
  const expected = createHmac("sha256", secret).update(token).digest();
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? token : null;
}

export type SessionLookup =
  | { kind: "anonymous" }
  /** better-auth has to handle this request (a cookie not in the usual form, an expired session, or one due for a refresh). */
  | { kind: "delegate" }
  | {
      kind: "user";
      user: SessionUser;
      /** The network `slug` when it exists and is active; null otherwise or without a slug. */
      network: Network | null;
      /** The user's active membership in that network, with when it was last marked active. */
      member: MemberRow | null;
    };

/** The session guard's statement: built once per database, prepared once per connection. */
function prepareSessionStatement(ctx: AppContext) {
  return (
    ctx.db
      .select({
        expiresAt: session.expiresAt,
        user: {
          id: user.id,
          email: user.email,
          name: user.name,
          emailVerified: user.emailVerified,
          platformAdmin: user.platformAdmin,
          locale: user.locale,
          twoFactorEnabled: user.twoFactorEnabled,
        },
        network: networkColumns,
        member: memberColumns,
      })
      .from(session)
      .innerJoin(user, eq(user.id, session.userId))
      // No network has an empty slug: without one, the two joins find nothing.
      .leftJoin(
        organization,
        and(eq(organization.slug, sql.placeholder("slug")), eq(organization.status, "active")),
      )
      .leftJoin(
        member,
        and(
          eq(member.organizationId, organization.id),
          eq(member.userId, user.id),
          eq(member.status, "active"),
        ),
      )
      .where(eq(session.token, sql.placeholder("token")))
      .limit(1)
      .prepare("session_guard")
  );
}

const sessionStatements = new WeakMap<object, ReturnType<typeof prepareSessionStatement>>();

function sessionStatement(ctx: AppContext) {
  let q = sessionStatements.get(ctx.db);
  if (!q) {
    q = prepareSessionStatement(ctx);
    sessionStatements.set(ctx.db, q);
  }
  return q;
}

/**
 * The request's session and user, and with `slug` the network and the user's active membership
 * in it, in one statement.
 */
export async function lookupSession(
  ctx: AppContext,
  req: FastifyRequest,
  slug?: string,
): Promise<SessionLookup> {
  const rules = await sessionRules(ctx);
  // @fastify/cookie parses the header in the app; without it (a bare Fastify), parse it here.
  const cookies = req.cookies ?? (req.headers.cookie ? parseCookie(req.headers.cookie) : {});
  const raw = cookies[rules.cookieName];
  if (!raw) return { kind: "anonymous" };
  const token = verifiedToken(raw, rules.secret);
  // A cookie in another form (quoted, differently encoded, forged): better-auth decides, as it
  // would have before; it answers "no session" without a query when the signature is wrong.
  if (!token) return { kind: "delegate" };
  const dontRemember = cookies[rules.dontRememberName];
  if (dontRemember && !verifiedToken(dontRemember, rules.secret)) return { kind: "delegate" };
  const [row] = await sessionStatement(ctx).execute({ token, slug: slug ?? "" });
  if (!row) return { kind: "anonymous" };
  const expires = row.expiresAt.getTime();
  const now = Date.now();
  // better-auth's getSession would delete an expired session, and refresh one older than its
  // update age (never a "remember me: off" one).
  if (expires <= now) return { kind: "delegate" };
  if (!dontRemember && expires - rules.expiresInMs + rules.updateAgeMs <= now) return { kind: "delegate" };
  return {
    kind: "user",
    user: toSessionUser(row.user),
    network: row.network ?? null,
    member: row.member ?? null,
  };
}

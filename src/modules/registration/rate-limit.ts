// Registration attempts are limited so the roster cannot be probed: per person per network and
// per client address. Counted in the database (registration_attempt) so that the limit holds
// across processes; addresses are stored only as a keyed hash.
import { createHash, randomUUID } from "node:crypto";
import { and, eq, lt, or, sql } from "drizzle-orm";
import { registrationAttempt } from "../../db/schema/index.ts";
import { byId } from "../../db/scoped.ts";
import type { AppContext } from "../../server/context.ts";
import { errors } from "../../shared/errors.ts";

export const REGISTRATION_LIMITS = {
  /** Attempts by one user in one network within `userWindowHours`. */
  perUser: 5,
  userWindowHours: 24,
  /** Attempts from one client address (all networks) within `ipWindowHours`. */
  perIp: 20,
  ipWindowHours: 1,
};

export async function ipHash(ctx: AppContext, ip: string) {
  const { secret } = await ctx.auth.$context;
  return createHash("sha256").update(`registration:${secret}:${ip}`).digest("hex");
}

/**
 * Records an attempt, then counts: over a limit → the attempt is withdrawn and 429 RATE_LIMITED.
 * (Recording first means two simultaneous requests cannot both slip under the limit.)
 */
export async function recordAttempt(ctx: AppContext, v: { networkId: string; userId: string; ip: string }) {
  const L = REGISTRATION_LIMITS;
  const hash = await ipHash(ctx, v.ip);
  const id = randomUUID();
  const t = registrationAttempt;
  await ctx.db.insert(t).values({ id, networkId: v.networkId, userId: v.userId, ipHash: hash });
  const [c] = await ctx.db
    .select({
      byUser: sql<number>`count(*) filter (where ${t.networkId} = ${v.networkId} and ${t.userId} = ${v.userId}
        and ${t.createdAt} > now() - make_interval(hours => ${L.userWindowHours}::int))::int`,
      byIp: sql<number>`count(*) filter (where ${t.ipHash} = ${hash}
        and ${t.createdAt} > now() - make_interval(hours => ${L.ipWindowHours}::int))::int`,
    })
    .from(t)
    .where(or(and(eq(t.networkId, v.networkId), eq(t.userId, v.userId)), eq(t.ipHash, hash)));
  if (c.byUser > L.perUser || c.byIp > (ctx.config.REGISTRATION_IP_LIMIT ?? L.perIp)) {
    await ctx.db.delete(t).where(byId(t, v.networkId, id));
    throw errors.rateLimited();
  }
  // Forget this person's and this address's attempts that no window looks at any more.
  await ctx.db
    .delete(t)
    .where(
      and(or(eq(t.userId, v.userId), eq(t.ipHash, hash)), lt(t.createdAt, sql`now() - interval '2 days'`)),
    );
}

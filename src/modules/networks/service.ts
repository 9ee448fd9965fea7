import { eq, sql } from "drizzle-orm";
import { organization, user } from "../../db/schema/index.ts";
import { createVerifiedUser } from "../../server/accounts.ts";
import { audit } from "../../server/audit.ts";
import type { NetworkRole } from "../../server/auth.ts";
import type { AppContext } from "../../server/context.ts";
import { findNetwork } from "../../server/guards.ts";
import type { PublicScope, UserScope } from "../../server/scope.ts";
import { inTransaction, type PlatformScope, platformScope } from "../../server/scope.ts";
import { AppError, errors } from "../../shared/errors.ts";
import { admitMember } from "../members/index.ts";
import { presentBrand, presentNetwork, presentNotice } from "./presenter.ts";
import { allNetworks, brandOf, insertNetwork, insertNotice, latestNotice, myNetworks } from "./queries.ts";

const slugTaken = () =>
  errors.conflict("SLUG_TAKEN", {
    ja: "この URL（スラッグ）は既に使われています。別のものを指定してください。",
    en: "This URL slug is already in use. Please choose another.",
  });

export async function setupNeeded(scope: { db: PlatformScope["db"] }): Promise<boolean> {
  const [row] = await scope.db
    .select({ n: sql<number>`count(*)::int` })
    .from(user)
    .where(eq(user.platformAdmin, true));
  return row.n === 0;
}

type NetworkInput = { name: string; slug: string; privacyNotice: { body: string; purposes: string[] } };

/** Creates a network with its first privacy notice and its first operator, in one transaction. */
export async function createNetwork(scope: PlatformScope, input: NetworkInput, operatorUserId: string) {
  const { actor } = scope;
  return inTransaction(scope, async ({ db: tx }) => {
    const [exists] = await tx
      .select({ id: organization.id })
      .from(organization)
      .where(eq(organization.slug, input.slug));
    if (exists) throw slugTaken();
    const networkId = await insertNetwork(tx, input);
    await insertNotice(tx, { networkId, ...input.privacyNotice, createdBy: actor.userId });
    const [operator] = await tx.select({ name: user.name }).from(user).where(eq(user.id, operatorUserId));
    // The one way into a network (members/admit.ts): member row, first profile, directory index.
    await admitMember(tx, {
      networkId,
      userId: operatorUserId,
      role: "operator",
      verifiedVia: "operator_added",
      verifiedBy: actor.userId,
      profile: { displayName: operator?.name ?? "" },
    });
    await audit(tx, {
      networkId,
      actor,
      action: "network.create",
      targetType: "network",
      targetId: networkId,
      data: { slug: input.slug },
    });
    return networkId;
  });
}

/** First run: the platform admin account and the first network. Allowed once. */
let setupQueue: Promise<unknown> = Promise.resolve();

/** Runs `fn` alone: one at a time in this process, and across processes on PostgreSQL. */
async function withSetupLock<T>(ctx: AppContext, fn: () => Promise<T>): Promise<T> {
  const run = async () => {
    const pool = ctx.database.pool;
    if (!pool) return fn();
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock(7342002)");
      return await fn();
    } finally {
      await client.query("select pg_advisory_unlock(7342002)").catch(() => {});
      client.release();
    }
  };
  const result = setupQueue.then(run, run);
  setupQueue = result.catch(() => {});
  return result;
}

export function runSetup(
  scope: { ctx: AppContext },
  input: { admin: { name: string; email: string; password: string }; network: NetworkInput },
) {
  return withSetupLock(scope.ctx, () => setupOnce(scope.ctx, input));
}

async function setupOnce(
  ctx: AppContext,
  input: { admin: { name: string; email: string; password: string }; network: NetworkInput },
) {
  if (!(await setupNeeded(ctx))) {
    throw new AppError(409, "SETUP_DONE", {
      ja: "初期設定は既に完了しています。",
      en: "Setup has already been completed.",
    });
  }
  const [taken] = await ctx.db.select({ id: user.id }).from(user).where(eq(user.email, input.admin.email));
  if (taken) {
    throw errors.conflict("EMAIL_TAKEN", {
      ja: "このメールアドレスは既に登録されています。",
      en: "This email address is already registered.",
    });
  }
  const [slugUsed] = await ctx.db
    .select({ id: organization.id })
    .from(organization)
    .where(eq(organization.slug, input.network.slug));
  if (slugUsed) throw slugTaken();
  const admin = await createVerifiedUser(ctx, { ...input.admin, platformAdmin: true });
  const networkId = await createNetwork(
    platformScope(ctx, { userId: admin.id, label: admin.email }),
    input.network,
    admin.id,
  );
  return { userId: admin.id, networkId };
}

export async function setNetworkStatus(
  scope: PlatformScope,
  networkId: string,
  status: "active" | "suspended",
) {
  const { actor } = scope;
  return inTransaction(scope, async ({ db: tx }) => {
    const rows = await tx
      .update(organization)
      .set({ status })
      .where(eq(organization.id, networkId))
      .returning({ id: organization.id });
    if (!rows.length) throw errors.notFound({ ja: "ネットワーク", en: "network" });
    await audit(tx, {
      networkId,
      actor,
      action: `network.${status === "active" ? "reactivate" : "suspend"}`,
      targetType: "network",
      targetId: networkId,
    });
  });
}

export async function findUserIdByEmail(scope: PlatformScope, email: string) {
  const [u] = await scope.db
    .select({ id: user.id })
    .from(user)
    .where(eq(user.email, email.trim().toLowerCase()));
  if (!u) {
    throw new AppError(400, "USER_NOT_FOUND", {
      ja: "このメールアドレスのアカウントが見つかりません。先にアカウントを作成してもらってください。",
      en: "No account uses this email address. Ask the person to create an account first.",
    });
  }
  return u.id;
}

/** The signed-in user's networks, with their role in each. */
export async function networksOf(scope: UserScope) {
  const rows = await myNetworks(scope.db, scope.user.id);
  return rows.map(({ logo, accentColor, ...n }) => ({
    ...n,
    role: n.role as NetworkRole,
    brand: presentBrand(n.slug, { logo, accentColor }),
  }));
}

/** What anyone may know of an active network: its name and privacy notice (the registration page). */
export async function publicNetwork(scope: PublicScope, slug: string) {
  const n = await findNetwork(scope.db, slug);
  if (n?.status !== "active") throw errors.notFound({ ja: "ネットワーク", en: "network" });
  const notice = await latestNotice(scope.db, n.id);
  return {
    name: n.name,
    slug: n.slug,
    brand: presentBrand(n.slug, await brandOf(scope.db, n.id)),
    privacyNotice: notice ? presentNotice(notice) : null,
  };
}

/** Every network of the installation, with member and operator counts (platform admin). */
export async function networkList(scope: PlatformScope) {
  const rows = await allNetworks(scope.db);
  return rows.map((r) => ({
    ...presentNetwork(r),
    memberCount: r.memberCount,
    operatorCount: r.operatorCount,
  }));
}

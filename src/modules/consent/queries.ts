import { randomUUID } from "node:crypto";
import { desc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { consentLog, memberConsent, privacyNotice } from "../../db/schema/index.ts";
import { byUser } from "../../db/scoped.ts";
import { record } from "../../server/events.ts";
import type { ConsentChoices } from "../../shared/profile.ts";

export async function findConsent(db: Tx, networkId: string, userId: string, lock = false) {
  const q = db
    .select()
    .from(memberConsent)
    .where(byUser(memberConsent, networkId, userId))
    .limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row ?? null;
}
export type ConsentRow = NonNullable<Awaited<ReturnType<typeof findConsent>>>;

export async function saveConsent(
  tx: Tx,
  v: { networkId: string; userId: string; noticeVersion: number; accepted: boolean } & ConsentChoices,
) {
  const { accepted, ...values } = v;
  const { networkId: _n, userId: _u, ...set } = values;
  await tx
    .insert(memberConsent)
    .values(values)
    .onConflictDoUpdate({
      target: [memberConsent.networkId, memberConsent.userId],
      set: { ...set, updatedAt: sql`now()`, ...(accepted ? { acceptedAt: sql`now()` } : {}) },
    });
  await record(tx, { type: "member.changed", networkId: v.networkId, userIds: [v.userId] });
}

export async function appendConsentLog(
  tx: Tx,
  v: { networkId: string; userId: string; noticeVersion: number; change: Record<string, unknown> },
) {
  await tx.insert(consentLog).values({ id: randomUUID(), ...v });
}

export async function listNotices(db: Db, networkId: string) {
  return db
    .select({
      version: privacyNotice.version,
      body: privacyNotice.body,
      purposes: privacyNotice.purposes,
      createdAt: privacyNotice.createdAt,
    })
    .from(privacyNotice)
    .where(eq(privacyNotice.networkId, networkId))
    .orderBy(desc(privacyNotice.version));
}

import { randomUUID } from "node:crypto";
import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { member, networkSettings, organization, privacyNotice } from "../../db/schema/index.ts";

export async function latestNotice(db: Tx, networkId: string) {
  const [n] = await db
    .select()
    .from(privacyNotice)
    .where(eq(privacyNotice.networkId, networkId))
    .orderBy(desc(privacyNotice.version))
    .limit(1);
  return n ?? null;
}

export async function insertNetwork(tx: Tx, v: { name: string; slug: string }) {
  const id = randomUUID();
  await tx.insert(organization).values({ id, name: v.name, slug: v.slug });
  return id;
}

export async function insertNotice(
  tx: Tx,
  v: { networkId: string; body: string; purposes: string[]; createdBy: string | null },
) {
  const latest = await latestNotice(tx, v.networkId);
  const version = (latest?.version ?? 0) + 1;
  await tx.insert(privacyNotice).values({ id: randomUUID(), version, ...v });
  return version;
}

export async function myNetworks(db: Db, userId: string) {
  return db
    .select({
      id: organization.id,
      name: organization.name,
      slug: organization.slug,
      role: member.role,
      logo: organization.logo,
      accentColor: networkSettings.accentColor,
    })
    .from(member)
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .leftJoin(networkSettings, eq(networkSettings.networkId, organization.id))
    .where(and(eq(member.userId, userId), eq(member.status, "active"), eq(organization.status, "active")))
    .orderBy(organization.name);
}

export async function allNetworks(db: Db) {
  const members = db
    .select({
      networkId: member.organizationId,
      memberCount: count().as("member_count"),
      operatorCount: sql<number>`count(*) filter (where ${member.role} = 'operator')`.as("operator_count"),
    })
    .from(member)
    .groupBy(member.organizationId)
    .as("m");
  return db
    .select({
      id: organization.id,
      name: organization.name,
      slug: organization.slug,
      status: organization.status,
      createdAt: organization.createdAt,
      memberCount: sql<number>`coalesce(${members.memberCount}, 0)::int`,
      operatorCount: sql<number>`coalesce(${members.operatorCount}, 0)::int`,
    })
    .from(organization)
    .leftJoin(members, eq(members.networkId, organization.id))
    .orderBy(organization.createdAt);
}

/** The network's brand: logo path (under DATA_DIR/uploads) and accent colour, or nulls. */
export async function brandOf(db: Db | Tx, networkId: string) {
  const [r] = await db
    .select({ logo: organization.logo, accentColor: networkSettings.accentColor })
    .from(organization)
    .leftJoin(networkSettings, eq(networkSettings.networkId, organization.id))
    .where(eq(organization.id, networkId));
  return { logo: r?.logo ?? null, accentColor: r?.accentColor ?? null };
}

/** Sets the accent colour; returns the previous one (the settings row is created and locked first). */
export async function setAccentColor(tx: Tx, networkId: string, color: string | null, by: string | null) {
  await tx.insert(networkSettings).values({ networkId }).onConflictDoNothing();
  const [before] = await tx
    .select({ color: networkSettings.accentColor })
    .from(networkSettings)
    .where(eq(networkSettings.networkId, networkId))
    .for("update");
  await tx
    .update(networkSettings)
    .set({ accentColor: color, updatedBy: by, updatedAt: sql`now()` })
    .where(eq(networkSettings.networkId, networkId));
  return before.color;
}

/** Replaces the logo path; returns the previous one (locked, so two uploads replace in turn). */
export async function replaceLogo(tx: Tx, networkId: string, logo: string | null) {
  const [before] = await tx
    .select({ logo: organization.logo })
    .from(organization)
    .where(eq(organization.id, networkId))
    .for("update");
  await tx.update(organization).set({ logo }).where(eq(organization.id, networkId));
  return before?.logo ?? null;
}

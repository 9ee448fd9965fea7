import { randomUUID } from "node:crypto";
import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { member, organization, privacyNotice } from "../../db/schema/index.ts";

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
    .select({ id: organization.id, name: organization.name, slug: organization.slug, role: member.role })
    .from(member)
    .innerJoin(organization, eq(organization.id, member.organizationId))
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

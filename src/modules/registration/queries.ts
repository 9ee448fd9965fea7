import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, notInArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "../../db/client.ts";
import { member, networkSettings, registration, rosterEntry, user } from "../../db/schema/index.ts";
import { byId, byUser } from "../../db/scoped.ts";
import type { RegistrationFacts, RegistrationPolicy, RosterRow } from "./matching.ts";
import { DEFAULT_REGISTRATION_POLICY, lookupKeys } from "./matching.ts";

/** More rows than this sharing a key make the lookup ambiguous anyway (→ queue). */
export const MAX_KEY_ROWS = 200;

const rosterColumns = {
  id: rosterEntry.id,
  employeeNumber: rosterEntry.employeeNumber,
  name: rosterEntry.name,
  nameKana: rosterEntry.nameKana,
  nameKey: rosterEntry.nameKey,
  kanaKey: rosterEntry.kanaKey,
  joinDate: rosterEntry.joinDate,
  leaveDate: rosterEntry.leaveDate,
  department: rosterEntry.department,
  email: rosterEntry.email,
  linkedUserId: rosterEntry.linkedUserId,
};

/** Roster rows of the network sharing the employee number, the name key or the kana key. */
export async function rosterRowsByKeys(
  db: Tx,
  networkId: string,
  f: RegistrationFacts,
): Promise<RosterRow[]> {
  const k = lookupKeys(f);
  const keys = [
    eq(rosterEntry.nameKey, k.nameKey),
    ...(k.kanaKey ? [eq(rosterEntry.kanaKey, k.kanaKey)] : []),
    ...(k.employeeNumber
      ? [
          inArray(rosterEntry.employeeNumber, [
            ...new Set([k.employeeNumber, k.employeeNumber.toLowerCase()]),
          ]),
        ]
      : []),
  ];
  return db
    .select(rosterColumns)
    .from(rosterEntry)
    .where(and(eq(rosterEntry.networkId, networkId), or(...keys)))
    .orderBy(asc(rosterEntry.employeeNumber))
    .limit(MAX_KEY_ROWS + 1);
}

/** First day of the year-month and of the next one: `YYYY-MM` → [`YYYY-MM-01`, next]. */
function monthRange(ym: string): [string, string] {
  const [y, m] = ym.split("-").map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  return [`${ym}-01`, `${next}-01`];
}

/** A few rows with the same join and leave months (other than `exclude`), same department first. */
export async function rosterRowsByMonths(
  db: Tx,
  networkId: string,
  f: RegistrationFacts,
  exclude: string[],
  limit = 5,
): Promise<RosterRow[]> {
  const [j0, j1] = monthRange(f.joinYm);
  const [l0, l1] = monthRange(f.leaveYm);
  return db
    .select(rosterColumns)
    .from(rosterEntry)
    .where(
      and(
        eq(rosterEntry.networkId, networkId),
        gte(rosterEntry.joinDate, j0),
        lt(rosterEntry.joinDate, j1),
        gte(rosterEntry.leaveDate, l0),
        lt(rosterEntry.leaveDate, l1),
        exclude.length ? notInArray(rosterEntry.id, exclude) : undefined,
      ),
    )
    .orderBy(
      sql`(${rosterEntry.department} is not distinct from ${f.department}::text) desc`,
      asc(rosterEntry.employeeNumber),
    )
    .limit(limit);
}

/** Links a roster row to `userId` unless it is linked to someone else. */
export async function claimRosterRow(tx: Tx, networkId: string, rowId: string, userId: string) {
  const rows = await tx
    .update(rosterEntry)
    .set({ linkedUserId: userId, updatedAt: sql`now()` })
    .where(
      byId(
        rosterEntry,
        networkId,
        rowId,
        or(isNull(rosterEntry.linkedUserId), eq(rosterEntry.linkedUserId, userId)),
      ),
    )
    .returning({ id: rosterEntry.id });
  return rows.length > 0;
}

export async function rosterRowExists(tx: Tx, networkId: string, rowId: string) {
  const [r] = await tx
    .select({ id: rosterEntry.id })
    .from(rosterEntry)
    .where(byId(rosterEntry, networkId, rowId));
  return !!r;
}

/** Serialises one person's registration requests (no two pending registrations at once). */
export async function lockUser(tx: Tx, userId: string) {
  await tx.select({ id: user.id }).from(user).where(eq(user.id, userId)).for("update");
}

export async function userContact(db: Tx, userId: string) {
  const [u] = await db
    .select({ email: user.email, name: user.name, locale: user.locale })
    .from(user)
    .where(eq(user.id, userId));
  return u ?? null;
}

export async function isMember(tx: Tx, networkId: string, userId: string) {
  const [m] = await tx
    .select({ id: member.id })
    .from(member)
    .where(byUser(member, networkId, userId));
  return !!m;
}

export async function hasPendingRegistration(tx: Tx, networkId: string, userId: string) {
  const [r] = await tx
    .select({ id: registration.id })
    .from(registration)
    .where(
      and(
        eq(registration.networkId, networkId),
        eq(registration.userId, userId),
        eq(registration.status, "pending"),
      ),
    )
    .limit(1);
  return !!r;
}

export async function latestRegistration(db: Tx, networkId: string, userId: string) {
  const [r] = await db
    .select({ status: registration.status, joinYm: registration.joinYm })
    .from(registration)
    .where(and(eq(registration.networkId, networkId), eq(registration.userId, userId)))
    .orderBy(desc(registration.createdAt))
    .limit(1);
  return r ?? null;
}

export async function insertRegistration(tx: Tx, v: typeof registration.$inferInsert) {
  await tx.insert(registration).values(v);
}

export async function findRegistration(tx: Tx, networkId: string, id: string) {
  const [r] = await tx
    .select()
    .from(registration)
    .where(byId(registration, networkId, id))
    .for("update");
  return r ?? null;
}
export type RegistrationRow = NonNullable<Awaited<ReturnType<typeof findRegistration>>>;

/** Decides a pending registration of the network; false when it is not (or no longer) pending. */
export async function decideRegistration(
  tx: Tx,
  networkId: string,
  id: string,
  v: {
    status: "approved" | "rejected";
    decidedBy: string | null;
    note?: string | null;
    matchedRosterEntryId?: string | null;
  },
) {
  const rows = await tx
    .update(registration)
    .set({
      status: v.status,
      decidedBy: v.decidedBy,
      decidedAt: sql`now()`,
      decisionNote: v.note ?? null,
      ...(v.matchedRosterEntryId !== undefined ? { matchedRosterEntryId: v.matchedRosterEntryId } : {}),
    })
    .where(byId(registration, networkId, id, eq(registration.status, "pending")))
    .returning({ id: registration.id });
  return rows.length > 0;
}

/** Puts a decided registration back in the queue, as it was before the decision. */
export async function reopenRegistration(tx: Tx, networkId: string, id: string, from: string) {
  const rows = await tx
    .update(registration)
    .set({
      status: "pending",
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
      matchedRosterEntryId: null,
    })
    .where(byId(registration, networkId, id, eq(registration.status, from)))
    .returning({ id: registration.id });
  return rows.length > 0;
}

/** The person registered again in the network after this registration. */
export async function registeredSince(
  tx: Tx,
  networkId: string,
  userId: string,
  since: Date,
  exceptId: string,
) {
  const [r] = await tx
    .select({ id: registration.id })
    .from(registration)
    .where(
      and(
        eq(registration.networkId, networkId),
        eq(registration.userId, userId),
        ne(registration.id, exceptId),
        gte(registration.createdAt, since),
      ),
    )
    .limit(1);
  return !!r;
}

const decider = alias(user, "decider");

/** The queue (pending: oldest first) or the decided ones (latest decision first). */
export async function listRegistrations(
  db: Db,
  networkId: string,
  status: "pending" | "approved" | "rejected",
  limit: number,
) {
  return db
    .select({
      r: registration,
      deciderName: decider.name,
      verifiedVia: member.verifiedVia,
    })
    .from(registration)
    .leftJoin(decider, eq(decider.id, registration.decidedBy))
    .leftJoin(
      member,
      and(eq(member.organizationId, registration.networkId), eq(member.userId, registration.userId)),
    )
    .where(and(eq(registration.networkId, networkId), eq(registration.status, status)))
    .orderBy(
      ...(status === "pending"
        ? [asc(registration.createdAt), asc(registration.id)]
        : [desc(registration.decidedAt), desc(registration.id)]),
    )
    .limit(limit);
}
export type RegistrationListRow = Awaited<ReturnType<typeof listRegistrations>>[number];

/** The network's registration policy (the default when the operators never chose one). */
export async function registrationPolicyOf(db: Tx, networkId: string): Promise<RegistrationPolicy> {
  const [r] = await db
    .select({ policy: networkSettings.registrationPolicy })
    .from(networkSettings)
    .where(eq(networkSettings.networkId, networkId));
  return (r?.policy as RegistrationPolicy | undefined) ?? DEFAULT_REGISTRATION_POLICY;
}

/**
 * Sets the network's registration policy; returns the previous one. The settings row is created
 * first and locked, so two operators changing it at once are audited one after the other.
 */
export async function setRegistrationPolicy(
  tx: Tx,
  networkId: string,
  policy: RegistrationPolicy,
  updatedBy: string | null,
): Promise<RegistrationPolicy> {
  await tx.insert(networkSettings).values({ networkId }).onConflictDoNothing();
  const [before] = await tx
    .select({ policy: networkSettings.registrationPolicy })
    .from(networkSettings)
    .where(eq(networkSettings.networkId, networkId))
    .for("update");
  if (before.policy !== policy) {
    await tx
      .update(networkSettings)
      .set({ registrationPolicy: policy, updatedBy, updatedAt: sql`now()` })
      .where(eq(networkSettings.networkId, networkId));
  }
  return before.policy as RegistrationPolicy;
}

/**
 * The person's applications still open or refused, in active networks they are not a member of:
 * the latest registration per network (what /api/me shows a registrant who is waiting).
 */
export async function openApplications(db: Db | Tx, userId: string) {
  const res = await db.execute(sql`
    select distinct on (r.network_id) o.slug, o.name, r.status
      from registration r
      join organization o on o.id = r.network_id and o.status = 'active'
     where r.user_id = ${userId}
       and not exists (select 1 from member m where m.organization_id = r.network_id and m.user_id = r.user_id)
     order by r.network_id, r.created_at desc`);
  return (res.rows as { slug: string; name: string; status: string }[])
    .filter((r) => r.status === "pending" || r.status === "rejected")
    .map((r) => ({
      slug: r.slug,
      name: r.name,
      status: r.status === "pending" ? ("pending" as const) : ("not_approved" as const),
    }));
}

// SQL for profiles. Every read is scoped by network id.

import { and, asc, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { member, memberConsent, profile, user } from "../../db/schema/index.ts";
import { byUser } from "../../db/scoped.ts";
import { record } from "../../server/events.ts";
import type { ProfileInput } from "./schemas.ts";

/**
 * Members of the network with their profile (profile columns are null when none was created yet),
 * membership and directory consent. The profile pages and the directory index both read this.
 */
export async function memberProfiles(db: Db | Tx, networkId: string, userIds: string[]) {
  return db
    .select({
      networkId: member.organizationId,
      userId: member.userId,
      memberStatus: member.status,
      memberSince: member.createdAt,
      role: member.role,
      /** An alumni supporter (アルムナイサポーター): the badge on posts, profile and card. */
      supporter: sql<boolean>`${member.supporterAt} is not null`,
      directoryConsent: memberConsent.directory,
      rehireConsent: memberConsent.rehire,
      freelanceConsent: memberConsent.freelance,
      userName: user.name,
      hasProfile: sql<boolean>`${profile.userId} is not null`,
      displayName: profile.displayName,
      displayNameKana: profile.displayNameKana,
      nameWhileEmployed: profile.nameWhileEmployed,
      nameKana: profile.nameKana,
      photoPath: profile.photoPath,
      joinYm: profile.joinYm,
      leaveYm: profile.leaveYm,
      departments: profile.departments,
      currentCompany: profile.currentCompany,
      industry: profile.industry,
      jobType: profile.jobType,
      skills: profile.skills,
      location: profile.location,
      bio: profile.bio,
      links: profile.links,
      openTo: profile.openTo,
      contactChannel: profile.contactChannel,
      contactHours: profile.contactHours,
      visibility: profile.visibility,
      updatedAt: profile.updatedAt,
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .leftJoin(profile, and(eq(profile.networkId, member.organizationId), eq(profile.userId, member.userId)))
    .leftJoin(
      memberConsent,
      and(eq(memberConsent.networkId, member.organizationId), eq(memberConsent.userId, member.userId)),
    )
    .where(and(eq(member.organizationId, networkId), inArray(member.userId, userIds)));
}

/** One member of the network with their profile, or null. */
export async function findMemberProfile(db: Db | Tx, networkId: string, userId: string) {
  const [row] = await memberProfiles(db, networkId, [userId]);
  return row ?? null;
}

export type MemberProfileRow = NonNullable<Awaited<ReturnType<typeof findMemberProfile>>>;

/** Makes sure the member has a profile row (members added before profiles existed may not). */
export async function ensureProfile(tx: Tx, networkId: string, userId: string, displayName: string) {
  const created = await tx
    .insert(profile)
    .values({ networkId, userId, displayName })
    .onConflictDoNothing()
    .returning({ userId: profile.userId });
  if (created.length) await record(tx, { type: "member.changed", networkId: networkId, userIds: [userId] });
}

/** Replaces every editable column of the profile (the photo is kept). */
export async function replaceProfile(
  tx: Tx,
  networkId: string,
  userId: string,
  p: ProfileInput,
  visibility: Record<string, string>,
) {
  const values = {
    displayName: p.displayName,
    displayNameKana: p.displayNameKana,
    nameWhileEmployed: p.nameWhileEmployed,
    nameKana: p.nameKana,
    joinYm: p.joinYm,
    leaveYm: p.leaveYm,
    departments: p.departments,
    currentCompany: p.currentCompany,
    industry: p.industry,
    jobType: p.jobType,
    skills: p.skills,
    location: p.location,
    bio: p.bio,
    links: p.links,
    openTo: p.openTo as string[],
    contactChannel: p.contactChannel,
    contactHours: p.contactHours,
    visibility: visibility as Record<string, any>,
  };
  await tx
    .insert(profile)
    .values({ networkId, userId, ...values })
    .onConflictDoUpdate({
      target: [profile.networkId, profile.userId],
      set: { ...values, updatedAt: sql`now()` },
    });
  await record(tx, { type: "member.changed", networkId: networkId, userIds: [userId] });
}

/** The current photo path, locking the profile row so concurrent uploads replace files in order. */
export async function lockPhotoPath(tx: Tx, networkId: string, userId: string) {
  const [row] = await tx
    .select({ photoPath: profile.photoPath })
    .from(profile)
    .where(byUser(profile, networkId, userId))
    .for("update");
  return row?.photoPath ?? null;
}

export async function setPhotoPath(tx: Tx, networkId: string, userId: string, photoPath: string | null) {
  await tx
    .update(profile)
    .set({ photoPath, updatedAt: sql`now()` })
    .where(byUser(profile, networkId, userId));
  await record(tx, { type: "member.changed", networkId: networkId, userIds: [userId] });
}

/**
 * An account renamed from `from` to `to`: the profiles that still show the account's former name
 * (the display name it was admitted with, never changed for that network) take the new one. A
 * display name the member chose for a network stays.
 */
export async function followAccountRename(tx: Tx, userId: string, from: string, to: string) {
  if (from === to) return;
  await tx
    .update(profile)
    .set({ displayName: to, updatedAt: new Date() })
    .where(and(eq(profile.userId, userId), eq(profile.displayName, from)));
}

/**
 * Up to `limit` profiles that still have the former default "operators" for one of `fields`
 * (the data migration that widened those defaults).
 */
export async function profilesWithVisibility(
  db: Db | Tx,
  fields: readonly string[],
  value: string,
  limit: number,
) {
  const res = await db.execute(sql`
    select network_id as "networkId", user_id as "userId"
      from profile
     where ${sql.join(
       fields.map((f) => sql`visibility->>${f} = ${value}`),
       sql` or `,
     )}
     order by network_id, user_id
     limit ${limit}`);
  return res.rows as { networkId: string; userId: string }[];
}

/** Sets `fields` to `to` where they are `from`, for these members of one network. */
export async function replaceVisibility(
  tx: Tx,
  networkId: string,
  userIds: string[],
  fields: readonly string[],
  from: string,
  to: string,
) {
  const changed = sql`coalesce((select jsonb_object_agg(f, ${to}::text)
                                  from unnest(${`{${fields.join(",")}}`}::text[]) f
                                 where ${profile.visibility}->>f = ${from}), '{}'::jsonb)`;
  await tx
    .update(profile)
    .set({ visibility: sql`${profile.visibility} || ${changed}` })
    .where(and(eq(profile.networkId, networkId), inArray(profile.userId, userIds)));
}

/**
 * Fills the profile's empty industry, job type and "open to" from answers given elsewhere (the
 * welcome survey), so nobody answers twice; what the member already entered stays.
 */
export async function fillProfileGaps(
  tx: Tx,
  networkId: string,
  userId: string,
  v: { industry?: string | null; jobType?: string | null; openTo?: string[] },
) {
  const openTo = v.openTo?.length ? `{${v.openTo.join(",")}}` : null;
  const changed = await tx
    .update(profile)
    .set({
      industry: sql`coalesce(${profile.industry}, ${v.industry ?? null})`,
      jobType: sql`coalesce(${profile.jobType}, ${v.jobType ?? null})`,
      openTo: sql`case when cardinality(${profile.openTo}) = 0 and ${openTo}::text[] is not null
                       then ${openTo}::text[] else ${profile.openTo} end`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(profile.networkId, networkId),
        eq(profile.userId, userId),
        sql`(${profile.industry} is null and ${v.industry ?? null}::text is not null
             or ${profile.jobType} is null and ${v.jobType ?? null}::text is not null
             or cardinality(${profile.openTo}) = 0 and ${openTo}::text[] is not null)`,
      ),
    )
    .returning({ userId: profile.userId });
  if (changed.length) await record(tx, { type: "member.changed", networkId, userIds: [userId] });
}

/**
 * Members (in network, user order after `after`) whose account name or profile text holds one of
 * the characters of `chars`: the data migration that re-indexes the directory when a folding of
 * characters (variant kanji) changes what their rows hold.
 */
export async function membersWithCharacters(
  db: Db | Tx,
  chars: string,
  after: { networkId: string; userId: string } | null,
  limit: number,
) {
  const text = sql`concat_ws(' ', ${user.name}, ${profile.displayName}, ${profile.nameWhileEmployed},
    ${profile.nameKana}, ${profile.currentCompany}, ${profile.location}, ${profile.bio},
    array_to_string(${profile.skills}, ' '), array_to_string(${profile.departments}, ' '))`;
  const res = await db.execute(sql`
    select ${member.organizationId} as "networkId", ${member.userId} as "userId"
      from ${member}
      join ${user} on ${user.id} = ${member.userId}
      left join ${profile} on ${profile.networkId} = ${member.organizationId} and ${profile.userId} = ${member.userId}
     where translate(${text}, ${chars}, repeat(' ', ${[...chars].length})) <> ${text}
       ${after ? sql`and (${member.organizationId}, ${member.userId}) > (${after.networkId}, ${after.userId})` : sql``}
     order by 1, 2
     limit ${limit}`);
  return res.rows as { networkId: string; userId: string }[];
}

/**
 * Profiles (in network, user order after `after`) that hold a name while employed or its reading
 * but no reading of the display name: the data migration that gives today's name the reading of
 * the same name while employed.
 */
export async function profilesWithoutReading(
  db: Db | Tx,
  after: { networkId: string; userId: string } | null,
  limit: number,
) {
  return db
    .select({
      networkId: profile.networkId,
      userId: profile.userId,
      displayName: profile.displayName,
      nameWhileEmployed: profile.nameWhileEmployed,
      nameKana: profile.nameKana,
      visibility: profile.visibility,
    })
    .from(profile)
    .where(
      and(
        or(isNotNull(profile.nameWhileEmployed), isNotNull(profile.nameKana)),
        isNull(profile.displayNameKana),
        after
          ? sql`(${profile.networkId}, ${profile.userId}) > (${after.networkId}, ${after.userId})`
          : undefined,
      ),
    )
    .orderBy(asc(profile.networkId), asc(profile.userId))
    .limit(limit);
}

/**
 * Sets the reading of the display name of one member where it has none; whether it did (no event:
 * the caller syncs the directory).
 */
export async function setDisplayNameKana(tx: Tx, networkId: string, userId: string, reading: string) {
  const rows = await tx
    .update(profile)
    .set({ displayNameKana: reading })
    .where(and(eq(profile.networkId, networkId), eq(profile.userId, userId), isNull(profile.displayNameKana)))
    .returning({ userId: profile.userId });
  return rows.length > 0;
}

import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { member, welcomeSurveyResponse as w } from "../../db/schema/index.ts";
import { byUser } from "../../db/scoped.ts";
import type { SurveyInput } from "./schemas.ts";

export async function findResponse(db: Tx, networkId: string, userId: string) {
  const [r] = await db
    .select()
    .from(w)
    .where(byUser(w, networkId, userId))
    .limit(1);
  return r ?? null;
}
export type ResponseRow = NonNullable<Awaited<ReturnType<typeof findResponse>>>;

/** Stores the answer (a second answer replaces the first). */
export async function saveResponse(tx: Tx, networkId: string, userId: string, v: SurveyInput) {
  const values = {
    joinedYear: v.joinedYear ?? null,
    industry: v.industry ?? null,
    jobType: v.jobType ?? null,
    interests: v.interests,
    interestOther: v.interestOther ?? null,
    comment: v.comment ?? null,
  };
  await tx
    .insert(w)
    .values({ networkId, userId, ...values })
    .onConflictDoUpdate({ target: [w.networkId, w.userId], set: { ...values, submittedAt: sql`now()` } });
}

/** Responses counted are those of the network's active alumni. */
const activeAlumni = (networkId: string) =>
  and(
    eq(w.networkId, networkId),
    sql`exists (select 1 from ${member} where ${member.organizationId} = ${w.networkId}
      and ${member.userId} = ${w.userId} and ${member.role} = 'alumni' and ${member.status} = 'active')`,
  );

async function countBy(db: Db, networkId: string, expr: ReturnType<typeof sql<string | null>>) {
  const rows = await db
    .select({ value: expr, count: sql<number>`count(*)::int` })
    .from(w)
    .where(and(activeAlumni(networkId), sql`${expr} is not null`))
    .groupBy(expr)
    .orderBy(desc(sql`count(*)`), expr);
  return rows.map((r) => ({ value: String(r.value), count: r.count }));
}

export async function surveyCounts(db: Db, networkId: string) {
  const [[totals], byIndustry, byJobType, byJoinDecade, byInterest] = await Promise.all([
    db
      .select({
        members: sql<number>`(select count(*)::int from ${member} where ${member.organizationId} = ${networkId}
          and ${member.role} = 'alumni' and ${member.status} = 'active')`,
        responses: sql<number>`count(*)::int`,
      })
      .from(w)
      .where(activeAlumni(networkId)),
    countBy(db, networkId, sql<string | null>`${w.industry}`),
    countBy(db, networkId, sql<string | null>`${w.jobType}`),
    countBy(db, networkId, sql<string | null>`((${w.joinedYear} / 10) * 10)::text`),
    db
      .select({ value: sql<string>`i.value`, count: sql<number>`count(*)::int` })
      .from(sql`${w} cross join lateral unnest(${w.interests}) as i(value)`)
      .where(activeAlumni(networkId))
      .groupBy(sql`i.value`)
      .orderBy(desc(sql`count(*)`), sql`i.value`),
  ]);
  return { ...totals, byIndustry, byJobType, byJoinDecade, byInterest };
}

export async function surveyTexts(
  db: Db,
  networkId: string,
  column: "comment" | "interestOther",
  limit = 200,
) {
  const col = column === "comment" ? w.comment : w.interestOther;
  const rows = await db
    .select({ text: col, submittedAt: w.submittedAt })
    .from(w)
    .where(and(activeAlumni(networkId), isNotNull(col)))
    .orderBy(desc(w.submittedAt))
    .limit(limit);
  return rows.map((r) => ({ text: r.text!, submittedAt: r.submittedAt.toISOString() }));
}

// Who the demo content is written by: the generated alumni listed in the directory.
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { member, memberConsent } from "../db/schema/index.ts";

/** Generated alumni listed in the directory, in a stable order (by user id), less `except`. */
export async function listedAlumni(db: Db, networkId: string, except: string[] = []): Promise<string[]> {
  const rows = await db
    .select({ userId: member.userId })
    .from(member)
    .innerJoin(
      memberConsent,
      and(eq(memberConsent.networkId, member.organizationId), eq(memberConsent.userId, member.userId)),
    )
    .where(
      and(
        eq(member.organizationId, networkId),
        eq(member.role, "alumni"),
        eq(member.status, "active"),
        eq(memberConsent.directory, true),
      ),
    )
    .orderBy(asc(member.userId));
  return rows.map((r) => r.userId).filter((u) => !except.includes(u));
}

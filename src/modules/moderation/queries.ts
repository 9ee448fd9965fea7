// SQL for moderation: cases (one per reported item), their reports, the threshold. Every query is
// scoped to one network.
import { count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import {
  type CaseResolution,
  type CaseStatus,
  moderationCase,
  networkSettings,
  REPORT_THRESHOLD_DEFAULT,
  type ReportReason,
  type ReportTarget,
  report,
} from "../../db/schema/index.ts";
import { byId, inNetwork } from "../../db/scoped.ts";
import type { Keyset } from "../../shared/keyset.ts";

type Conn = Db | Tx;
export type CaseRow = typeof moderationCase.$inferSelect & { at: string };

const caseColumns = {
  id: moderationCase.id,
  networkId: moderationCase.networkId,
  targetType: moderationCase.targetType,
  targetId: moderationCase.targetId,
  authorId: moderationCase.authorId,
  round: moderationCase.round,
  status: moderationCase.status,
  autoHiddenAt: moderationCase.autoHiddenAt,
  openedAt: moderationCase.openedAt,
  lastReportedAt: moderationCase.lastReportedAt,
  resolvedAt: moderationCase.resolvedAt,
  resolvedBy: moderationCase.resolvedBy,
  resolution: moderationCase.resolution,
  resolutionReason: moderationCase.resolutionReason,
  at: sql<string>`${moderationCase.lastReportedAt}::text`,
};

/**
 * The case of a reported item, opened (or reopened in its next round, when it was resolved) and
 * locked for the rest of the transaction: concurrent reports of one item count one after another.
 */
export async function openCase(
  tx: Tx,
  v: { id: string; networkId: string; targetType: ReportTarget; targetId: string; authorId: string },
): Promise<CaseRow> {
  const resolved = sql`${moderationCase.status} = 'resolved'`;
  const [row] = await tx
    .insert(moderationCase)
    .values(v)
    .onConflictDoUpdate({
      target: [moderationCase.networkId, moderationCase.targetType, moderationCase.targetId],
      set: {
        round: sql`case when ${resolved} then ${moderationCase.round} + 1 else ${moderationCase.round} end`,
        openedAt: sql`case when ${resolved} then now() else ${moderationCase.openedAt} end`,
        autoHiddenAt: sql`case when ${resolved} then null else ${moderationCase.autoHiddenAt} end`,
        resolvedAt: sql`case when ${resolved} then null else ${moderationCase.resolvedAt} end`,
        resolvedBy: sql`case when ${resolved} then null else ${moderationCase.resolvedBy} end`,
        resolution: sql`case when ${resolved} then null else ${moderationCase.resolution} end`,
        resolutionReason: sql`case when ${resolved} then null else ${moderationCase.resolutionReason} end`,
        status: "open",
        lastReportedAt: sql`now()`,
      },
    })
    .returning(caseColumns);
  return row as CaseRow;
}

/** The member's report (a second one replaces the first); whether it was new. */
export async function upsertReport(
  tx: Tx,
  v: {
    id: string;
    networkId: string;
    caseId: string;
    targetType: ReportTarget;
    targetId: string;
    reporterId: string;
    round: number;
    reason: ReportReason;
    note: string | null;
  },
) {
  const [row] = await tx
    .insert(report)
    .values(v)
    .onConflictDoUpdate({
      target: [report.networkId, report.targetType, report.targetId, report.reporterId],
      set: { caseId: v.caseId, round: v.round, reason: v.reason, note: v.note, updatedAt: sql`now()` },
    })
    .returning({ id: report.id, inserted: sql<boolean>`xmax = 0` });
  return { id: row!.id, created: row!.inserted };
}

/** Distinct members who reported the case in its round. */
export async function reportCount(db: Conn, networkId: string, caseId: string, round: number) {
  const [r] = await db
    .select({ n: count() })
    .from(report)
    .where(inNetwork(report, networkId, eq(report.caseId, caseId), eq(report.round, round)));
  return r?.n ?? 0;
}

export async function markAutoHidden(tx: Tx, networkId: string, caseId: string) {
  await tx
    .update(moderationCase)
    .set({ autoHiddenAt: sql`now()` })
    .where(byId(moderationCase, networkId, caseId));
}

export async function findCase(db: Conn, networkId: string, id: string, lock = false) {
  const q = db
    .select(caseColumns)
    .from(moderationCase)
    .where(byId(moderationCase, networkId, id))
    .limit(1);
  const [row] = await (lock ? q.for("update") : q);
  return (row as CaseRow | undefined) ?? null;
}

export async function resolveCase(
  tx: Tx,
  networkId: string,
  id: string,
  v: { resolution: CaseResolution; reason: string; by: string | null },
) {
  await tx
    .update(moderationCase)
    .set({
      status: "resolved",
      resolution: v.resolution,
      resolutionReason: v.reason,
      resolvedBy: v.by,
      resolvedAt: sql`now()`,
    })
    .where(byId(moderationCase, networkId, id));
}

/** A page of cases in `status`, the most recently reported first. */
export async function casePage(
  db: Conn,
  networkId: string,
  status: CaseStatus,
  cursor: Keyset | null,
  limit: number,
) {
  const after = cursor
    ? sql`(${moderationCase.lastReportedAt}, ${moderationCase.id}) < (${cursor.at}::timestamptz, ${cursor.id})`
    : undefined;
  return (await db
    .select(caseColumns)
    .from(moderationCase)
    .where(inNetwork(moderationCase, networkId, eq(moderationCase.status, status), after))
    .orderBy(desc(moderationCase.lastReportedAt), desc(moderationCase.id))
    .limit(limit + 1)) as CaseRow[];
}

export async function openCount(db: Conn, networkId: string) {
  const [r] = await db
    .select({ n: count() })
    .from(moderationCase)
    .where(inNetwork(moderationCase, networkId, eq(moderationCase.status, "open")));
  return r?.n ?? 0;
}

/** The reports of each case's current round. */
export async function reportsOf(db: Conn, networkId: string, cases: { id: string; round: number }[]) {
  if (!cases.length) return [];
  const rows = await db
    .select({
      caseId: report.caseId,
      round: report.round,
      reporterId: report.reporterId,
      reason: report.reason,
      note: report.note,
      createdAt: report.createdAt,
      updatedAt: report.updatedAt,
    })
    .from(report)
    .where(
      inNetwork(
        report,
        networkId,
        inArray(
          report.caseId,
          cases.map((c) => c.id),
        ),
      ),
    )
    .orderBy(report.createdAt);
  const roundOf = new Map(cases.map((c) => [c.id, c.round]));
  return rows.filter((r) => roundOf.get(r.caseId) === r.round);
}

export async function thresholdOf(db: Conn, networkId: string) {
  const [row] = await db
    .select({ n: networkSettings.reportThreshold })
    .from(networkSettings)
    .where(eq(networkSettings.networkId, networkId));
  return row?.n ?? REPORT_THRESHOLD_DEFAULT;
}

export async function setThreshold(tx: Tx, networkId: string, n: number, by: string | null) {
  const values = { reportThreshold: n, updatedBy: by, updatedAt: sql`now()` };
  await tx
    .insert(networkSettings)
    .values({ networkId, ...values })
    .onConflictDoUpdate({ target: networkSettings.networkId, set: values });
}

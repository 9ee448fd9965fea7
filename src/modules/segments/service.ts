// Segments: saved directory filters with a live member count, and the batch resolver that targeted
// posts, events, emails and surveys use to reach their members.
import { randomUUID } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { audit } from "../../server/audit.ts";
import { inTransaction, type Scope } from "../../server/scope.ts";
import { errors } from "../../shared/errors.ts";
import {
  countDirectory,
  type DirectoryFilter,
  directoryFilter,
  directoryScope,
  matchingUserIds,
  prepareSearch,
  rowMatches,
  searchDirectory,
} from "../directory/index.ts";
import {
  deleteSegment,
  findSegment,
  insertSegment,
  listSegments,
  nameTaken,
  type SegmentRow,
  updateSegment,
} from "./queries.ts";
import type { SegmentInput, SegmentOut } from "./schemas.ts";

export const segmentNotFound = () => errors.notFound({ ja: "セグメント", en: "segment" });
const nameTakenError = () =>
  errors.conflict("SEGMENT_NAME_TAKEN", {
    ja: "同じ名前のセグメントが既にあります。別の名前にしてください。",
    en: "A segment with this name already exists. Please choose another name.",
  });

/** Segments are evaluated as operators see the directory: every active member, operator-visible fields. */
const AUDIENCE = "operators";

/** The stored filter, read back through the current schema (fields that no longer exist are dropped). */
export function segmentFilter(row: SegmentRow): DirectoryFilter {
  const parsed = directoryFilter.safeParse(row.filter);
  return parsed.success ? parsed.data : {};
}

async function present(scope: Scope, row: SegmentRow): Promise<SegmentOut> {
  const filter = segmentFilter(row);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    filter,
    count: await countDirectory(scope, filter, AUDIENCE),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function segmentList(scope: Scope) {
  const rows = await listSegments(scope.db, scope.network.id);
  const items: SegmentOut[] = [];
  for (const r of rows) items.push(await present(scope, r)); // one count at a time: PGlite has one connection
  return items;
}

export async function getSegment(scope: Scope, id: string) {
  const row = await findSegment(scope.db, scope.network.id, id);
  if (!row) throw segmentNotFound();
  return present(scope, row);
}

export async function createSegment(scope: Scope, input: SegmentInput) {
  const { network, actor } = scope;
  const networkId = network.id;
  const row = await inTransaction(scope, async ({ db: tx }) => {
    const id = randomUUID();
    const created = await insertSegment(tx, { ...input, id, networkId, createdBy: actor.userId });
    if (!created) throw nameTakenError();
    await audit(tx, {
      networkId,
      actor,
      action: "segment.create",
      targetType: "segment",
      targetId: id,
      data: { name: input.name, filter: input.filter },
    });
    return created;
  });
  return present(scope, row);
}

export async function replaceSegment(scope: Scope, id: string, input: SegmentInput) {
  const { network, actor } = scope;
  const networkId = network.id;
  const row = await inTransaction(scope, async ({ db: tx }) => {
    if (!(await findSegment(tx, networkId, id))) throw segmentNotFound();
    if (await nameTaken(tx, networkId, input.name, id)) throw nameTakenError();
    const updated = await updateSegment(tx, networkId, id, input);
    if (!updated) throw segmentNotFound();
    await audit(tx, {
      networkId,
      actor,
      action: "segment.update",
      targetType: "segment",
      targetId: id,
      data: { name: input.name, filter: input.filter },
    });
    return updated;
  });
  return present(scope, row);
}

export async function removeSegment(scope: Scope, id: string) {
  const { network, actor } = scope;
  const networkId = network.id;
  await inTransaction(scope, async ({ db: tx }) => {
    const name = await deleteSegment(tx, networkId, id);
    if (name === null) throw segmentNotFound();
    await audit(tx, {
      networkId,
      actor,
      action: "segment.delete",
      targetType: "segment",
      targetId: id,
      data: { name },
    });
  });
}

/** A page of the segment's members as directory cards (operators' view). */
export async function segmentMembers(scope: Scope, id: string, page: { cursor?: string; limit: number }) {
  const row = await findSegment(scope.db, scope.network.id, id);
  if (!row) throw segmentNotFound();
  return searchDirectory(scope, { ...segmentFilter(row), sort: "name", ...page }, AUDIENCE);
}

/**
 * The user ids of a segment's members, in batches of `batchSize` (ordered by user id, so a long
 * send can resume after the last id it handled). Members are those active now and matching the
 * filter as operators see it; callers add their own rule on top (e.g. the events or surveys opt-in).
 *
 *   for await (const ids of resolveSegment(scope, segmentId)) await enqueueMails(ids);
 */
export async function* resolveSegment(
  scope: Scope,
  segmentId: string,
  opts: { batchSize?: number; after?: string } = {},
): AsyncGenerator<string[]> {
  const row = await findSegment(scope.db, scope.network.id, segmentId);
  if (!row) throw segmentNotFound();
  const search = prepareSearch(directoryScope(scope, AUDIENCE), segmentFilter(row));
  const size = opts.batchSize ?? 500;
  let after = opts.after ?? null;
  for (;;) {
    const ids = await matchingUserIds(scope.db, search, after, size);
    if (ids.length) yield ids;
    if (ids.length < size) return;
    after = ids[ids.length - 1];
  }
}

/**
 * The segments that member `userId` belongs to now (of `segmentIds`, or of all the network's), as
 * operators see the directory: one query whatever their number. Posts and announcements to a
 * segment are resolved with it when they are read, so nobody keeps a copy per member.
 */
export async function segmentsOfMember(scope: Scope, userId: string): Promise<string[]> {
  const rows = await listSegments(scope.db, scope.network.id);
  if (!rows.length) return [];
  const dir = directoryScope(scope, AUDIENCE);
  const matches = await rowMatches(
    scope.db,
    userId,
    rows.map((r) => prepareSearch(dir, segmentFilter(r))),
  );
  return rows.filter((_, i) => matches[i]).map((r) => r.id);
}

/**
 * Changes whenever a segment of the network is created, edited or deleted (SQL, to read in the
 * same statement as what depends on the segments).
 */
export const segmentsFingerprintSql = (networkId: string) =>
  sql`(select coalesce(string_agg(id || '@' || updated_at::text, ',' order by id), '') from segment where network_id = ${networkId})`;

export type SegmentConditions = {
  fingerprint: string;
  /** Each segment's filter as a condition on a `directory_entry` row of the operators' audience. */
  conds: { id: string; where: SQL }[];
};

// Prepared once per process and network, again whenever the fingerprint changes.
const prepared = new Map<string, SegmentConditions>();

/**
 * The network's segments as conditions on a member's directory row (what `segmentsOfMember`
 * evaluates), prepared once and reused while `fingerprint` (read by the caller with
 * `segmentsFingerprintSql`) matches; pass null to get whatever is prepared (or prepare it).
 */
export async function segmentConditions(
  scope: Scope,
  fingerprint: string | null,
): Promise<SegmentConditions> {
  const cur = prepared.get(scope.network.id);
  if (cur && (fingerprint === null || cur.fingerprint === fingerprint)) return cur;
  const res = await scope.db.execute(sql`
    select ${segmentsFingerprintSql(scope.network.id)} as fp,
           coalesce((select json_agg(json_build_object('id', id, 'filter', filter) order by id)
                       from segment where network_id = ${scope.network.id}), '[]'::json) as rows`);
  const row = res.rows[0] as { fp: string; rows: { id: string; filter: Record<string, unknown> }[] };
  const dir = directoryScope(scope, AUDIENCE);
  const next: SegmentConditions = {
    fingerprint: row.fp,
    conds: row.rows.map((r) => ({
      id: r.id,
      where: prepareSearch(dir, segmentFilter({ filter: r.filter } as SegmentRow)).where,
    })),
  };
  if (prepared.size > 1000) prepared.clear();
  prepared.set(scope.network.id, next);
  return next;
}

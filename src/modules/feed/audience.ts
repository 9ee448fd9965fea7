// Who sees a post, resolved when the feed is read: the whole network, the author, the operators,
// the members of a segment as the segment's filter matches them now (no per-member copy: a
// member who enters a segment later sees its posts; one who leaves it no longer does), and the
// active members of a group (one who leaves or is removed no longer sees its posts).
//
// The rule lives here and in queries.ts in three forms that must agree (feed-cache.test.ts checks
// them against each other): `visibleTo` (SQL, queries.ts: every read of posts), `mayView` (the
// same on a post row already read: a cached page is checked with it once more) and `audienceKey`
// (which viewers see exactly the same posts, so that they may share a cached page).
import { createHash } from "node:crypto";
import { fillPlaceholders, type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { MemberScope, Scope } from "../../server/scope.ts";
import { activeMembersAmong } from "../groups/index.ts";
import { memberProfiles } from "../profiles/index.ts";
import {
  type SegmentConditions,
  segmentConditions,
  segmentsFingerprintSql,
  segmentsOfMember,
} from "../segments/index.ts";
import { type Changes, changesOf, changesSinceSql } from "./cache.ts";
import type { Stream, Viewer } from "./queries.ts";

/** Who the member is for the audience rule: their segments and groups now (one statement). */
export async function viewerOf(scope: MemberScope): Promise<Viewer> {
  return (await readViewerState(scope, null)).viewer;
}

type PostAudienceFields = {
  audience: string;
  segmentId: string | null;
  groupId?: string | null;
  authorId: string;
  hiddenAt: Date | null;
};

/** `visibleTo` on a post already read: whether `v` may see `p` now. */
export function mayView(v: Viewer, p: PostAudienceFields): boolean {
  if (v.operator || p.authorId === v.userId) return true;
  if (p.hiddenAt !== null) return false;
  if (p.audience === "network") return true;
  if (p.audience === "segment") return p.segmentId !== null && v.segments.includes(p.segmentId);
  if (p.audience === "group") return !!p.groupId && v.groups.includes(p.groupId);
  return false;
}

/**
 * The streams whose merge is exactly what `v` sees (`visibleTo`): operators everything; a member
 * the network's posts and those of their segments and groups — or null when the member sees
 * something of their own beyond those (`ownOutside`: a post of theirs hidden by moderation or to
 * a segment or group they are not in, a comment of theirs hidden): their feed is then read for
 * them alone.
 */
export function streamsOf(v: Viewer, ownOutside: boolean): Stream[] | null {
  if (v.operator) return [{ type: "all" }];
  if (ownOutside) return null;
  return [
    { type: "network" },
    ...[...v.segments].sort().map((id) => ({ type: "segment" as const, id })),
    ...[...v.groups].sort().map((id) => ({ type: "group" as const, id })),
  ];
}

/** What a feed read needs to know of its viewer, read in one statement. */
export type ViewerState = {
  viewer: Viewer;
  /** The viewer sees something of their own beyond their audience (`audienceKey`). */
  ownOutside: boolean;
  seenAt: Date | null;
  /** organization.feed_version: raised by every change to what the feed shows. */
  feedVersion: number;
  segmentsFingerprint: string;
  /** The viewer's reactions to the posts asked about (read in the same statement), when asked. */
  mine: { postId: string; reaction: string }[] | null;
  /** The changes since the version asked about that concern those posts (cache.ts), when asked. */
  changes: Changes;
  /** What another module asked the same statement for (`ViewerExtra`), as it came: null if not asked. */
  extra: unknown;
};

/**
 * A column another module adds to the viewer statement, so that what it needs of the viewer comes
 * in the same round trip (the events list: the events' version and the viewer's RSVPs). `sql` gets
 * the viewer's id as a placeholder; the network's id is `o.id` in it. `key` names the variant (the
 * statement is prepared once per key).
 */
export type ViewerExtra = { key: string; sql: (me: SQL) => SQL };

/** A text[] literal, for a parameter (drizzle would spread a JS array into a list of parameters). */
const arrayLiteral = (xs: string[]) =>
  `{${xs.map((x) => `"${x.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;

const dialect = new PgDialect();
const statements = new Map<string, { sql: string; params: unknown[]; name: string }>();

/** The viewer statement's SQL and parameters (placeholders: me, ids, since), built once per variant. */
function viewerStatement(
  networkId: string,
  segs: SegmentConditions,
  operator: boolean,
  withIds: boolean,
  withSince: boolean,
  extra: ViewerExtra | null,
) {
  const key = `${networkId} ${segs.fingerprint} ${operator} ${withIds} ${withSince} ${extra?.key ?? ""}`;
  const known = statements.get(key);
  if (known) return known;
  const me = sql.placeholder("me");
  const ids = sql`${sql.placeholder("ids")}::text[]`;
  const mineIds = sql`${sql.placeholder("mineIds")}::text[]`;
  const matches: SQL = segs.conds.length
    ? sql.join(
        segs.conds.map((c, i) => sql`(${c.where}) as ${sql.identifier(`m${i}`)}`),
        sql`, `,
      )
    : sql`true as m`;
  const q = dialect.sqlToQuery(sql`
      select o.feed_version::float8 as "feedVersion",
             ${segmentsFingerprintSql(networkId)} as "segmentsFingerprint",
             (select seen_at from feed_visit where network_id = o.id and user_id = ${me}) as "seenAt",
             ${
               operator
                 ? sql`null::json as "own", false as "ownHiddenComment", null::json as groups`
                 : sql`(select json_agg(distinct jsonb_build_array(audience, segment_id, group_id, hidden_at is not null))
                          from post where network_id = o.id and author_id = ${me}
                           and (hidden_at is not null or audience <> 'network')) as "own",
                       exists (select 1 from post_comment where network_id = o.id and author_id = ${me}
                                  and hidden_at is not null and deleted_at is null) as "ownHiddenComment",
                       (select json_agg(group_id) from group_membership
                         where network_id = o.id and user_id = ${me} and status = 'active') as groups`
             },
             ${
               withIds
                 ? sql`(select coalesce(json_agg(json_build_array(post_id, reaction)), '[]'::json)
                          from post_reaction where network_id = o.id and user_id = ${me}
                           and post_id = any(${mineIds}))`
                 : sql`null::json`
             } as mine,
             ${withSince ? changesSinceSql(sql`${sql.placeholder("since")}::bigint`, ids) : sql`null::json`} as changes,
             ${extra ? extra.sql(sql`${me}`) : sql`null::json`} as extra,
             e.*
        from organization o
        left join lateral (
          select ${matches} from directory_entry
           where network_id = o.id and audience = 'operators' and user_id = ${me}
             and ${!operator && segs.conds.length ? sql`true` : sql`false`}
        ) e on true
       where o.id = ${networkId}`);
  if (statements.size > 1000) statements.clear();
  const prepared = {
    ...q,
    name: `feed_viewer_${createHash("sha1").update(q.sql).digest("hex").slice(0, 20)}`,
  };
  statements.set(key, prepared);
  return prepared;
}

/** `$n` parameters written into the text (inside a transaction, through drizzle: rare). */
function inline(text: string, values: unknown[]) {
  return text.replace(/\$(\d+)/g, (_, n) => {
    const v = values[Number(n) - 1];
    if (v === null || v === undefined) return "null";
    if (typeof v === "number") return String(v);
    return `'${String(v).replace(/'/g, "''")}'`;
  });
}

const json = <T>(v: unknown): T | null => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T | null));

/**
 * The viewer's segments (each prepared filter evaluated on their directory row) and groups, last
 * visit, whether they see something of their own beyond their audience, the feed's version and
 * the segments' fingerprint, and optionally their reactions to some posts: one statement. When
 * the segments changed since they were prepared, they are prepared again and the statement
 * repeated.
 */
export async function readViewerState(
  scope: MemberScope,
  about: {
    /** The posts whose changes since `since` are asked for. */
    postIds: string[];
    since: number | null;
    /** The posts whose reactions by the viewer are asked for (default: `postIds`). */
    minePostIds?: string[];
  } | null,
  extra: ViewerExtra | null = null,
): Promise<ViewerState> {
  const withIds = !!about?.postIds.length;
  const withSince = withIds && about?.since != null;
  const networkId = scope.network.id;
  const me = scope.member.userId;
  const operator = scope.member.role === "operator";
  let segs = await segmentConditions(scope, null);
  for (let attempt = 0; ; attempt++) {
    const q = viewerStatement(networkId, segs, operator, withIds, withSince, extra);
    const values = fillPlaceholders(q.params, {
      me,
      ids: withIds ? arrayLiteral(about?.postIds ?? []) : null,
      mineIds: withIds ? arrayLiteral(about?.minePostIds ?? about?.postIds ?? []) : null,
      since: withSince ? about?.since : null,
    });
    // On the app's own connection: SQL text built once per network, segments and variant.
    const rows =
      scope.db === scope.ctx.db
        ? await scope.ctx.database.query(q.sql, values, q.name)
        : ((await scope.db.execute(sql.raw(inline(q.sql, values)))).rows as Record<string, unknown>[]);
    const row = rows[0] as Record<string, unknown> | undefined;
    if (!row) throw new Error(`network ${networkId} not found`);
    const fp = row.segmentsFingerprint as string;
    if (fp !== segs.fingerprint && attempt < 3) {
      segs = await segmentConditions(scope, fp);
      continue;
    }
    const seen = row.seenAt as Date | string | null;
    const pairs = json<[string, string][]>(row.mine);
    const viewer: Viewer = {
      userId: me,
      operator,
      segments: operator ? [] : segs.conds.filter((_, i) => row[`m${i}`] === true).map((c) => c.id),
      groups: operator ? [] : (json<string[]>(row.groups) ?? []),
    };
    // Own posts outside the audience the viewer shares with others, and own hidden comments.
    const own = json<[string, string | null, string | null, boolean][]>(row.own) ?? [];
    const ownOutside =
      row.ownHiddenComment === true ||
      own.some(
        ([audience, segmentId, groupId, hidden]) =>
          hidden ||
          (audience === "segment" && !(segmentId && viewer.segments.includes(segmentId))) ||
          (audience === "group" && !(groupId && viewer.groups.includes(groupId))),
      );
    return {
      viewer,
      ownOutside,
      seenAt: seen === null ? null : new Date(seen),
      feedVersion: Number(row.feedVersion),
      segmentsFingerprint: fp,
      mine: pairs ? pairs.map(([postId, reaction]) => ({ postId, reaction })) : null,
      changes: changesOf(withSince ? (about?.since ?? null) : null, row.changes),
      extra: extra ? json<unknown>(row.extra) : null,
    };
  }
}

/**
 * Which of `userIds` may see `post` now (who a notification about it may reach): active members,
 * and for a post to a segment (a group) its author, the operators and the segment's (group's)
 * members; a post hidden pending review (moderation) only its author and the operators.
 */
export async function whoMaySee(
  scope: Scope,
  post: {
    audience: string;
    segmentId: string | null;
    groupId?: string | null;
    authorId: string;
    hiddenAt?: Date | null;
  },
  userIds: string[],
): Promise<string[]> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return [];
  const people = (await memberProfiles(scope.db, scope.network.id, ids)).filter(
    (p) => p.memberStatus === "active",
  );
  if (post.hiddenAt)
    return people.filter((p) => p.role === "operator" || p.userId === post.authorId).map((p) => p.userId);
  if (post.audience === "network") return people.map((p) => p.userId);
  const out: string[] = [];
  if (post.audience === "group") {
    const inGroup = new Set(
      post.groupId ? await activeMembersAmong(scope.db, scope.network.id, post.groupId, ids) : [],
    );
    return people
      .filter((p) => p.role === "operator" || p.userId === post.authorId || inGroup.has(p.userId))
      .map((p) => p.userId);
  }
  for (const p of people) {
    if (p.role === "operator" || p.userId === post.authorId) out.push(p.userId);
    else if (post.segmentId && (await segmentsOfMember(scope, p.userId)).includes(post.segmentId))
      out.push(p.userId);
  }
  return out;
}

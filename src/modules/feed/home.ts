// What the network's home page asks of the feed: the announcements the member has not read yet and
// the latest activity in their groups. Both read through the feed's own audience condition
// (`visibleTo`, the viewer read by `readViewerState` as for the feed itself): a post outside the member's
// audience — a segment they are not in now, a group they are not in, one hidden by moderation —
// is neither listed nor counted. Read-only; the feed's own read paths are untouched.
import { and, eq, inArray, isNotNull, ne, or, type SQL, sql } from "drizzle-orm";
import { notification, post } from "../../db/schema/index.ts";
import { inNetwork } from "../../db/scoped.ts";
import type { MemberScope } from "../../server/scope.ts";
import { markdownExcerpt } from "../../shared/markdown-text.ts";
import { memberProfiles } from "../profiles/index.ts";
import { readViewerState } from "./audience.ts";
import { presentAuthor } from "./presenter.ts";
import { visibleTo } from "./queries.ts";
import type { AuthorOut } from "./schemas.ts";

/** A post as a line on the home page. */
export type PostBrief = {
  id: string;
  kind: string;
  title: string;
  author: AuthorOut;
  createdAt: string;
  pinned: boolean;
  hidden: boolean;
  groupId: string | null;
};

const briefColumns = {
  id: post.id,
  kind: post.kind,
  title: post.title,
  body: post.body,
  authorId: post.authorId,
  createdAt: post.createdAt,
  pinnedAt: post.pinnedAt,
  hiddenAt: post.hiddenAt,
  groupId: post.groupId,
};
type BriefRow = {
  id: string;
  kind: string;
  title: string | null;
  body: string;
  authorId: string;
  createdAt: Date;
  pinnedAt: Date | null;
  hiddenAt: Date | null;
  groupId: string | null;
};

/** After `seenAt` in the feed's sense: a post of the same millisecond as the last visit is not after it. */
const after = (seenAt: Date | null): SQL | undefined =>
  seenAt ? sql`${post.createdAt} >= ${new Date(seenAt.getTime() + 1).toISOString()}::timestamptz` : undefined;

async function present(scope: MemberScope, rows: BriefRow[]): Promise<PostBrief[]> {
  if (!rows.length) return [];
  const authors = new Map(
    (await memberProfiles(scope.db, scope.network.id, [...new Set(rows.map((r) => r.authorId))])).map((a) => [
      a.userId,
      a,
    ]),
  );
  const viewer = { userId: scope.member.userId, role: scope.member.role };
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title ?? markdownExcerpt(r.body, 80),
    author: presentAuthor(scope.network.slug, viewer, authors.get(r.authorId), r.authorId),
    createdAt: r.createdAt.toISOString(),
    pinned: r.pinnedAt !== null,
    hidden: r.hiddenAt !== null,
    groupId: r.groupId,
  }));
}

export type HomeFeed = {
  lastSeenAt: string | null;
  /** Announcements and pinned posts not read yet: newer than the last visit and not read in the bell. */
  announcements: { items: PostBrief[]; unread: number };
  /** Per group asked about that has posts the member may see: the latest and how many are new. */
  groups: { groupId: string; newPosts: number; latest: PostBrief }[];
  /** Which of the `postIds` asked about the member may see now. */
  visiblePostIds: string[];
};

/**
 * The home page's share of the feed for the signed-in member: up to `limit` unread announcements
 * (operators' announcements and pinned posts, not the member's own, posted after their last visit
 * to the feed and whose bell notification they have not read), and for each of `groupIds` (the
 * member's groups, those they muted left out by the caller) its latest post and its new posts.
 */
export async function homeFeed(
  scope: MemberScope,
  opts: { limit: number; groupIds: string[]; postIds?: string[] },
): Promise<HomeFeed> {
  // Who the viewer is (segments, groups) and their last visit: the feed's one viewer statement.
  const { viewer, seenAt } = await readViewerState(scope, null);
  const networkId = scope.network.id;
  const me = viewer.userId;
  // An announcement read in the bell is read, whatever the last visit.
  const readInBell = sql`exists (select 1 from ${notification} n
      where n.network_id = ${post.networkId} and n.user_id = ${me}
        and n.key = 'post:' || ${post.id} and n.read_at is not null)`;
  const unreadRows = (await scope.db
    .select({ ...briefColumns, total: sql<number>`(count(*) over ())::int` })
    .from(post)
    .where(
      inNetwork(
        post,
        networkId,
        visibleTo(viewer),
        or(eq(post.kind, "announcement"), isNotNull(post.pinnedAt)),
        ne(post.authorId, me),
        after(seenAt),
        sql`not ${readInBell}`,
      ),
    )
    .orderBy(sql`${post.pinnedAt} is null`, sql`${post.createdAt} desc`, sql`${post.id} desc`)
    .limit(opts.limit)) as (BriefRow & { total: number })[];

  let groupRows: (BriefRow & { newPosts: number })[] = [];
  if (opts.groupIds.length) {
    // The latest post of each group and, in the same pass, how many of its posts are new.
    const isNew = and(ne(post.authorId, me), after(seenAt) ?? sql`true`);
    const res = await scope.db
      .selectDistinctOn([post.groupId], {
        ...briefColumns,
        newPosts: sql<number>`(count(*) filter (where ${isNew}) over (partition by ${post.groupId}))::int`,
      })
      .from(post)
      .where(
        inNetwork(
          post,
          networkId,
          visibleTo(viewer),
          eq(post.audience, "group"),
          inArray(post.groupId, opts.groupIds),
        ),
      )
      .orderBy(post.groupId, sql`${post.createdAt} desc`, sql`${post.id} desc`);
    groupRows = res as (BriefRow & { newPosts: number })[];
  }
  const asked = [...new Set(opts.postIds ?? [])];
  const visible = asked.length
    ? (
        await scope.db
          .select({ id: post.id })
          .from(post)
          .where(inNetwork(post, networkId, inArray(post.id, asked), visibleTo(viewer)))
      ).map((r) => r.id)
    : [];
  const briefs = await present(scope, [...unreadRows, ...groupRows]);
  const byId = new Map(briefs.map((b) => [b.id, b]));
  return {
    lastSeenAt: seenAt?.toISOString() ?? null,
    announcements: {
      items: unreadRows.map((r) => byId.get(r.id)!),
      unread: unreadRows[0]?.total ?? 0,
    },
    groups: groupRows.map((r) => ({
      groupId: r.groupId!,
      newPosts: r.newPosts,
      latest: byId.get(r.id)!,
    })),
    visiblePostIds: visible,
  };
}

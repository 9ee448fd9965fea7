// The community feed: operators post announcements, members post questions, requests and news;
// everyone comments (one level of replies) and reacts. Who sees a post is its audience, resolved
// when it is read (audience.ts); a post outside one's audience answers 404 everywhere.
import { randomUUID } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { Db, Tx } from "../../db/client.ts";
import type { Reaction } from "../../db/schema/index.ts";
import { audit } from "../../server/audit.ts";
import { record } from "../../server/events.ts";
import { authorize, can } from "../../server/policy.ts";
import { inTransaction, type MemberScope } from "../../server/scope.ts";
import { removeFiles } from "../../server/storage.ts";
import { AppError, errors } from "../../shared/errors.ts";
import { decodeKeyset, encodeKeyset } from "../../shared/keyset.ts";
import { markdownExcerpt } from "../../shared/markdown-text.ts";
import { directoryQuery, searchDirectory } from "../directory/index.ts";
import { groupNames, postableGroup, readableGroup } from "../groups/index.ts";
import { mutersOf, watchersOf } from "../notifications/index.ts";
import { memberProfiles } from "../profiles/index.ts";
import { findSegment } from "../segments/index.ts";
import { mayView, readViewerState, streamsOf, type ViewerState, viewerOf, whoMaySee } from "./audience.ts";
import { cached, cachedEach, type Entry, feedChanged, peek, type Tags } from "./cache.ts";
import {
  findPendingImage,
  findPostImage,
  imageKeysOf,
  imageNotFound,
  imagesOf,
  setPostImages,
} from "./images.ts";
import { mentionedIds, validMentions } from "./mentions.ts";
import { feedPolicy } from "./policy.ts";
import { presentAuthor } from "./presenter.ts";
import {
  addReaction,
  type CommentRow,
  commentCounts,
  commentsOf,
  countNewPosts,
  deleteComment,
  deletePost,
  feedPage,
  findComment,
  findPost,
  findVisiblePost,
  insertComment,
  insertPost,
  lastSeen,
  markSeen,
  myReactions,
  newestFirst,
  PINNED_MAX,
  type PostRow,
  pinnedCount,
  pinnedPosts,
  reactionCounts,
  removeReaction,
  setPinned,
  streamKey,
  streamPage,
  streamPinned,
  updateComment,
  updatePost,
  type Viewer,
} from "./queries.ts";
import type {
  CommentInput,
  CommentOut,
  FeedQuery,
  MentionableQuery,
  PostEdit,
  PostInput,
  PostOut,
} from "./schemas.ts";

export const postNotFound = () => errors.notFound({ ja: "投稿", en: "post" });
const commentNotFound = () => errors.notFound({ ja: "コメント", en: "comment" });
const announceForbidden = () =>
  new AppError(403, "FEED_ANNOUNCE_OPERATORS_ONLY", {
    ja: "お知らせとセグメント宛ての投稿は運営者だけができます。",
    en: "Only operators can post announcements or posts to a segment.",
  });
const segmentUnknown = () =>
  new AppError(422, "FEED_SEGMENT_NOT_FOUND", {
    ja: "宛先のセグメントが見つかりません。セグメントを選び直してください。",
    en: "The segment to post to was not found. Please choose it again.",
  });
const pinLimit = () =>
  errors.conflict("FEED_PIN_LIMIT", {
    ja: `固定できる投稿は${PINNED_MAX}件までです。ほかの投稿の固定を外してください。`,
    en: `At most ${PINNED_MAX} posts can be pinned. Please unpin another post first.`,
  });
const parentUnknown = () =>
  new AppError(422, "FEED_COMMENT_PARENT_NOT_FOUND", {
    ja: "返信先のコメントが見つかりません。削除された可能性があります。",
    en: "The comment you replied to was not found; it may have been deleted.",
  });

/** What notifications say of a post (and of a comment on it). */
async function newsOf(scope: MemberScope, post: PostRow, comment?: { id: string; body: string }) {
  const [me] = await memberProfiles(scope.db, scope.network.id, [scope.member.userId]);
  return {
    postId: post.id,
    ...(comment ? { commentId: comment.id } : {}),
    actorName: me?.displayName ?? me?.userName ?? scope.user.name,
    title: post.title ?? markdownExcerpt(post.body, 40),
    excerpt: markdownExcerpt(comment ? comment.body : post.body),
  };
}

const networkRef = (scope: MemberScope) => ({
  id: scope.network.id,
  slug: scope.network.slug,
  name: scope.network.name,
});

/**
 * The members `body` newly mentions (not in `before`, the text an edit replaces) who may see
 * `post`, less `skip` (told otherwise, e.g. by a reply notification): a `mention.added` event.
 */
async function recordMentions(
  tx: MemberScope & { db: Tx },
  post: PostRow,
  body: string,
  opts: { before?: string; comment?: { id: string; body: string }; skip?: string[] } = {},
) {
  const already = opts.before ? mentionedIds(opts.before) : [];
  const named = (await validMentions(tx, body, already)).filter((u) => !opts.skip?.includes(u));
  const userIds = await whoMaySee(tx, post, named);
  if (!userIds.length) return;
  await record(
    tx.db,
    {
      type: "mention.added",
      network: networkRef(tx),
      postId: post.id,
      commentId: opts.comment?.id ?? null,
      actorId: tx.member.userId,
      userIds,
      news: await newsOf(tx, post, opts.comment),
    },
    undefined,
    tx.ctx,
  );
}

type ProfileRow = Awaited<ReturnType<typeof memberProfiles>>[number];
type ImageOut = PostOut["images"][number];

/**
 * What a post is shown with, the same for every member (and one for the operators, who also
 * count hidden comments): author, reaction and comment counts, pictures, segment and group names.
 */
export type PostCard = {
  author: ProfileRow | undefined;
  reactions: { reaction: Reaction; count: number }[];
  comments: number;
  images: ImageOut[];
  segmentName: string | null;
  groupName: string | null;
};

/** `viewer` decides which comments are counted (hidden ones: their author's and operators'). */
async function loadPostCards(
  db: Db | Tx,
  network: { id: string; slug: string },
  rows: PostRow[],
  viewer: Viewer,
): Promise<Map<string, PostCard>> {
  const ids = rows.map((r) => r.id);
  const segmentIds = [...new Set(rows.flatMap((r) => (r.segmentId ? [r.segmentId] : [])))];
  const groupIds = [...new Set(rows.flatMap((r) => (r.groupId ? [r.groupId] : [])))];
  const [authors, reactions, comments, images, segments, groups] = await Promise.all([
    memberProfiles(db, network.id, [...new Set(rows.map((r) => r.authorId))]),
    reactionCounts(db, network.id, ids),
    commentCounts(db, network.id, ids, viewer),
    imagesOf(db, network.slug, network.id, ids),
    Promise.all(segmentIds.map((id) => findSegment(db, network.id, id))),
    groupNames(db, network.id, groupIds),
  ]);
  const byAuthor = new Map(authors.map((a) => [a.userId, a]));
  const byPost = new Map<string, { reaction: Reaction; count: number }[]>();
  for (const r of reactions) {
    const list = byPost.get(r.postId) ?? [];
    list.push({ reaction: r.reaction, count: r.count });
    byPost.set(r.postId, list);
  }
  const commentsOfPost = new Map(comments.map((c) => [c.postId, c.count]));
  const segmentName = new Map(segmentIds.map((id, i) => [id, segments[i]?.name ?? null]));
  const groupName = new Map(groups.map((g) => [g.id, g.name] as const));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        author: byAuthor.get(r.authorId),
        reactions: byPost.get(r.id) ?? [],
        comments: commentsOfPost.get(r.id) ?? 0,
        images: images.get(r.id) ?? [],
        segmentName: r.segmentId ? (segmentName.get(r.segmentId) ?? null) : null,
        groupName: r.groupId ? (groupName.get(r.groupId) ?? null) : null,
      },
    ]),
  );
}

/** Posts as the viewer sees them, from shared data plus what is theirs (reactions, last visit). */
function presentWith(
  scope: MemberScope,
  rows: PostRow[],
  cards: Map<string, PostCard>,
  mine: { postId: string; reaction: string }[],
  seenAt: Date | null,
): PostOut[] {
  const me = scope.member.userId;
  const operator = isOperator(scope);
  const minePairs = new Set(mine.map((m) => `${m.postId} ${m.reaction}`));
  const viewer = { userId: me, role: scope.member.role };
  const pin = can(scope, feedPolicy.pin);
  return rows.map((r) => {
    const card = cards.get(r.id);
    return {
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      audience: {
        type: r.audience,
        // Which segment: operators and the author only.
        segmentName: r.authorId === me || operator ? (card?.segmentName ?? null) : null,
        groupId: r.groupId,
        groupName: card?.groupName ?? null,
      },
      author: presentAuthor(scope.network.slug, viewer, card?.author, r.authorId),
      createdAt: r.createdAt.toISOString(),
      editedAt: r.editedAt?.toISOString() ?? null,
      pinned: r.pinnedAt !== null,
      hidden: r.hiddenAt !== null,
      isNew: r.authorId !== me && (seenAt === null || r.createdAt > seenAt),
      images: card?.images ?? [],
      reactions: (card?.reactions ?? []).map((x) => ({
        reaction: x.reaction,
        count: x.count,
        mine: minePairs.has(`${r.id} ${x.reaction}`),
      })),
      commentCount: card?.comments ?? 0,
      can: {
        edit: can(scope, feedPolicy.edit, r),
        delete: can(scope, feedPolicy.delete, r),
        pin,
      },
    };
  });
}

/** The viewer as far as comments go: the operator flag and who they are. */
const commentViewer = (scope: MemberScope): Viewer => ({
  userId: scope.member.userId,
  operator: isOperator(scope),
  segments: [],
  groups: [],
});

/** Posts (and comments) as the viewer sees them, read now (no cache: after writes, by id). */
async function presentPosts(scope: MemberScope, rows: PostRow[], seenAt: Date | null): Promise<PostOut[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [cards, mine] = await Promise.all([
    loadPostCards(scope.db, scope.network, rows, commentViewer(scope)),
    myReactions(scope.db, scope.network.id, ids, scope.member.userId),
  ]);
  return presentWith(scope, rows, cards, mine, seenAt);
}

const isOperator = (scope: MemberScope) => scope.member.role === "operator";

/** Which of `userIds` muted the group. */
async function groupMuters(scope: MemberScope, groupId: string, userIds: string[]) {
  const muted = new Set(await mutersOf(scope.db, scope.network.id, "group", groupId));
  return userIds.filter((u) => muted.has(u));
}

export async function visiblePost(scope: MemberScope, id: string, viewer?: Viewer): Promise<PostRow> {
  const row = await findVisiblePost(scope.db, scope.network.id, id, viewer ?? (await viewerOf(scope)));
  if (!row) throw postNotFound();
  return row;
}

type StreamPage = { rows: PostRow[]; pinned: PostRow[] };

// The cache keys each member's last read of a request used (per process): the next such read asks
// for the changes concerning them, and the member's reactions to their posts, in the statement
// that reads who they are.
type LastRead = { keys: string[]; shown: string[] };
const lastKeys = new LRUCache<string, LastRead>({ max: 100_000 });

const tagsOf = (scope: MemberScope, state: ViewerState): Tags => ({
  feedVersion: state.feedVersion,
  directoryVersion: scope.network.directoryVersion,
  segmentsFingerprint: state.segmentsFingerprint,
});

/** What to ask about with the viewer: the posts of the entries `keys` had, and their oldest version. */
function aboutEntries(scope: MemberScope, last: LastRead | undefined) {
  const entries = (last?.keys ?? []).map((k) => peek(scope.ctx, k)).filter((e): e is Entry<unknown> => !!e);
  if (!last || !entries.length) return null;
  return {
    postIds: [...new Set(entries.flatMap((e) => e.ids))],
    since: Math.min(...entries.map((e) => e.feedVersion)),
    // Their reactions: to the posts the page showed (not every row its streams read).
    minePostIds: last.shown,
  };
}

/**
 * The viewer's reactions to `ids`: those read with their state when it was asked for a superset,
 * else read now.
 */
async function reactionsOfViewer(
  scope: MemberScope,
  state: ViewerState,
  asked: string[] | null,
  ids: string[],
) {
  if (state.mine && asked) {
    const had = new Set(asked);
    if (ids.every((id) => had.has(id))) return state.mine;
  }
  return myReactions(scope.db, scope.network.id, ids, scope.member.userId);
}

/** The posts' cards: cached per post (one for members, one for operators), or the viewer's own. */
async function cardsFor(
  scope: MemberScope,
  state: ViewerState,
  tags: Tags,
  rows: PostRow[],
  used: string[],
): Promise<Map<string, PostCard>> {
  // A member with a hidden comment of their own counts it: their cards are theirs alone.
  if (state.ownOutside) return loadPostCards(scope.db, scope.network, rows, state.viewer);
  const operator = state.viewer.operator;
  const keys = rows.map((r) => `${scope.network.id}|card|${operator ? "op" : "m"}|${r.id}`);
  used.push(...keys);
  // Counted for the variant's viewers: every comment (operators), or those not hidden.
  const counter: Viewer = { userId: "", operator, segments: [], groups: [] };
  const cards = await cachedEach(scope.ctx, keys, tags, state.changes, async (missing) => {
    const some = missing.map((i) => rows[i]);
    const loaded = await loadPostCards(scope.db, scope.network, some, counter);
    return some.map((r) => ({ value: loaded.get(r.id) as PostCard, ids: [r.id] }));
  });
  return new Map(rows.map((r, i) => [r.id, cards[i]]));
}

/**
 * A page of the feed (or of a group's feed): the merge of the viewer's streams (`streamsOf`), each
 * stream's page shared by everyone who has it and cached while nothing it holds changed; the
 * posts' cards cached per post (cache.ts); what is the viewer's own (their reactions, what is new
 * since their last visit, what they may do) added per request.
 */
export async function feed(scope: MemberScope, q: FeedQuery) {
  const cursor = decodeKeyset(q.cursor);
  // A group's own feed: only for who may read the group (404 for a secret one outside it).
  if (q.groupId) await readableGroup(scope, q.groupId);
  const networkId = scope.network.id;
  const request = `${q.groupId ?? ""}|${q.kind ?? ""}|${q.limit}|${q.cursor ?? ""}`;
  const guessKey = `${networkId} ${scope.member.userId} ${request}`;
  const about = aboutEntries(scope, lastKeys.get(guessKey));
  const state = await readViewerState(scope, about);
  const tags = tagsOf(scope, state);
  const opts = { cursor, limit: q.limit, kind: q.kind, groupId: q.groupId };
  const withPinned = !cursor && !q.kind && !q.groupId;
  const used: string[] = [];
  let rows: PostRow[];
  let pinned: PostRow[];
  const streams = streamsOf(state.viewer, state.ownOutside);
  if (streams) {
    // A group's feed: of the viewer's streams, only the group's can hold its posts.
    const mine = q.groupId
      ? streams.filter((x) => x.type === "all" || (x.type === "group" && x.id === q.groupId))
      : streams;
    const pages = await Promise.all(
      mine.map((stream) => {
        const key = `${networkId}|stream|${streamKey(stream)}|${request}`;
        used.push(key);
        return cached<StreamPage>(scope.ctx, key, tags, state.changes, async () => {
          const [r, p] = await Promise.all([
            streamPage(scope.db, networkId, stream, opts),
            withPinned ? streamPinned(scope.db, networkId, stream) : Promise.resolve([]),
          ]);
          // Every row read (also the one past the page, which decides the cursor): a change to
          // any of them makes the page stale.
          return { value: { rows: r, pinned: p }, ids: [...p, ...r].map((x) => x.id) };
        });
      }),
    );
    rows = pages
      .flatMap((p) => p.rows)
      .sort(newestFirst)
      .slice(0, q.limit + 1);
    pinned = pages
      .flatMap((p) => p.pinned)
      .sort((a, b) => (b.pinnedAt?.getTime() ?? 0) - (a.pinnedAt?.getTime() ?? 0))
      .slice(0, PINNED_MAX);
  } else {
    // Something of their own beyond their audience: read for them alone.
    [rows, pinned] = await Promise.all([
      feedPage(scope.db, networkId, state.viewer, opts),
      withPinned ? pinnedPosts(scope.db, networkId, state.viewer) : Promise.resolve([]),
    ]);
  }
  // The audience rule once more on what shared pages hold (audience.ts: they must agree).
  const may = (r: PostRow) => mayView(state.viewer, r);
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  const shownPinned = pinned.filter(may);
  const shownItems = items.filter(may);
  const shown = [...shownPinned, ...shownItems];
  const [cards, mine] = await Promise.all([
    cardsFor(scope, state, tags, shown, used),
    reactionsOfViewer(
      scope,
      state,
      about?.minePostIds ?? null,
      shown.map((r) => r.id),
    ),
  ]);
  lastKeys.set(guessKey, { keys: used, shown: shown.map((r) => r.id) });
  return {
    pinned: presentWith(scope, shownPinned, cards, mine, state.seenAt),
    items: presentWith(scope, shownItems, cards, mine, state.seenAt),
    nextCursor: rows.length > q.limit && last ? encodeKeyset({ at: last.at, id: last.id }) : null,
    lastSeenAt: state.seenAt?.toISOString() ?? null,
  };
}

/**
 * Members the viewer may @mention whose name or reading starts with `q`: the directory as the
 * viewer sees it (a hidden member is never offered); with `postId`, only who may see that post.
 */
export async function mentionable(scope: MemberScope, q: MentionableQuery) {
  const post = q.postId ? await visiblePost(scope, q.postId) : null;
  const page = await searchDirectory(
    scope,
    directoryQuery.parse({ q: q.q, limit: Math.min(50, q.limit * 2) }),
  );
  let cards = page.items.filter((c) => c.userId !== scope.member.userId);
  if (post) {
    const may = new Set(
      await whoMaySee(
        scope,
        post,
        cards.map((c) => c.userId),
      ),
    );
    cards = cards.filter((c) => may.has(c.userId));
  }
  return cards.slice(0, q.limit).map((c) => ({
    userId: c.userId,
    name: c.displayName,
    photoUrl: c.photoUrl ?? null,
    headline: [c.currentCompany, c.departments?.[0]].filter(Boolean).join(" / ") || null,
  }));
}

/** How many posts came since the last visit (the badge in the navigation). */
export async function feedSummary(scope: MemberScope) {
  const viewer = await viewerOf(scope);
  const seenAt = await lastSeen(scope.db, scope.network.id, viewer.userId);
  return { newPosts: await countNewPosts(scope.db, scope.network.id, viewer, seenAt) };
}

/** The member has seen the feed up to `until` (the newest post shown; now by default). */
export async function markFeedSeen(scope: MemberScope, until?: string) {
  const at = until ? new Date(Math.min(Date.parse(until), Date.now())) : new Date();
  await inTransaction(scope, (tx) => markSeen(tx.db, tx.network.id, tx.member.userId, at));
}

export async function createPost(scope: MemberScope, input: PostInput): Promise<PostOut> {
  const speaksForNetwork = input.kind === "announcement" || input.audience.type === "segment";
  if (speaksForNetwork && !can(scope, feedPolicy.announce)) throw announceForbidden();
  const id = randomUUID();
  const row = await inTransaction(scope, async (tx) => {
    const segmentId = input.audience.type === "segment" ? input.audience.segmentId : null;
    if (segmentId && !(await findSegment(tx.db, tx.network.id, segmentId))) throw segmentUnknown();
    const group = input.audience.type === "group" ? await postableGroup(tx, input.audience.groupId) : null;
    const groupId = group?.id ?? null;
    await insertPost(tx.db, {
      id,
      networkId: tx.network.id,
      authorId: tx.member.userId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      audience: input.audience.type,
      segmentId,
      groupId,
    });
    await setPostImages(tx.db, tx.network.id, tx.member.userId, id, input.imageIds);
    await feedChanged(tx.db, tx.network.id, null);
    const row = await visiblePost(tx, id);
    // A post in a group reaches the group's watchers now (who may see it: its members).
    const watchers = groupId
      ? (await whoMaySee(tx, row, await watchersOf(tx.db, tx.network.id, "group", groupId))).filter(
          (u) => u !== tx.member.userId,
        )
      : [];
    await record(
      tx.db,
      {
        type: "post.published",
        network: networkRef(tx),
        postId: id,
        authorId: tx.member.userId,
        kind: input.kind,
        audience: input.audience.type,
        segmentId,
        groupId,
        watchers,
        news: { ...(await newsOf(tx, row)), ...(group ? { groupName: group.name } : {}) },
      },
      undefined,
      tx.ctx,
    );
    await recordMentions(tx, row, input.body);
    return row;
  });
  const [out] = await presentPosts(scope, [row], null);
  return out;
}

type PostDetail = {
  row: PostRow;
  card: PostCard;
  comments: CommentRow[];
  commenters: Map<string, ProfileRow>;
};

/** A post with every comment (hidden ones too: each viewer's are picked from them). */
async function loadPostDetail(
  db: Db | Tx,
  network: { id: string; slug: string },
  id: string,
): Promise<PostDetail | null> {
  const row = await findPost(db, network.id, id);
  if (!row) return null;
  const everyone: Viewer = { userId: "", operator: true, segments: [], groups: [] };
  const [cards, comments] = await Promise.all([
    loadPostCards(db, network, [row], everyone),
    commentsOf(db, network.id, id),
  ]);
  const ids = [...new Set(comments.filter((r) => !r.deletedAt).map((r) => r.authorId))];
  const commenters = new Map(
    (ids.length ? await memberProfiles(db, network.id, ids) : []).map((a) => [a.userId, a]),
  );
  return { row, card: cards.get(id) as PostCard, comments, commenters };
}

/** A post by id with its comments, as the viewer sees it (404 outside its audience). */
export async function getPost(scope: MemberScope, id: string) {
  const networkId = scope.network.id;
  const key = `${networkId}|post|${id}`;
  const guessed = peek<PostDetail | null>(scope.ctx, key);
  const state = await readViewerState(scope, { postIds: [id], since: guessed?.feedVersion ?? null });
  const detail = await cached(scope.ctx, key, tagsOf(scope, state), state.changes, async () => ({
    value: await loadPostDetail(scope.db, scope.network, id),
    ids: [id],
  }));
  // The same rule as every read (audience.ts): outside its audience, the post does not exist.
  if (!detail || !mayView(state.viewer, detail.row)) throw postNotFound();
  const comments = seenComments(scope, detail.comments);
  // Counted as the viewer sees them (a hidden comment: its author and the operators).
  const card = { ...detail.card, comments: comments.filter((c) => !c.deletedAt).length };
  const [out] = presentWith(scope, [detail.row], new Map([[id, card]]), state.mine ?? [], state.seenAt);
  return { ...out, comments: presentCommentsWith(scope, comments, detail.commenters) };
}

export async function editPost(scope: MemberScope, id: string, input: PostEdit) {
  const removed = await inTransaction(scope, async (tx) => {
    const row = await visiblePost(tx, id);
    authorize(tx, feedPolicy.edit, row);
    await updatePost(tx.db, tx.network.id, id, { title: input.title, body: input.body });
    await feedChanged(tx.db, tx.network.id, id);
    await recordMentions(tx, row, input.body, { before: row.body });
    return input.imageIds ? setPostImages(tx.db, tx.network.id, tx.member.userId, id, input.imageIds) : [];
  });
  await removeFiles(scope.ctx.storage, removed);
  return getPost(scope, id);
}

export async function removePost(scope: MemberScope, id: string) {
  const files = await inTransaction(scope, async (tx) => {
    const row = await visiblePost(tx, id);
    authorize(tx, feedPolicy.delete, row);
    const keys = await imageKeysOf(tx.db, tx.network.id, id);
    await deletePost(tx.db, tx.network.id, id);
    await feedChanged(tx.db, tx.network.id, id);
    await record(tx.db, { type: "post.deleted", networkId: tx.network.id, postId: id });
    // An operator removing someone else's post is a moderation act: it is kept.
    if (row.authorId !== tx.member.userId) {
      await audit(tx.db, {
        networkId: tx.network.id,
        actor: tx.actor,
        action: "post.delete",
        targetType: "post",
        targetId: id,
        data: { authorId: row.authorId, title: row.title, excerpt: row.body.slice(0, 200) },
      });
    }
    return keys;
  });
  await removeFiles(scope.ctx.storage, files);
}

/** A picture of a post the viewer may see. */
export async function postImageFile(scope: MemberScope, postId: string, imageId: string) {
  await visiblePost(scope, postId);
  const found = await findPostImage(scope.db, scope.network.id, postId, imageId);
  const file = found && (await scope.ctx.storage.get(found.storageKey));
  if (!found || !file) throw imageNotFound();
  return { ...file, mime: found.mime };
}

/** One of the member's own uploads not yet in a post (the composer's preview). */
export async function pendingImageFile(scope: MemberScope, id: string) {
  const found = await findPendingImage(scope, id);
  const file = await scope.ctx.storage.get(found.storageKey);
  if (!file) throw imageNotFound();
  return { ...file, mime: found.mime };
}

export async function pinPost(scope: MemberScope, id: string, pinned: boolean) {
  await inTransaction(scope, async (tx) => {
    const row = await visiblePost(tx, id);
    if (pinned && row.pinnedAt) return;
    if (pinned && (await pinnedCount(tx.db, tx.network.id)) >= PINNED_MAX) throw pinLimit();
    await setPinned(tx.db, tx.network.id, id, pinned ? tx.member.userId : null);
    await feedChanged(tx.db, tx.network.id, null);
    await audit(tx.db, {
      networkId: tx.network.id,
      actor: tx.actor,
      action: pinned ? "post.pin" : "post.unpin",
      targetType: "post",
      targetId: id,
    });
  });
  return getPost(scope, id);
}

export async function react(scope: MemberScope, id: string, reaction: Reaction, on: boolean) {
  await inTransaction(scope, async (tx) => {
    await visiblePost(tx, id);
    if (on) await addReaction(tx.db, tx.network.id, id, tx.member.userId, reaction);
    else await removeReaction(tx.db, tx.network.id, id, tx.member.userId, reaction);
    await feedChanged(tx.db, tx.network.id, id);
  });
  const [out] = await presentPosts(scope, [await visiblePost(scope, id)], null);
  return out.reactions;
}

async function presentComments(scope: MemberScope, rows: CommentRow[]): Promise<CommentOut[]> {
  const ids = [...new Set(rows.filter((r) => !r.deletedAt).map((r) => r.authorId))];
  const authors = new Map(
    (ids.length ? await memberProfiles(scope.db, scope.network.id, ids) : []).map((a) => [a.userId, a]),
  );
  return presentCommentsWith(scope, rows, authors);
}

function presentCommentsWith(
  scope: MemberScope,
  rows: CommentRow[],
  authors: Map<string, ProfileRow>,
): CommentOut[] {
  const viewer = { userId: scope.member.userId, role: scope.member.role };
  return rows.map((r) => {
    const deleted = r.deletedAt !== null;
    return {
      id: r.id,
      parentId: r.parentId,
      author: deleted ? null : presentAuthor(scope.network.slug, viewer, authors.get(r.authorId), r.authorId),
      body: deleted ? "" : r.body,
      createdAt: r.createdAt.toISOString(),
      editedAt: r.editedAt?.toISOString() ?? null,
      deleted,
      hidden: r.hiddenAt !== null,
      can: {
        edit: !deleted && can(scope, feedPolicy.edit, r),
        delete: !deleted && can(scope, feedPolicy.delete, r),
      },
    };
  });
}

export async function addComment(scope: MemberScope, postId: string, input: CommentInput) {
  const id = randomUUID();
  await inTransaction(scope, async (tx) => {
    const post = await visiblePost(tx, postId);
    let parentId: string | null = null;
    const replyTo = [post.authorId];
    if (input.parentId) {
      const parent = await findComment(tx.db, tx.network.id, input.parentId);
      if (!parent || parent.postId !== postId || parent.deletedAt || !commentSeenBy(tx, parent))
        throw parentUnknown();
      // One level of replies: a reply to a reply joins the same thread.
      parentId = parent.parentId ?? parent.id;
      replyTo.push(parent.authorId);
    }
    await insertComment(tx.db, {
      id,
      networkId: tx.network.id,
      postId,
      parentId,
      authorId: tx.member.userId,
      body: input.body,
    });
    await feedChanged(tx.db, tx.network.id, postId);
    // Notifications reach only who may see the post now (a segment's members may have changed).
    const watchers = await watchersOf(tx.db, tx.network.id, "post", postId);
    const allowed = new Set(await whoMaySee(tx, post, [...replyTo, ...watchers]));
    // A muted group notifies nothing, its posts' comments included.
    if (post.groupId) for (const u of await groupMuters(tx, post.groupId, [...allowed])) allowed.delete(u);
    await record(
      tx.db,
      {
        type: "comment.added",
        network: networkRef(tx),
        postId,
        commentId: id,
        actorId: tx.member.userId,
        replyTo: replyTo.filter((u) => allowed.has(u)),
        watchers: watchers.filter((u) => allowed.has(u)),
        news: await newsOf(tx, post, { id, body: input.body }),
      },
      undefined,
      tx.ctx,
    );
    await recordMentions(tx, post, input.body, { comment: { id, body: input.body }, skip: replyTo });
  });
  const row = await findComment(scope.db, scope.network.id, id);
  if (!row) throw commentNotFound();
  const [out] = await presentComments(scope, [row]);
  return out;
}

/**
 * The comments as the member sees them: one hidden from them (moderation) is left out, or kept as
 * an empty 「削除されました」 place when it has replies (as a deleted one is).
 */
function seenComments(scope: MemberScope, rows: CommentRow[]): CommentRow[] {
  const parents = new Set(rows.map((r) => r.parentId));
  return rows.flatMap((r) => {
    if (commentSeenBy(scope, r)) return [r];
    return parents.has(r.id) ? [{ ...r, body: "", hiddenAt: null, deletedAt: r.hiddenAt }] : [];
  });
}

/** Whether the member may see the comment (hidden pending review: its author and the operators). */
const commentSeenBy = (scope: MemberScope, c: { hiddenAt: Date | null; authorId: string }) =>
  c.hiddenAt === null || c.authorId === scope.member.userId || isOperator(scope);

/** The comment, if its post is visible to the viewer and it is neither deleted nor hidden from them. */
export async function visibleComment(scope: MemberScope, id: string) {
  const row = await findComment(scope.db, scope.network.id, id);
  if (!row || row.deletedAt || !commentSeenBy(scope, row)) throw commentNotFound();
  await visiblePost(scope, row.postId);
  return row;
}

export async function editComment(scope: MemberScope, id: string, body: string) {
  await inTransaction(scope, async (tx) => {
    const row = await visibleComment(tx, id);
    authorize(tx, feedPolicy.edit, row);
    await updateComment(tx.db, tx.network.id, id, body);
    await feedChanged(tx.db, tx.network.id, row.postId);
    const post = await visiblePost(tx, row.postId);
    await recordMentions(tx, post, body, { before: row.body, comment: { id, body } });
  });
  const row = await findComment(scope.db, scope.network.id, id);
  if (!row) throw commentNotFound();
  const [out] = await presentComments(scope, [row]);
  return out;
}

export async function removeComment(scope: MemberScope, id: string) {
  await inTransaction(scope, async (tx) => {
    const row = await visibleComment(tx, id);
    authorize(tx, feedPolicy.delete, row);
    await deleteComment(tx.db, tx.network.id, id);
    await feedChanged(tx.db, tx.network.id, row.postId);
    if (row.authorId !== tx.member.userId) {
      await audit(tx.db, {
        networkId: tx.network.id,
        actor: tx.actor,
        action: "comment.delete",
        targetType: "comment",
        targetId: id,
        data: { authorId: row.authorId, postId: row.postId, excerpt: row.body.slice(0, 200) },
      });
    }
  });
}

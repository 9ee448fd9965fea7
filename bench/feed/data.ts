// The feed benchmark's data, added to the directory benchmark's database (the same N generated
// members of network "bench", loaded or reused by bench/directory/data.ts): segments, posts,
// reactions, comments, pinned posts, last visits and notification choices, written with
// multi-row INSERTs in batches (src/devdata/bulk.ts). A marker row of its own records what was
// loaded, so later runs reuse it; a mismatch (or a reload of the members) deletes the feed rows
// and loads them again.
//
// Audiences: about 1 post in 10 is an operator's announcement, 40 % of those to one of five
// segments (saved directory filters, resolved when the feed is read); the rest are members' posts
// (questions, requests, news) to the whole network; 1 in 500 is hidden by moderation (its author
// and the operators still see it). Groups: 40 groups (open, closed, secret); 45 % of the members
// are in none, 35 % in one, 15 % in two, 5 % in three; 15 % of the members' posts go to one of
// their author's groups — so readers have many different combinations of segments and groups
// (src/modules/feed/cache.ts shares pages per stream, not per combination).
import { randomUUID } from "node:crypto";
import { insertRows, inTransaction, type Query } from "../../src/devdata/bulk.ts";
import { Rng } from "../../src/devdata/index.ts";
import type { AppContext } from "../../src/server/context.ts";
import {
  fingerprintOf,
  type Prepared,
  prepareData,
  readMarkerIn,
  SLUG,
  type Target,
  writeMarkerIn,
} from "../directory/data.ts";

/** Posts per member in the target: 50,000 posts for 100,000 members. */
export const POSTS_PER_MEMBER = 0.5;
/** Share of members' posts that go to one of their author's groups. */
export const GROUP_SHARE = 0.15;
/** Groups in the network. */
export const GROUPS = 40;
/** Share of members who chose "email now" for announcements (the default is the digest). */
export const EMAIL_NOW_SHARE = 0.1;

export const SEGMENTS: { name: string; filter: Record<string, unknown> }[] = [
  { name: "2015年以降入社", filter: { joinFrom: 2015 } },
  { name: "2005年以前入社", filter: { joinTo: 2005 } },
  { name: "営業部門出身", filter: { department: ["営業部", "法人営業部"] } },
  { name: "開発部門出身", filter: { department: ["開発部", "情報システム部", "研究開発部"] } },
  { name: "首都圏在住", filter: { location: "東京" } },
];

const KINDS = ["question", "help_wanted", "news"] as const;
const TOPICS = [
  "新規事業の立ち上げ",
  "SaaS の営業組織づくり",
  "採用面接の進め方",
  "経理のクラウド移行",
  "データ分析基盤",
  "海外拠点の立ち上げ",
  "副業の始め方",
  "マーケティングの KPI 設計",
  "カスタマーサクセスの体制",
  "法務レビューの外注",
  "デザインシステム",
  "React と TypeScript の勉強会",
];
const OPENERS = [
  "こういう案件の相談に乗れる人はいませんか?",
  "近況のご報告です。",
  "お力を貸してください。",
  "久しぶりに投稿します。",
  "Does anyone have experience with this?",
];

const FINGERPRINT_FILES = ["bench/feed/data.ts", "src/db/migrations/meta/_journal.json"];

const fingerprint = () => fingerprintOf(FINGERPRINT_FILES);

export type FeedMarker = {
  seed: number;
  size: number;
  posts: number;
  fingerprint: string;
  loadMs: number;
  loadedAt: string;
  counts?: Record<string, number>;
};

const readMarker = (ctx: AppContext) => readMarkerIn<FeedMarker>(ctx, "bench_feed_marker");

/** Which audience post #i goes to (members' posts: the network, or one of the author's groups). */
function audienceOf(rng: Rng, operatorPost: boolean, segments: string[], authorGroups: string[] | undefined) {
  if (operatorPost && rng.chance(0.4))
    return { audience: "segment", segmentId: rng.pick(segments), groupId: null };
  if (!operatorPost && authorGroups?.length && rng.chance(GROUP_SHARE)) {
    return { audience: "group", segmentId: null, groupId: rng.pick(authorGroups) };
  }
  return { audience: "network", segmentId: null, groupId: null };
}

async function wipe(q: Query, networkId: string) {
  // Cascades: comments and reactions go with their posts.
  for (const t of [
    "post",
    "group_membership",
    "network_group",
    "segment",
    "feed_visit",
    "notification",
    "notification_pref",
    "notification_digest",
  ]) {
    await q(`delete from ${t} where network_id = $1`, [networkId]);
  }
}

async function load(ctx: AppContext, t: Target, networkId: string, print: (s: string) => void) {
  const started = performance.now();
  const rng = new Rng(t.seed * 7919 + 17);
  const people = await ctx.database.query<{ user_id: string; role: string }>(
    "select user_id, role from member where organization_id = $1 and status = 'active' order by user_id",
    [networkId],
  );
  const operators = people.filter((p) => p.role === "operator").map((p) => p.user_id);
  const members = people.filter((p) => p.role !== "operator").map((p) => p.user_id);
  if (!operators.length || !members.length) throw new Error("the network has no operator or no members");
  const nPosts = Math.round(t.size * POSTS_PER_MEMBER);
  const now = Date.now();
  // Two years of posts, the newest a minute ago, evenly spread (with jitter).
  const span = 2 * 365 * 86_400_000;
  const step = span / nPosts;
  const segmentIds: string[] = [];
  const groupIds: string[] = [];
  const groupsOf = new Map<string, string[]>();
  const counts = {
    posts: 0,
    segmentPosts: 0,
    groupPosts: 0,
    groupMemberships: 0,
    hidden: 0,
    pinned: 0,
    reactions: 0,
    comments: 0,
    visits: 0,
    emailNow: 0,
  };
  await inTransaction(ctx.database, async (q) => {
    await wipe(q, networkId);
    const rows = SEGMENTS.map((s) => {
      const id = randomUUID();
      segmentIds.push(id);
      return [id, networkId, s.name, "ベンチのセグメント", JSON.stringify(s.filter), operators[0]];
    });
    await insertRows(
      q,
      "segment",
      ["id", "network_id", "name", "description", "filter", "created_by"],
      rows,
      {
        filter: "jsonb",
      },
    );
    const kinds = ["open", "closed", "secret"];
    const groups = Array.from({ length: GROUPS }, (_, i) => {
      const id = randomUUID();
      groupIds.push(id);
      return [
        id,
        networkId,
        `${rng.pick(TOPICS)}の部屋 ${i + 1}`,
        "ベンチのグループ",
        kinds[i % 3],
        operators[0],
      ];
    });
    await insertRows(
      q,
      "network_group",
      ["id", "network_id", "name", "description", "kind", "created_by"],
      groups,
    );
    const memberships: unknown[][] = [];
    for (const u of members) {
      const x = rng.float();
      const n = x < 0.45 ? 0 : x < 0.8 ? 1 : x < 0.95 ? 2 : 3;
      const mine = new Set<string>();
      while (mine.size < n) mine.add(rng.pick(groupIds));
      if (!mine.size) continue;
      groupsOf.set(u, [...mine]);
      for (const g of mine)
        memberships.push([networkId, g, u, "active", "member", new Date(now).toISOString()]);
    }
    counts.groupMemberships = memberships.length;
    for (let k = 0; k < memberships.length; k += 10000)
      await insertRows(
        q,
        "group_membership",
        ["network_id", "group_id", "user_id", "status", "role", "joined_at"],
        memberships.slice(k, k + 10000),
      );
  });
  const BATCH = 2000;
  let lastPrint = performance.now();
  for (let from = 0; from < nPosts; from += BATCH) {
    const posts: unknown[][] = [];
    const reactions: unknown[][] = [];
    const comments: unknown[][] = [];
    for (let i = from; i < Math.min(nPosts, from + BATCH); i++) {
      const id = randomUUID();
      const operatorPost = i % 10 === 3;
      const author = operatorPost ? rng.pick(operators) : rng.pick(members);
      const { audience, segmentId, groupId } = audienceOf(
        rng,
        operatorPost,
        segmentIds,
        groupsOf.get(author),
      );
      const kind = operatorPost ? "announcement" : rng.pick(KINDS);
      const topic = rng.pick(TOPICS);
      const at = new Date(now - 60_000 - (nPosts - 1 - i) * step - Math.floor(rng.float() * step * 0.5));
      const hidden = !operatorPost && rng.chance(0.002);
      const pinned = operatorPost && audience === "network" && i >= nPosts - 200 && counts.pinned < 3;
      const body = `${rng.pick(OPENERS)}\n\n**${topic}**について、${rng.int(1, 9)}年ほど関わってきました。\n\n- 期間: ${rng.int(1, 12)}か月\n- 形式: ${rng.pick(["業務委託", "副業", "ボランティア", "正社員"])}\n\nご興味のある方はコメントください。`;
      posts.push([
        id,
        networkId,
        author,
        kind,
        rng.chance(0.6) ? `${topic}について` : null,
        body,
        audience,
        segmentId,
        groupId,
        pinned ? at.toISOString() : null,
        pinned ? author : null,
        hidden ? at.toISOString() : null,
        at.toISOString(),
      ]);
      counts.posts++;
      if (audience === "segment") counts.segmentPosts++;
      if (audience === "group") counts.groupPosts++;
      if (hidden) counts.hidden++;
      if (pinned) counts.pinned++;
      // Reactions: 0–8 distinct members, one reaction kind each (a few give two).
      const nr = rng.int(0, 8);
      const seen = new Set<string>();
      for (let r = 0; r < nr; r++) {
        const u = rng.pick(members);
        if (seen.has(u)) continue;
        seen.add(u);
        reactions.push([
          networkId,
          id,
          u,
          rng.pick(["like", "thanks", "celebrate", "idea", "support"]),
          at.toISOString(),
        ]);
        counts.reactions++;
      }
      const nc = rng.int(0, 3);
      let first: string | null = null;
      for (let c = 0; c < nc; c++) {
        const cid = randomUUID();
        const cat = new Date(at.getTime() + (c + 1) * 600_000).toISOString();
        comments.push([
          cid,
          networkId,
          id,
          c > 0 && rng.chance(0.5) ? first : null,
          rng.pick(members),
          "ありがとうございます、参考になります。",
          cat,
        ]);
        first ??= cid;
        counts.comments++;
      }
    }
    await inTransaction(ctx.database, async (q) => {
      await insertRows(
        q,
        "post",
        [
          "id",
          "network_id",
          "author_id",
          "kind",
          "title",
          "body",
          "audience",
          "segment_id",
          "group_id",
          "pinned_at",
          "pinned_by",
          "hidden_at",
          "created_at",
        ],
        posts,
      );
      for (let k = 0; k < reactions.length; k += 5000)
        await insertRows(
          q,
          "post_reaction",
          ["network_id", "post_id", "user_id", "reaction", "created_at"],
          reactions.slice(k, k + 5000),
        );
      for (let k = 0; k < comments.length; k += 5000)
        await insertRows(
          q,
          "post_comment",
          ["id", "network_id", "post_id", "parent_id", "author_id", "body", "created_at"],
          comments.slice(k, k + 5000),
        );
    });
    if (performance.now() - lastPrint > 5000) {
      lastPrint = performance.now();
      print(
        `  posts ${Math.min(nPosts, from + BATCH).toLocaleString("en-US")} / ${nPosts.toLocaleString("en-US")}`,
      );
    }
  }
  // Last visits (a third of the members, within the last month) and "email now" for announcements.
  const visits: unknown[][] = [];
  const prefs: unknown[][] = [];
  for (const u of members) {
    if (rng.chance(1 / 3))
      visits.push([networkId, u, new Date(now - rng.int(0, 30 * 86_400_000)).toISOString()]);
    if (rng.chance(EMAIL_NOW_SHARE)) prefs.push([networkId, u, "announcement", "email"]);
  }
  counts.visits = visits.length;
  counts.emailNow = prefs.length;
  await inTransaction(ctx.database, async (q) => {
    for (let k = 0; k < visits.length; k += 10000)
      await insertRows(q, "feed_visit", ["network_id", "user_id", "seen_at"], visits.slice(k, k + 10000));
    for (let k = 0; k < prefs.length; k += 10000)
      await insertRows(
        q,
        "notification_pref",
        ["network_id", "user_id", "kind", "channel"],
        prefs.slice(k, k + 10000),
      );
  });
  print("  VACUUM ANALYZE…");
  await ctx.database.exec("VACUUM ANALYZE");
  const marker: FeedMarker = {
    seed: t.seed,
    size: t.size,
    posts: nPosts,
    fingerprint: fingerprint(),
    loadMs: Math.round(performance.now() - started),
    loadedAt: new Date().toISOString(),
    counts,
  };
  await writeMarkerIn(ctx, "bench_feed_marker", marker);
  return marker;
}

export type FeedPrepared = Prepared & { feed: FeedMarker; feedReused: boolean; networkId: string };

/** The directory bench's members (loaded or reused), plus the feed's rows (loaded or reused). */
export async function prepareFeedData(
  t: Target,
  reload: boolean,
  print: (s: string) => void,
): Promise<FeedPrepared> {
  const prepared = await prepareData(t, reload, print);
  const { ctx } = prepared;
  const [net] = await ctx.database.query<{ id: string }>("select id from organization where slug = $1", [
    SLUG,
  ]);
  if (!net) throw new Error(`network ${SLUG} missing`);
  const marker = prepared.reused && !reload ? await readMarker(ctx) : null;
  if (marker && marker.seed === t.seed && marker.size === t.size && marker.fingerprint === fingerprint()) {
    print(`  reusing the feed data (loaded ${marker.loadedAt})`);
    return { ...prepared, feed: marker, feedReused: true, networkId: net.id };
  }
  print(`  loading the feed: ${Math.round(t.size * POSTS_PER_MEMBER).toLocaleString("en-US")} posts…`);
  const feed = await load(ctx, t, net.id, print);
  print(`  feed loaded in ${(feed.loadMs / 1000).toFixed(1)} s: ${JSON.stringify(feed.counts)}`);
  return { ...prepared, feed, feedReused: false, networkId: net.id };
}

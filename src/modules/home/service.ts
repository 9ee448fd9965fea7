// The network's home page (ネットワークのホーム): what is new for the signed-in member, at a glance.
// A module of its own with no tables: it asks each owning module through its index.ts, so every
// rule stays where it lives — the feed decides which posts the member sees (homeFeed, with the
// feed's audience condition), the bell which notifications are theirs, the directory which members
// and fields they may see (recentlyJoined reads the viewer's audience's rows), the messages module
// whom they may message.
import type { MemberScope } from "../../server/scope.ts";
import { recentlyJoined } from "../directory/index.ts";
import { homeFeed, type PostBrief } from "../feed/index.ts";
import { groupNames, groupsOfMember } from "../groups/index.ts";
import { openInquiryCounts } from "../inquiries/index.ts";
import { messageable } from "../messages/index.ts";
import { openCases } from "../moderation/index.ts";
import { mutedBy, unreadOfKinds } from "../notifications/index.ts";
import { findMemberProfile } from "../profiles/index.ts";
import type { HomeOut } from "./schemas.ts";

/** Newcomers: who joined the network in this many days. */
export const NEWCOMER_DAYS = 60;
const NEWCOMERS_SHOWN = 6;
const ANNOUNCEMENTS_SHOWN = 5;
const GROUPS_SHOWN = 6;
const REPLIES_SHOWN = 5;
/** Unread replies read to find REPLIES_SHOWN about posts the member may still see. */
const REPLIES_READ = 20;

const brief = ({ groupId: _, ...p }: PostBrief) => p;

/** The 入社年 of a "YYYY-MM" join date. */
const yearOf = (ym: string | null | undefined) => (ym && /^\d{4}/.test(ym) ? Number(ym.slice(0, 4)) : null);

async function newcomers(scope: MemberScope) {
  const me = await findMemberProfile(scope.db, scope.network.id, scope.member.userId);
  const joinYear = yearOf(me?.joinYm);
  const departments = (me?.departments ?? []).slice(0, 10);
  const since = new Date(Date.now() - NEWCOMER_DAYS * 86_400_000);
  const except = [scope.member.userId];
  const cohort =
    joinYear === null
      ? []
      : await recentlyJoined(
          scope,
          { joinFrom: joinYear, joinTo: joinYear },
          { since, limit: NEWCOMERS_SHOWN, except },
        );
  const department = departments.length
    ? await recentlyJoined(
        scope,
        { department: departments },
        { since, limit: NEWCOMERS_SHOWN, except: [...except, ...cohort.map((c) => c.card.userId)] },
      )
    : [];
  const may = new Set(
    await messageable(
      scope,
      [...cohort, ...department].map((c) => c.card.userId),
    ),
  );
  const withMessage = (xs: typeof cohort) => xs.map((x) => ({ ...x, canMessage: may.has(x.card.userId) }));
  return {
    days: NEWCOMER_DAYS,
    joinYear,
    departments,
    cohort: withMessage(cohort),
    department: withMessage(department),
  };
}

async function desk(scope: MemberScope) {
  if (scope.member.role !== "operator") return null;
  const [inquiries, cases] = await Promise.all([
    openInquiryCounts(scope.db, scope.network.id),
    openCases(scope),
  ]);
  return {
    openInquiries: inquiries.open,
    unassignedInquiries: inquiries.unassigned,
    moderationQueue: cases.open,
  };
}

export async function networkHome(scope: MemberScope): Promise<HomeOut> {
  const networkId = scope.network.id;
  const me = scope.member.userId;
  const [joined, muted, replies] = await Promise.all([
    groupsOfMember(scope, me),
    mutedBy(scope.db, networkId, me, "group"),
    unreadOfKinds(scope, ["reply", "mention"], REPLIES_READ),
  ]);
  const mutedSet = new Set(muted);
  const groupIds = joined.filter((g) => !mutedSet.has(g));
  const replyPosts = replies.items.flatMap((r) => (r.postId ? [r.postId] : []));
  const [feed, names, people, operatorDesk] = await Promise.all([
    homeFeed(scope, { limit: ANNOUNCEMENTS_SHOWN, groupIds, postIds: replyPosts }),
    groupNames(scope.db, networkId, groupIds),
    newcomers(scope),
    desk(scope),
  ]);
  // A reply or mention about a post the member may no longer see (a segment they left) is not shown.
  const seen = new Set(feed.visiblePostIds);
  const shownReplies = replies.items.filter((r) => !r.postId || seen.has(r.postId));
  const hiddenReplies = replies.items.length - shownReplies.length;
  const activity = new Map(feed.groups.map((g) => [g.groupId, g]));
  const groups = names
    .map((g) => {
      const a = activity.get(g.id);
      return { id: g.id, name: g.name, newPosts: a?.newPosts ?? 0, latest: a ? brief(a.latest) : null };
    })
    .sort(
      (a, b) =>
        Number(b.newPosts > 0) - Number(a.newPosts > 0) ||
        (b.latest?.createdAt ?? "").localeCompare(a.latest?.createdAt ?? "") ||
        a.name.localeCompare(b.name, "ja"),
    );
  return {
    lastVisitAt: feed.lastSeenAt,
    announcements: { items: feed.announcements.items.map(brief), unread: feed.announcements.unread },
    groups: { items: groups.slice(0, GROUPS_SHOWN), joined: joined.length },
    replies: {
      items: shownReplies.slice(0, REPLIES_SHOWN).map(({ postId: _p, commentId: _c, ...r }) => r),
      unread: Math.max(0, replies.unread - hiddenReplies),
    },
    newcomers: people,
    desk: operatorDesk,
    role: scope.member.role as HomeOut["role"],
  };
}

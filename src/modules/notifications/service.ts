// Notifications: the bell (in the app), a mail at once, or the daily digest, as each member chose
// per kind. Everything is written in the transaction of what caused it (a comment, a post) or in
// the job that transaction queued (the fan-out of an announcement to the whole network), and mails
// are queued in the same transaction as the rows they report: nothing lost on a crash, nothing
// twice on a retry (rows and mails are keyed by what caused them).
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import {
  member,
  type NotificationChannel,
  type NotificationKind,
  notification,
} from "../../db/schema/index.ts";
import type { Locale } from "../../mail/templates.ts";
import type { AppContext } from "../../server/context.ts";
import { inTransaction, type MemberScope } from "../../server/scope.ts";
import { errors } from "../../shared/errors.ts";
import { decodeKeyset, encodeKeyset } from "../../shared/keyset.ts";
import { type FitWishes, fitsAnySql } from "../directory/index.ts";
import { LOCKED_KINDS } from "./kinds.ts";
import {
  channelSql,
  forgetSubject,
  insertNotifications,
  listNotifications,
  markRead,
  prefsOf,
  type Recipient,
  readEverywhere,
  recipients,
  setChannel,
  setDigestHour,
  setNotificationsHidden,
  setWatch,
  unreadCount,
  watchLevel,
} from "./queries.ts";
import { readUnsubscribeToken, unsubscribeToken } from "./token.ts";

export type NetworkRef = { id: string; slug: string; name: string };

/** What the notification says, in the recipient's language. */
export type NotificationData = {
  postId?: string;
  /** A direct message's conversation (the link leads there). */
  conversationId?: string;
  commentId?: string;
  /** Who did it (their name as members see it). */
  actorName?: string;
  /** The post's title, or the start of its text. */
  title?: string;
  /** What was written (plain text, shortened). */
  excerpt?: string;
  /** An inquiry at the operators' desk (its thread is where the notification leads). */
  inquiryId?: string;
  /** A group (a decided request, an invitation): the group's page is where it leads. */
  groupId?: string;
  /** What was decided about a request to join a group (or that the member was invited). */
  decision?: "approved" | "declined" | "invited";
  /** A new post in a group the member watches: the group's name. */
  groupName?: string;
  /** An event (the event's page is where it leads). */
  eventId?: string;
  /** What happened to it, or to the member's RSVP. */
  eventNews?:
    | "changed"
    | "cancelled"
    | "promoted"
    | "offered"
    | "approved"
    | "declined"
    | "reminder"
    | "thanks";
  /** An offered seat is held until then. */
  until?: string;
  /** An event's start (a reminder says when). */
  startsAt?: string;
  /** A posting (募集): its page is where it leads (or its application's, with `applicationId`). */
  opportunityId?: string;
  applicationId?: string;
  /** What happened to the posting or the application. */
  opportunityNews?:
    | "new"
    | "invited"
    | "stage"
    | "message"
    | "applied"
    | "approval_requested"
    | "approved"
    | "returned"
    | "reconfirm"
    | "closed"
    | "reviewer"
    | "referred"
    | "referral_applied"
    | "referral_declined"
    | "referral_paid";
  /** An application's new stage (its code; the headline names it). */
  stage?: string;
};

const STAGE_NAMES: Record<string, { ja: string; en: string }> = {
  applied: { ja: "応募済み", en: "applied" },
  screening: { ja: "書類選考", en: "screening" },
  interview: { ja: "面談・面接", en: "interview / meeting" },
  offered: { ja: "オファー", en: "offered" },
  hired: { ja: "採用決定", en: "hired" },
  contracted: { ja: "契約決定", en: "contracted" },
  declined_by_us: { ja: "見送り", en: "not selected" },
  declined_by_applicant: { ja: "辞退", en: "declined by you" },
  withdrawn: { ja: "取り下げ", en: "withdrawn" },
};
const stageName = (stage: string | undefined, locale: Locale) =>
  (stage && STAGE_NAMES[stage]?.[locale]) ?? stage ?? "";

/** "12月16日(水) 19:00" / "Wed, Dec 16, 19:00", in Japan time. */
function japanTime(iso: string, locale: Locale) {
  return new Date(iso).toLocaleString(locale === "en" ? "en" : "ja-JP", {
    timeZone: "Asia/Tokyo",
    month: "short",
    day: "numeric",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
  });
}

export function headline(kind: NotificationKind, d: NotificationData, locale: Locale): string {
  const who = d.actorName ?? (locale === "ja" ? "メンバー" : "A member");
  const what = d.title ? (locale === "ja" ? `「${d.title}」` : `"${d.title}"`) : "";
  if (locale === "en") {
    switch (kind) {
      case "reply":
        return `${who} replied on ${what || "your post"}`;
      case "mention":
        return `${who} mentioned you${what ? ` in ${what}` : ""}`;
      case "announcement":
        return `Announcement: ${d.title ?? who}`;
      case "watched_activity":
        if (d.groupName && !d.commentId) return `${who} posted in ${d.groupName}`;
        return `${who} commented on ${what || "a post you follow"}`;
      case "dm":
        return `${who} sent you a message`;
      case "inquiry_answered":
        return `Your inquiry was answered${what ? `: ${what}` : ""}`;
      case "group_request":
        if (d.decision === "invited") return `${who} added you to ${what || "a group"}`;
        if (d.decision === "approved") return `Your request to join ${what || "a group"} was approved`;
        if (d.decision === "declined") return `Your request to join ${what || "a group"} was declined`;
        return `Your request to join ${what || "a group"} was decided`;
      case "group_join_requested":
        return `${who} asked to join ${what || "a group"}`;
      case "moderation":
        return `A message from the operators${what ? ` about ${what}` : ""}`;
      case "event_rsvp":
        if (d.eventNews === "promoted")
          return `A seat freed up: you are now registered for ${what || "the event"}`;
        if (d.eventNews === "offered")
          return `A seat is free for you at ${what || "the event"}: confirm it${d.until ? ` by ${japanTime(d.until, "en")}` : ""}`;
        if (d.eventNews === "approved") return `Your RSVP to ${what || "the event"} was approved`;
        return `Your RSVP to ${what || "the event"} was declined`;
      case "event_change":
        if (d.eventNews === "cancelled") return `Cancelled: ${what || "an event you registered for"}`;
        return `Changed: the time or place of ${what || "an event you registered for"}`;
      case "event_thanks":
        return `Thank you for coming to ${what || "the event"}`;
      case "event_reminder":
        return `Reminder: ${what || "your event"}${d.startsAt ? ` starts ${japanTime(d.startsAt, "en")}` : ""}`;
      case "opportunity_offer":
        if (d.opportunityNews === "invited") return `${who} invited you to apply: ${what || "an opening"}`;
        if (d.opportunityNews === "referred") return `${who} referred you for ${what || "an opening"}`;
        return `A new opening for you: ${what || "see the openings"}`;
      case "opportunity_application":
        if (d.opportunityNews === "message")
          return `${who} wrote about your application to ${what || "an opening"}`;
        return `Your application to ${what || "an opening"}: ${stageName(d.stage, "en")}`;
      case "opportunity_review":
        switch (d.opportunityNews) {
          case "applied":
            return `${who} applied to ${what || "your opening"}`;
          case "approval_requested":
            return `${who} asks for approval of ${what || "an opening"}`;
          case "approved":
            return `Your opening ${what} was approved and is now open`;
          case "returned":
            return `Your opening ${what} was returned by the operators`;
          case "reconfirm":
            return `Please confirm that ${what || "your opening"} is still accurate and current`;
          case "closed":
            return `${what || "Your opening"} closed by itself`;
          case "reviewer":
            return `${who} added you as a reviewer of ${what || "an opening"}`;
          case "referral_applied":
            return `${who}, whom you referred, applied to ${what || "an opening"}`;
          case "referral_declined":
            return `${who}, whom you referred, will not apply to ${what || "an opening"}`;
          case "referral_paid":
            return `The incentive for your referral to ${what || "an opening"} was paid`;
          case "message":
            return `${who} wrote on an application to ${what || "an opening"}`;
          case "stage":
            return `An application to ${what || "your opening"}: ${stageName(d.stage, "en")}`;
          default:
            return `News about ${what || "an opening"}`;
        }
    }
  }
  switch (kind) {
    case "reply":
      return `${who} さんが${what || "あなたの投稿"}にコメントしました`;
    case "mention":
      return `${who} さんが${what ? `${what}で` : ""}あなたをメンションしました`;
    case "announcement":
      return `お知らせ：${d.title ?? `${who} さんより`}`;
    case "watched_activity":
      if (d.groupName && !d.commentId) return `${who} さんが「${d.groupName}」に投稿しました`;
      return `${who} さんが${what || "フォロー中の投稿"}にコメントしました`;
    case "dm":
      return `${who} さんからメッセージが届きました`;
    case "inquiry_answered":
      return `お問い合わせに回答がありました${what}`;
    case "group_request":
      if (d.decision === "invited") return `${who} さんが${what || "グループ"}にあなたを追加しました`;
      if (d.decision === "approved") return `${what || "グループ"}への参加申請が承認されました`;
      if (d.decision === "declined") return `${what || "グループ"}への参加申請は見送られました`;
      return `${what || "グループ"}への参加申請の結果が届きました`;
    case "group_join_requested":
      return `${who} さんが${what || "グループ"}への参加を申請しました`;
    case "moderation":
      return `運営者からのお知らせ${what ? `（${what}について）` : ""}`;
    case "event_rsvp":
      if (d.eventNews === "promoted") return `キャンセル待ちから参加確定になりました：${what || "イベント"}`;
      if (d.eventNews === "offered")
        return `${what || "イベント"}に空きが出ました。${d.until ? `${japanTime(d.until, "ja")}までに` : ""}参加を確定してください`;
      if (d.eventNews === "approved") return `${what || "イベント"}への参加申し込みが承認されました`;
      return `${what || "イベント"}への参加申し込みは見送られました`;
    case "event_change":
      if (d.eventNews === "cancelled") return `イベント中止のお知らせ：${what || "お申し込みのイベント"}`;
      return `日時・場所が変更されました：${what || "お申し込みのイベント"}`;
    case "event_thanks":
      return `${what || "イベント"}へのご参加ありがとうございました`;
    case "event_reminder":
      return `リマインド：${what || "イベント"}${d.startsAt ? `は${japanTime(d.startsAt, "ja")}に始まります` : ""}`;
    case "opportunity_offer":
      if (d.opportunityNews === "invited")
        return `${who} さんから応募のお誘いが届きました：${what || "募集"}`;
      if (d.opportunityNews === "referred") return `${who} さんがあなたを${what || "募集"}に推薦しました`;
      return `あなたに合う新しい募集があります：${what || "募集一覧をご覧ください"}`;
    case "opportunity_application":
      if (d.opportunityNews === "message")
        return `${who} さんから${what || "募集"}への応募についてメッセージが届きました`;
      return `${what || "募集"}への応募：${stageName(d.stage, "ja")}になりました`;
    case "opportunity_review":
      switch (d.opportunityNews) {
        case "applied":
          return `${who} さんが${what || "あなたの募集"}に応募しました`;
        case "approval_requested":
          return `${who} さんが${what || "募集"}の承認を依頼しました`;
        case "approved":
          return `${what || "募集"}が承認され、公開されました`;
        case "returned":
          return `${what || "募集"}が運営者から差し戻されました`;
        case "reconfirm":
          return `${what || "募集"}の内容が最新か確認してください`;
        case "closed":
          return `${what || "募集"}は自動的に締め切られました`;
        case "reviewer":
          return `${who} さんが${what || "募集"}の選考担当にあなたを追加しました`;
        case "referral_applied":
          return `推薦した ${who} さんが${what || "募集"}に応募しました`;
        case "referral_declined":
          return `推薦した ${who} さんは${what || "募集"}への応募を見送りました`;
        case "referral_paid":
          return `${what || "募集"}への推薦の報奨金が支払われました`;
        case "message":
          return `${who} さんが${what || "募集"}への応募にメッセージを書きました`;
        case "stage":
          return `${what || "募集"}への応募が「${stageName(d.stage, "ja")}」になりました`;
        default:
          return `${what || "募集"}のお知らせ`;
      }
  }
}

/** Where a notification leads, under /n/<slug> (the bell and the mails alike). */
export const pathOf = (d: NotificationData) =>
  d.conversationId
    ? `/messages/${encodeURIComponent(d.conversationId)}`
    : d.postId
      ? `/posts/${encodeURIComponent(d.postId)}`
      : d.inquiryId
        ? `/inquiries/${encodeURIComponent(d.inquiryId)}`
        : d.groupId
          ? `/groups/${encodeURIComponent(d.groupId)}`
          : d.eventId
            ? `/events/${encodeURIComponent(d.eventId)}`
            : d.applicationId
              ? `/opportunities/applications/${encodeURIComponent(d.applicationId)}`
              : d.opportunityId
                ? `/opportunities/${encodeURIComponent(d.opportunityId)}`
                : "";
const linkOf = (ctx: AppContext, slug: string, d: NotificationData) =>
  `${ctx.config.baseUrl}/n/${encodeURIComponent(slug)}${pathOf(d)}`;
const preferencesOf = (ctx: AppContext, slug: string) =>
  `${ctx.config.baseUrl}/n/${encodeURIComponent(slug)}/settings/notifications`;

/** RFC 8058: a one-click unsubscribe from this kind of mail, effective at once. */
function unsubscribeHeaders(ctx: AppContext, networkId: string, userId: string, kind: NotificationKind) {
  const token = unsubscribeToken(ctx.secret, { networkId, userId, kind });
  return {
    "List-Unsubscribe": `<${ctx.config.baseUrl}/api/notifications/unsubscribe?token=${token}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/** The mail "now" of notification `id`, keyed by it (a retry queues nothing twice). */
function mailOf(
  ctx: AppContext,
  network: NetworkRef,
  r: Pick<Recipient, "userId" | "email" | "locale" | "name">,
  kind: NotificationKind,
  data: NotificationData,
  id: string,
) {
  const locale: Locale = r.locale === "en" ? "en" : "ja";
  return {
    to: r.email,
    template: "notification" as const,
    locale,
    params: {
      networkName: network.name,
      name: r.name,
      headline: headline(kind, data, locale),
      excerpt: data.excerpt ?? "",
      url: linkOf(ctx, network.slug, data),
      preferencesUrl: preferencesOf(ctx, network.slug),
    },
    key: `notification:${id}`,
    networkId: network.id,
    // A kind the member cannot switch off has no one-click unsubscribe.
    headers: LOCKED_KINDS.includes(kind) ? undefined : unsubscribeHeaders(ctx, network.id, r.userId, kind),
  };
}

async function mailNow(
  ctx: AppContext,
  tx: Tx,
  network: NetworkRef,
  r: Pick<Recipient, "userId" | "email" | "locale" | "name">,
  kind: NotificationKind,
  data: NotificationData,
  id: string,
) {
  const m = mailOf(ctx, network, r, kind, data, id);
  await ctx.mailer.enqueue(m.to, m.template, m.locale, m.params, {
    tx,
    key: m.key,
    networkId: m.networkId,
    headers: m.headers,
  });
}

/**
 * Notifies `userIds` (the caller has checked they may see what it is about) in `tx`: a row for the
 * bell unless they turned the kind off or muted the thread, and a mail now for those who chose it.
 */
export async function notify(
  ctx: AppContext | undefined,
  tx: Tx,
  n: {
    network: NetworkRef;
    /** false: the bell only, whatever the member chose (the caller mails in its own words). */
    mail?: boolean;
    kind: NotificationKind;
    userIds: string[];
    key: string;
    subject: string;
    actorId: string | null;
    data: NotificationData;
    thread?: { type: "post" | "group"; id: string };
  },
) {
  const ids = [...new Set(n.userIds)].filter((u) => u !== n.actorId);
  const people = (await recipients(tx, n.network.id, ids, n.kind, n.thread)).filter(
    (r) => r.channel !== "off" && r.level !== "mute",
  );
  const inserted = await insertNotifications(
    tx,
    people.map((r) => ({
      networkId: n.network.id,
      userId: r.userId,
      kind: n.kind,
      key: n.key,
      subject: n.subject,
      actorId: n.actorId,
      data: n.data,
    })),
  );
  const byUser = new Map(people.map((r) => [r.userId, r]));
  const mailed: string[] = [];
  for (const row of inserted) {
    const r = byUser.get(row.userId);
    if (r?.channel !== "email" || n.mail === false) continue;
    if (!ctx) throw new Error("notify: mailing needs the app context");
    await mailNow(ctx, tx, n.network, r, n.kind, n.data, row.id);
    mailed.push(row.id);
  }
  if (mailed.length) {
    await tx.update(notification).set({ mailedAt: new Date() }).where(inArray(notification.id, mailed));
  }
  return inserted.length;
}

/** Notifications about what is hidden pending review leave the bell and the digest (and come back). */
export const hideNotifications = setNotificationsHidden;

/** What is about a deleted post goes with it. */
export const forgetNotifications = (tx: Tx, networkId: string, subject: string) =>
  forgetSubject(tx, networkId, subject);

/** Something several people were told about is settled (a join request decided): read for all. */
export const settleNotifications = (tx: Tx, networkId: string, key: string) =>
  readEverywhere(tx, networkId, key);

// --- The fan-out of an announcement -------------------------------------------------------------

export const FANOUT_JOB = "notifications.fanout";
export type FanoutJob = {
  networkId: string;
  slug: string;
  networkName: string;
  postId: string;
  actorId: string;
  data: NotificationData;
  /** The audience: every active member, a segment's or a group's members (resolved when it runs). */
  audience: "network" | "segment" | "group";
  segmentId?: string | null;
  groupId?: string | null;
  /** Another kind than an announcement, keyed by its cause (default: announcement, `post:<postId>`). */
  kind?: NotificationKind;
  key?: string;
  /**
   * Only alumni who opted in to offers of this type (member_consent.rehire / .freelance), filtered
   * in the insert itself: an offer never reaches anyone else.
   */
  consent?: "rehire" | "freelance";
  /**
   * Only members whose directory row (as operators see it) fits these wishes at all — a shared
   * skill, the department, the job type, or open to what is offered: a new posting is news to
   * those it fits (directory/fit.ts), never to everyone who opted in.
   */
  fit?: FitWishes;
};

export const FANOUT_BATCH = 5000;

/** The fan-out's consent condition on `m` (member): alumni who opted in to offers of that type. */
function consentFilter(consent: FanoutJob["consent"]) {
  if (!consent) return sql``;
  const column = consent === "rehire" ? sql.raw("c.rehire") : sql.raw("c.freelance");
  return sql`and m.role = 'alumni' and exists (select 1 from member_consent c
               where c.network_id = m.organization_id and c.user_id = m.user_id and ${column} = true)`;
}
/** The fan-out's fit condition on `m`: its directory row (operators' audience) fits the wishes. */
function fitFilter(fit: FanoutJob["fit"]) {
  if (!fit) return sql``;
  return sql`and exists (select 1 from directory_entry e
               where e.network_id = m.organization_id and e.audience = 'operators'
                 and e.user_id = m.user_id and ${fitsAnySql(fit)})`;
}
/**
 * A row id that begins with the time in milliseconds (the rest random, UUID-shaped): a fan-out's
 * 100,000 rows go to the end of the primary key's index instead of 100,000 random places in it —
 * the insert of 98,334 rows took 5.2–6.0 s instead of 6.7–7.2 s (the feed bench's data, alone).
 */
const ms12 = sql`lpad(to_hex(floor(extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0')`;
const timeOrderedId = sql`(substr(${ms12}, 1, 8) || '-' || substr(${ms12}, 9, 4) || substr(gen_random_uuid()::text, 14))`;
/** Chunks of a batch written at once, each in its own transaction. */
const FANOUT_LANES = 2;

/**
 * One announcement to its whole audience, in batches of FANOUT_BATCH members: each batch is
 * written as FANOUT_LANES chunks at once, each inserting its rows with one statement (and queueing
 * the mails of those who chose "email now") in one transaction. A job that dies half-way is retried and inserts only what is missing (the key).
 */
export async function fanOut(
  ctx: AppContext,
  job: FanoutJob,
  members: (after: string | null, limit: number) => Promise<string[]>,
  /** Members left out (those who muted the group posted to). */
  skip: ReadonlySet<string> = new Set(),
) {
  const network = { id: job.networkId, slug: job.slug, name: job.networkName };
  const key = job.key ?? `post:${job.postId}`;
  const kind: NotificationKind = job.kind ?? "announcement";
  let total = 0;
  // One chunk of a batch: its rows in one statement, its mails queued, in one transaction.
  const insertChunk = (ids: string[]) =>
    ctx.db.transaction(async (tx) => {
      // Those who chose "email now" are marked mailed in the same insert (their mails are queued
      // below, in this transaction).
      const channel = channelSql(sql`p.channel`, kind);
      const res = await tx.execute(sql`
          insert into notification (id, network_id, user_id, kind, key, subject, actor_id, data, mailed_at)
          select ${timeOrderedId}, ${job.networkId}, m.user_id, ${kind}, ${key}, ${key},
                 ${job.actorId}, ${JSON.stringify(job.data)}::jsonb,
                 case when ${channel} = 'email' then now() end
            from member m
            left join notification_pref p
              on p.network_id = m.organization_id and p.user_id = m.user_id and p.kind = ${kind}
           where m.organization_id = ${job.networkId} and m.status = 'active'
             and m.user_id = any(${`{${ids.map((i) => `"${i}"`).join(",")}}`}::text[])
             and ${channel} <> 'off'
             ${consentFilter(job.consent)}
             ${fitFilter(job.fit)}
          on conflict (network_id, user_id, key) do nothing
          returning id, user_id as "userId", mailed_at is not null as "now"`);
      const rows = res.rows as { id: string; userId: string; now: boolean }[];
      // Mails for those who want announcements at once (not the default): a few of the batch.
      const wanted = rows.filter((r) => r.now);
      const now = (
        await recipients(
          tx,
          job.networkId,
          wanted.map((r) => r.userId),
          kind,
        )
      ).filter((r) => r.channel === "email");
      const idOf = new Map(wanted.map((r) => [r.userId, r.id]));
      // The batch's mails in one statement, in its transaction.
      await ctx.mailer.enqueueMany(
        now.map((r) => mailOf(ctx, network, r, kind, job.data, idOf.get(r.userId)!)),
        { tx },
      );
      return rows.length;
    });
  // The next batch of members is read while this one is written, and a batch is written as two
  // chunks at once (two connections): rows for 100,000 members in a few seconds.
  let batch = await members(null, FANOUT_BATCH);
  for (;;) {
    const ids = batch.filter((u) => u !== job.actorId && !skip.has(u));
    const more = batch.length === FANOUT_BATCH;
    const half = Math.ceil(ids.length / FANOUT_LANES);
    const chunks = Array.from({ length: FANOUT_LANES }, (_, i) => ids.slice(i * half, (i + 1) * half)).filter(
      (c) => c.length,
    );
    const [written, next] = await Promise.all([
      Promise.all(chunks.map(insertChunk)),
      more ? members(batch[batch.length - 1], FANOUT_BATCH) : Promise.resolve([] as string[]),
    ]);
    total += written.reduce((x, y) => x + y, 0);
    if (!more) break;
    batch = next;
  }
  return total;
}

/** Active members by user id, for the fan-out to a whole network. */
export async function activeMembersAfter(
  ctx: AppContext,
  networkId: string,
  after: string | null,
  limit: number,
) {
  const rows = await ctx.db
    .select({ userId: member.userId })
    .from(member)
    .where(
      and(
        eq(member.organizationId, networkId),
        eq(member.status, "active"),
        after ? sql`${member.userId} > ${after}` : undefined,
      ),
    )
    .orderBy(member.userId)
    .limit(limit);
  return rows.map((r) => r.userId);
}

// --- The daily digest --------------------------------------------------------------------------

export const DIGEST_JOB = "notifications.digest";
export type DigestJob = { hour: string };
export const DIGEST_BATCH = 500;

/** Japan time: the date and hour of `at`. */
export function jstHour(at: Date): { day: string; hour: number } {
  const jst = new Date(at.getTime() + 9 * 3_600_000);
  return { day: jst.toISOString().slice(0, 10), hour: jst.getUTCHours() };
}

/** The start of the next hour after `at`. */
export const nextHour = (at: Date) => new Date(Math.floor(at.getTime() / 3_600_000 + 1) * 3_600_000);

/**
 * The digest for every member whose digest hour is `at`'s hour (Japan time) and who has unread
 * notifications waiting for it, in batches of DIGEST_BATCH members. In each batch's transaction:
 * read state and preferences are read again, the day's digest is claimed (one per member and
 * day), the notifications it lists are marked as mailed and the mails queued. A run that stops
 * half-way and runs again sends each member one digest.
 */
export async function runDigest(ctx: AppContext, at: Date = new Date()) {
  const { day, hour } = jstHour(at);
  let after: { networkId: string; userId: string } | null = null;
  let sent = 0;
  // Active members in key order, DIGEST_BATCH at a time (an index walk each: the run streams
  // through the members, whatever the size of the notification table); each batch finds its own
  // members' pending notifications.
  for (;;) {
    const res = await ctx.db.execute(sql`
      select m.organization_id as "networkId", m.user_id as "userId"
        from member m
       where m.status = 'active'
         ${after ? sql`and (m.organization_id, m.user_id) > (${after.networkId}, ${after.userId})` : sql``}
       order by 1, 2
       limit ${DIGEST_BATCH}`);
    const batch = res.rows as { networkId: string; userId: string }[];
    if (!batch.length) break;
    sent += await ctx.db.transaction((tx) => digestBatch(ctx, tx, batch, day, hour));
    if (batch.length < DIGEST_BATCH) break;
    after = batch[batch.length - 1];
  }
  return sent;
}

async function digestBatch(
  ctx: AppContext,
  tx: Tx,
  batch: { networkId: string; userId: string }[],
  day: string,
  hour: number,
) {
  // An IN list of (network, member) pairs: the planner probes the unread index on both columns
  // (a join to unnest() made it probe on the member alone: 5–7 s a batch instead of ~25 ms).
  const pairs = sql.join(
    batch.map((b) => sql`(${b.networkId}, ${b.userId})`),
    sql`, `,
  );
  // What is still unread and waiting for the digest now, per member (read again in this transaction).
  const res = await tx.execute(sql`
    select n.id, n.network_id as "networkId", n.user_id as "userId", n.kind, n.data, n.created_at as "createdAt",
           u.email, u.locale, coalesce(pr.display_name, u.name) as name, o.slug, o.name as "networkName"
      from notification n
      join "user" u on u.id = n.user_id
      join organization o on o.id = n.network_id
      join member m on m.organization_id = n.network_id and m.user_id = n.user_id and m.status = 'active'
      left join profile pr on pr.network_id = n.network_id and pr.user_id = n.user_id
      left join notification_pref p on p.network_id = n.network_id and p.user_id = n.user_id and p.kind = n.kind
      left join notification_setting s on s.network_id = n.network_id and s.user_id = n.user_id
     where (n.network_id, n.user_id) in (${pairs})
       and n.read_at is null and n.mailed_at is null and n.hidden_at is null
       and ${channelSql(sql`p.channel`, sql`n.kind`)} = 'digest'
       and coalesce(s.digest_hour, 8) = ${hour}
     order by n.network_id, n.user_id, n.created_at desc
     for update of n skip locked`);
  type Row = {
    id: string;
    networkId: string;
    userId: string;
    kind: NotificationKind;
    data: NotificationData;
    email: string;
    locale: string;
    name: string;
    slug: string;
    networkName: string;
  };
  const byMember = new Map<string, Row[]>();
  for (const r of res.rows as Row[]) {
    const k = `${r.networkId} ${r.userId}`;
    const list = byMember.get(k);
    if (list) list.push(r);
    else byMember.set(k, [r]);
  }
  // One digest per member and day, claimed for the whole batch in one statement: a second run
  // (or a retried job) finds the claims and sends nothing twice. Then the listed notifications
  // are marked as mailed and the mails queued, each in one statement.
  const groups = [...byMember.values()];
  if (!groups.length) return 0;
  const claims = await tx.execute(sql`
    insert into notification_digest (network_id, user_id, day, count, items)
    select x.network_id, x.user_id, ${day}, x.count, x.items
      from jsonb_to_recordset(${JSON.stringify(
        groups.map((rows) => ({
          network_id: rows[0].networkId,
          user_id: rows[0].userId,
          count: rows.length,
          items: rows.map((r) => r.id),
        })),
      )}::jsonb) as x(network_id text, user_id text, count int, items jsonb)
    on conflict do nothing
    returning network_id as "networkId", user_id as "userId"`);
  const claimed = new Set(
    (claims.rows as { networkId: string; userId: string }[]).map((c) => `${c.networkId} ${c.userId}`),
  );
  const mine = groups.filter((rows) => claimed.has(`${rows[0].networkId} ${rows[0].userId}`));
  if (!mine.length) return 0;
  const listed = mine.flatMap((rows) => rows.map((r) => r.id));
  await tx
    .update(notification)
    .set({ mailedAt: new Date() })
    .where(sql`${notification.id} = any(${`{${listed.map((i) => `"${i}"`).join(",")}}`}::text[])`);
  await ctx.mailer.enqueueMany(
    mine.map((rows) => {
      const { networkId, userId, email, name, slug, networkName } = rows[0];
      const locale: Locale = rows[0].locale === "en" ? "en" : "ja";
      const lines = rows.slice(0, 20).map((r) => `・${headline(r.kind, r.data, locale)}`);
      if (rows.length > 20)
        lines.push(locale === "ja" ? `ほか ${rows.length - 20} 件` : `and ${rows.length - 20} more`);
      return {
        to: email,
        template: "notificationDigest" as const,
        locale,
        params: {
          networkName,
          name,
          count: rows.length,
          summary: lines.join("\n"),
          url: `${ctx.config.baseUrl}/n/${encodeURIComponent(slug)}`,
          preferencesUrl: preferencesOf(ctx, slug),
        },
        key: `digest:${networkId}:${userId}:${day}`,
        networkId,
        headers: unsubscribeHeaders(ctx, networkId, userId, rows[0].kind),
      };
    }),
    { tx },
  );
  return mine.length;
}

/** Runs the digest of one hour, then queues the next hour's run (each hour once: the key). */
export async function digestHour(ctx: AppContext, job: DigestJob) {
  const at = new Date(job.hour);
  await runDigest(ctx, at);
  await scheduleDigest(ctx, nextHour(at));
}

export async function scheduleDigest(ctx: AppContext, at: Date) {
  const hour = new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
  await ctx.jobs.send<DigestJob>(
    DIGEST_JOB,
    { hour: hour.toISOString() },
    { key: `digest-hour:${hour.toISOString()}`, startAfter: hour },
  );
}

// --- The member's own notifications and choices -------------------------------------------------

const LIST_MAX = 50;

export async function myNotifications(scope: MemberScope, q: { cursor?: string; limit?: number }) {
  const limit = Math.min(q.limit ?? 20, LIST_MAX);
  const rows = await listNotifications(
    scope.db,
    scope.network.id,
    scope.member.userId,
    decodeKeyset(q.cursor),
    limit,
  );
  const page = rows.slice(0, limit);
  const locale: Locale = scope.user.locale === "en" ? "en" : "ja";
  const last = page[page.length - 1];
  return {
    items: page.map((r) => {
      const d = r.data as NotificationData;
      return {
        id: r.id,
        kind: r.kind,
        text: headline(r.kind, d, locale),
        excerpt: d.excerpt ?? null,
        postId: d.postId ?? null,
        commentId: d.commentId ?? null,
        path: pathOf(d),
        conversationId: d.conversationId ?? null,
        createdAt: r.createdAt.toISOString(),
        read: r.readAt !== null,
      };
    }),
    nextCursor: rows.length > limit && last ? encodeKeyset({ at: last.at, id: last.id }) : null,
    unread: await unreadCount(scope.db, scope.network.id, scope.member.userId),
  };
}

export async function myUnread(scope: MemberScope) {
  return { unread: await unreadCount(scope.db, scope.network.id, scope.member.userId) };
}

export async function readNotifications(scope: MemberScope, ids: string[] | "all") {
  await inTransaction(scope, (tx) => markRead(tx.db, tx.network.id, tx.member.userId, ids));
  return myUnread(scope);
}

export const myPreferences = (scope: MemberScope) => prefsOf(scope.db, scope.network.id, scope.member.userId);

export async function updatePreferences(
  scope: MemberScope,
  input: { channels?: Partial<Record<NotificationKind, NotificationChannel>>; digestHour?: number },
) {
  await inTransaction(scope, async (tx) => {
    for (const [kind, channel] of Object.entries(input.channels ?? {})) {
      if (channel && !LOCKED_KINDS.includes(kind as NotificationKind))
        await setChannel(tx.db, tx.network.id, tx.member.userId, kind as NotificationKind, channel);
    }
    if (input.digestHour !== undefined)
      await setDigestHour(tx.db, tx.network.id, tx.member.userId, input.digestHour);
  });
  return myPreferences(scope);
}

export const threadLevel = (scope: MemberScope, type: "post" | "group", id: string) =>
  watchLevel(scope.db, scope.network.id, scope.member.userId, type, id);

export async function setThreadLevel(
  scope: MemberScope,
  type: "post" | "group",
  id: string,
  level: "watch" | "normal" | "mute",
) {
  await inTransaction(scope, (tx) => setWatch(tx.db, tx.network.id, tx.member.userId, type, id, level));
  return { level };
}

/**
 * One-click unsubscribe (RFC 8058; no sign-in): that kind of mail stops at once — the member keeps
 * it in the app. An invalid or foreign token changes nothing.
 */
export async function unsubscribe(ctx: AppContext, token: string) {
  const u = readUnsubscribeToken(ctx.secret, token);
  if (!u) throw errors.notFound({ ja: "配信停止のリンク", en: "unsubscribe link" });
  const [m] = await ctx.db
    .select({ userId: member.userId })
    .from(member)
    .where(and(eq(member.organizationId, u.networkId), eq(member.userId, u.userId)));
  if (!m) throw errors.notFound({ ja: "配信停止のリンク", en: "unsubscribe link" });
  await ctx.db.transaction((tx) => setChannel(tx, u.networkId, u.userId, u.kind, "inapp"));
  return { kind: u.kind };
}

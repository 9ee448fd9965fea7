// Who reacts to which domain event (server/events.ts): the one place to look. Registered when the
// services open (server/services.ts); registering again adds nothing (subscribe keeps one of each).
import { eq } from "drizzle-orm";
import { member, organization } from "../db/schema/index.ts";
import { syncDirectory, withFittingDepartments } from "../modules/directory/index.ts";
import {
  EVENT_OFFER_JOB,
  EVENT_REMINDER_JOB,
  type EventOfferJob,
  type EventReminderJob,
  runEventReminder,
  runOfferExpiry,
} from "../modules/events/index.ts";
import { feedChanged } from "../modules/feed/index.ts";
import { groupMemberIdsAfter, joinRequestKey } from "../modules/groups/index.ts";
import { auditInquiryActivity } from "../modules/inquiries/index.ts";
import { REMINDER_JOB, type ReminderJob, remindInvitation } from "../modules/invitations/index.ts";
import { unmutedParticipants } from "../modules/messages/index.ts";
import {
  activeMembersAfter,
  DIGEST_JOB,
  type DigestJob,
  digestHour,
  FANOUT_JOB,
  type FanoutJob,
  fanOut,
  forgetNotifications,
  mutersOf,
  notify,
  scheduleDigest,
} from "../modules/notifications/index.ts";
import {
  askApproval,
  OPPORTUNITY_CLOSE_JOB,
  OPPORTUNITY_RECONFIRM_JOB,
  type OpportunityCloseJob,
  type OpportunityReconfirmJob,
  offerToInvitees,
  opportunityStillOpen,
  runAutoClose,
  runReconfirm,
  settleReferral,
  tellReferred,
  tellReferrer,
  tellReviewers,
  tellStage,
} from "../modules/opportunities/index.ts";
import { followAccountRename } from "../modules/profiles/index.ts";
import { resolveSegment } from "../modules/segments/index.ts";
import { audit } from "./audit.ts";
import type { AppContext } from "./context.ts";
import { type EventType, type Subscriber, subscribe } from "./events.ts";
import { loadNetworkScope } from "./guards.ts";

/** Every event type; the events test fails when one has no subscriber. */
export const EVENT_TYPES: readonly EventType[] = [
  "member.changed",
  "user.renamed",
  "post.published",
  "comment.added",
  "post.deleted",
  "group.renamed",
  "mention.added",
  "message.sent",
  "group.join_requested",
  "inquiry.opened",
  "inquiry.replied",
  "inquiry.member_replied",
  "event.changed",
  "event.rsvp_decided",
  "opportunity.published",
  "opportunity.approval_requested",
  "opportunity.applied",
  "opportunity.stage_changed",
  "opportunity.contracted",
  "opportunity.referred",
  "opportunity.referral_answered",
  "opportunity.referral_withdrawn",
  "opportunity.referral_paid",
];

const needsContext = (ctx: AppContext | undefined, type: string): AppContext => {
  if (!ctx) throw new Error(`${type} must be recorded with the app context (it queues jobs and mails)`);
  return ctx;
};

// An announcement reaches its audience through a job queued in the post's transaction: the post is
// in every feed at once (read time); the bell rows and mails follow in batches.
const fanOutAnnouncement: Subscriber<"post.published"> = async (tx, e, ctx) => {
  if (e.kind !== "announcement") return;
  const job: FanoutJob = {
    networkId: e.network.id,
    slug: e.network.slug,
    networkName: e.network.name,
    postId: e.postId,
    actorId: e.authorId,
    data: e.news,
    audience: e.audience,
    segmentId: e.segmentId,
    groupId: e.groupId ?? null,
  };
  await needsContext(ctx, e.type).jobs.send(FANOUT_JOB, job, { tx, key: `fanout:${e.postId}` });
};

// A post in a group: those who watch the group hear of it at once (muting wins: notify skips them).
const notifyGroupWatchers: Subscriber<"post.published"> = async (tx, e, ctx) => {
  if (!e.groupId || !e.watchers?.length) return;
  await notify(needsContext(ctx, e.type), tx, {
    network: e.network,
    kind: "watched_activity",
    userIds: e.watchers,
    key: `post:${e.postId}`,
    subject: `post:${e.postId}`,
    actorId: e.authorId,
    data: e.news,
    thread: { type: "group", id: e.groupId },
  });
};

// A comment: a reply to the post's author and to the comment it answers; activity to watchers.
const notifyComment: Subscriber<"comment.added"> = async (tx, e, ctx) => {
  const c = needsContext(ctx, e.type);
  const common = {
    network: e.network,
    key: `comment:${e.commentId}`,
    subject: `post:${e.postId}`,
    actorId: e.actorId,
    data: e.news,
    thread: { type: "post" as const, id: e.postId },
  };
  await notify(c, tx, { ...common, kind: "reply", userIds: e.replyTo });
  const others = e.watchers.filter((u) => !e.replyTo.includes(u));
  if (others.length) await notify(c, tx, { ...common, kind: "watched_activity", userIds: others });
};

// Named in a post or comment: a "mention", whatever the member set for the thread (a mention is
// addressed to them; muting a thread silences its chatter, not words to them).
const notifyMention: Subscriber<"mention.added"> = async (tx, e, ctx) => {
  await notify(needsContext(ctx, e.type), tx, {
    network: e.network,
    kind: "mention",
    userIds: e.userIds,
    key: `mention:${e.commentId ?? e.postId}`,
    subject: `post:${e.postId}`,
    actorId: e.actorId,
    data: e.news,
  });
};

// The operators answered an inquiry: the member's bell (the desk mails them in its own words).
const notifyInquiryAnswer: Subscriber<"inquiry.replied"> = async (tx, e) => {
  const [net] = await tx
    .select({ slug: organization.slug, name: organization.name })
    .from(organization)
    .where(eq(organization.id, e.networkId));
  if (!net) return;
  await notify(undefined, tx, {
    network: { id: e.networkId, ...net },
    kind: "inquiry_answered",
    userIds: e.userIds,
    key: `inquiry-message:${e.messageId}`,
    subject: `inquiry:${e.inquiryId}`,
    actorId: e.actor.userId,
    data: { inquiryId: e.inquiryId },
    mail: false,
  });
};

// A direct message: the other participants (not those who muted the conversation) get a "dm"
// notification; the mail names the sender and links the conversation, without the message's text.
const notifyMessage: Subscriber<"message.sent"> = async (tx, e, ctx) => {
  const c = needsContext(ctx, e.type);
  const userIds = await unmutedParticipants(tx, e.network.id, e.conversationId, e.recipients);
  if (!userIds.length) return;
  await notify(c, tx, {
    network: e.network,
    kind: "dm",
    userIds,
    key: `message:${e.messageId}`,
    subject: `conversation:${e.conversationId}`,
    actorId: e.senderId,
    data: { conversationId: e.conversationId, actorName: e.senderName },
  });
};

// Cached feed pages show a group's name with its posts: a new name makes them stale.
const groupRenamed: Subscriber<"group.renamed"> = (tx, e) => feedChanged(tx, e.networkId, null);

// A request to join a closed group: the bell (and the digest, by default) of who may decide it.
const notifyJoinRequest: Subscriber<"group.join_requested"> = async (tx, e, ctx) => {
  await notify(needsContext(ctx, e.type), tx, {
    network: e.network,
    kind: "group_join_requested",
    userIds: e.deciders,
    key: joinRequestKey(e.groupId, e.userId, e.requestedAt),
    subject: `group:${e.groupId}`,
    actorId: e.userId,
    data: { groupId: e.groupId, title: e.groupName, actorName: e.userName },
  });
};

const forgetPost: Subscriber<"post.deleted"> = (tx, e) =>
  forgetNotifications(tx, e.networkId, `post:${e.postId}`);

// The directory index follows every change of what a card is made of, in the same transaction.
const syncChangedMembers: Subscriber<"member.changed"> = (tx, e) => syncDirectory(tx, e.networkId, e.userIds);

// Profiles still showing the account's former name follow it; a member without a profile is
// listed under the account's name. Every network of the account is synced.
const syncRenamedUser: Subscriber<"user.renamed"> = async (tx, e) => {
  if (e.from !== undefined) await followAccountRename(tx, e.userId, e.from, e.to);
  const rows = await tx
    .select({ networkId: member.organizationId })
    .from(member)
    .where(eq(member.userId, e.userId));
  for (const { networkId } of rows) await syncDirectory(tx, networkId, [e.userId]);
};

// An event's change or cancellation: everyone registered or waiting, in the bell and by mail at once
// (event_change cannot be switched off), keyed by the event's calendar SEQUENCE (a retry adds nothing).
const notifyEventChange: Subscriber<"event.changed"> = async (tx, e, ctx) => {
  await notify(needsContext(ctx, e.type), tx, {
    network: e.network,
    kind: "event_change",
    userIds: e.userIds,
    key: `event-change:${e.eventId}:${e.sequence}`,
    subject: `event:${e.eventId}`,
    actorId: e.actorId,
    data: { eventId: e.eventId, title: e.title, eventNews: e.change },
  });
};

// A seat given (from the waitlist, or approved) or an RSVP declined: the member, once per decision.
// A confirmed seat's mail is the ticket the events module queued (e.mailed): the bell only here.
const notifyRsvpDecision: Subscriber<"event.rsvp_decided"> = async (tx, e, ctx) => {
  for (const r of e.rsvps)
    await notify(needsContext(ctx, e.type), tx, {
      network: e.network,
      ...(e.mailed ? { mail: false } : {}),
      kind: "event_rsvp",
      userIds: [r.userId],
      key: `event-rsvp:${r.id}:${r.seq}:${e.decision}`,
      subject: `event:${e.eventId}`,
      actorId: e.actorId,
      data: {
        eventId: e.eventId,
        title: e.title,
        eventNews: e.decision,
        ...(e.until ? { until: e.until } : {}),
      },
    });
};

// A posting went up: invited alumni who opted in to offers of its type hear of it (consent-filtered).
const offerPosting: Subscriber<"opportunity.published"> = (tx, e, ctx) => offerToInvitees(ctx, tx, e);
// A reviewer invited alumni to apply (one click, from the matches): the same offer, consent-filtered.
const offerInvitation: Subscriber<"opportunity.invited"> = (tx, e, ctx) => offerToInvitees(ctx, tx, e);
// A posting went up for the first time to the network or a segment: the alumni of its audience
// who opted in to offers of its type and whom it fits (a shared skill, the department, the job
// type, or open to it) hear of it, through the announcements' fan-out job (batched, consent- and
// fit-filtered in its insert, each member's preference for opportunity_offer deciding).
const fanOutOffer: Subscriber<"opportunity.published"> = async (tx, e, ctx) => {
  if (!e.first || e.audience === "invited") return;
  const job: FanoutJob = {
    networkId: e.network.id,
    slug: e.network.slug,
    networkName: e.network.name,
    postId: e.opportunityId,
    actorId: e.authorId,
    data: { opportunityId: e.opportunityId, title: e.title, opportunityNews: "new" },
    audience: e.audience,
    segmentId: e.segmentId,
    kind: "opportunity_offer",
    key: `opportunity:${e.opportunityId}`,
    consent: e.opportunityType,
    // Departments as the operators' directory holds them now (the fit is one rule: directory/fit.ts).
    fit: await withFittingDepartments(tx, { networkId: e.network.id, audience: "operators" }, e.wishes),
  };
  await needsContext(ctx, e.type).jobs.send(FANOUT_JOB, job, {
    tx,
    key: `fanout:opportunity:${e.opportunityId}`,
  });
};
// An employee's posting waits for approval: the operators' bell.
const askOperators: Subscriber<"opportunity.approval_requested"> = (tx, e, ctx) => askApproval(ctx, tx, e);
// An application: the posting's reviewers; a stage change: the applicant (her withdrawal: the reviewers).
const applied: Subscriber<"opportunity.applied"> = (tx, e, ctx) => tellReviewers(ctx, tx, e);
const stageChanged: Subscriber<"opportunity.stage_changed"> = (tx, e, ctx) => tellStage(ctx, tx, e);
// A 業務委託 application contracted: until the engagements capability takes it over, the hand-over
// is kept in the audit log (who, which application) so none is lost.
const contracted: Subscriber<"opportunity.contracted"> = (tx, e) =>
  audit(tx, {
    networkId: e.networkId,
    actor: e.actorId ? { userId: e.actorId, label: e.actorId } : null,
    action: "opportunity.handover",
    targetType: "opportunity_application",
    targetId: e.applicationId,
    data: { opportunityId: e.opportunityId, userId: e.userId },
  });

// Referrals: she is asked (consent-filtered); the referrer hears her answer (never her reason) and
// the incentive's payment; a withdrawn referral's question is settled in her bell.
const referred: Subscriber<"opportunity.referred"> = (tx, e, ctx) => tellReferred(ctx, tx, e);
const referralAnswered: Subscriber<"opportunity.referral_answered"> = (tx, e, ctx) =>
  tellReferrer(ctx, tx, {
    ...e,
    news: e.answer === "applied" ? "referral_applied" : "referral_declined",
    actorId: e.userId,
    actorName: e.userName,
  });
const referralWithdrawn: Subscriber<"opportunity.referral_withdrawn"> = (tx, e) =>
  settleReferral(tx, e.networkId, e.referralId);
const referralPaid: Subscriber<"opportunity.referral_paid"> = (tx, e, ctx) =>
  tellReferrer(ctx, tx, { ...e, news: "referral_paid" });

export function registerSubscribers() {
  subscribe("member.changed", syncChangedMembers);
  subscribe("user.renamed", syncRenamedUser);
  subscribe("post.published", fanOutAnnouncement);
  subscribe("post.published", notifyGroupWatchers);
  subscribe("comment.added", notifyComment);
  subscribe("post.deleted", forgetPost);
  subscribe("group.renamed", groupRenamed);
  subscribe("mention.added", notifyMention);
  subscribe("message.sent", notifyMessage);
  subscribe("group.join_requested", notifyJoinRequest);
  // The desk's activity in the audit log (the mail to the member is queued by the reply itself).
  subscribe("inquiry.opened", auditInquiryActivity);
  subscribe("inquiry.replied", auditInquiryActivity);
  subscribe("inquiry.replied", notifyInquiryAnswer);
  subscribe("inquiry.member_replied", auditInquiryActivity);
  subscribe("event.changed", notifyEventChange);
  subscribe("event.rsvp_decided", notifyRsvpDecision);
  subscribe("opportunity.published", offerPosting);
  subscribe("opportunity.published", fanOutOffer);
  subscribe("opportunity.invited", offerInvitation);
  subscribe("opportunity.approval_requested", askOperators);
  subscribe("opportunity.applied", applied);
  subscribe("opportunity.stage_changed", stageChanged);
  subscribe("opportunity.contracted", contracted);
  subscribe("opportunity.referred", referred);
  subscribe("opportunity.referral_answered", referralAnswered);
  subscribe("opportunity.referral_withdrawn", referralWithdrawn);
  subscribe("opportunity.referral_paid", referralPaid);
}

/** Jobs that modules queue for later (through the outbox) and who runs them. */
export async function registerJobHandlers(ctx: AppContext) {
  await ctx.jobs.register<ReminderJob>(REMINDER_JOB, (job) => remindInvitation(ctx, job));
  await ctx.jobs.register<EventReminderJob>(EVENT_REMINDER_JOB, (job) => runEventReminder(ctx, job));
  await ctx.jobs.register<EventOfferJob>(EVENT_OFFER_JOB, (job) => runOfferExpiry(ctx, job));
  await ctx.jobs.register<OpportunityCloseJob>(OPPORTUNITY_CLOSE_JOB, (job) => runAutoClose(ctx, job));
  await ctx.jobs.register<OpportunityReconfirmJob>(OPPORTUNITY_RECONFIRM_JOB, (job) =>
    runReconfirm(ctx, job),
  );
  await ctx.jobs.register<FanoutJob>(FANOUT_JOB, async (job) => {
    // An offer goes out only while its posting is open: closed (or past its date) before the job
    // ran, nobody is told of it.
    if (job.kind === "opportunity_offer" && !(await opportunityStillOpen(ctx.db, job.networkId, job.postId)))
      return;
    if (job.audience === "network") {
      await fanOut(ctx, job, (after, limit) => activeMembersAfter(ctx, job.networkId, after, limit));
      return;
    }
    // A group: its active members now, less those who muted it.
    if (job.audience === "group") {
      const muted = new Set(job.groupId ? await mutersOf(ctx.db, job.networkId, "group", job.groupId) : []);
      await fanOut(
        ctx,
        job,
        async (after, limit) =>
          job.groupId ? groupMemberIdsAfter(ctx.db, job.networkId, job.groupId, after, limit) : [],
        muted,
      );
      return;
    }
    // A segment: its members as it matches them now (a deleted segment reaches nobody).
    const scope = await loadNetworkScope(ctx, { id: job.networkId });
    await fanOut(ctx, job, async (after, limit) => {
      if (!job.segmentId) return [];
      try {
        for await (const ids of resolveSegment(scope, job.segmentId, {
          batchSize: limit,
          after: after ?? undefined,
        }))
          return ids;
      } catch {
        return [];
      }
      return [];
    });
  });
  // The daily digest runs every hour for the members whose hour it is; each run queues the next.
  await ctx.jobs.register<DigestJob>(DIGEST_JOB, (job) => digestHour(ctx, job));
  await scheduleDigest(ctx, new Date(Date.now() + 3_600_000));
}

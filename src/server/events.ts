// Domain events, recorded in the transaction of the write that causes them. A write says what
// happened — `record(tx, { type: "member.changed", networkId, userIds })` — and whoever must react
// subscribes (server/subscribers.ts), instead of every write calling every reaction:
//
//   - in-transaction subscribers run inside the same transaction, before the commit (the
//     directory index: a profile save and its directory rows commit together);
//   - subscribers that reach the outside (mail, later notifications, webhooks, analytics) queue a
//     job through the same transaction (`ctx.jobs.send(name, data, { tx, key })`): the job exists
//     exactly when the write committed.
//
// An event with `audit` also appends the audit row (who did what, to what) in that transaction.
import type { Tx } from "../db/client.ts";
import { audit } from "./audit.ts";
import type { AppContext } from "./context.ts";
import type { Actor } from "./scope.ts";

/** The network as notifications name it (links, the sender). */
type NetworkRef = { id: string; slug: string; name: string };
/** What a notification about a post says: ids, who did it, the title and an excerpt. */
type PostNews = {
  postId: string;
  commentId?: string;
  actorName: string;
  title: string;
  excerpt: string;
  /** A post in a group: the group's name. */
  groupName?: string;
};

export type DomainEvent =
  /** What a member's directory card is made of changed: profile, photo, consent, role, status, admission. */
  | { type: "member.changed"; networkId: string; userIds: string[] }
  /** The account's name changed (all the networks it belongs to); `from` when it is known. */
  | { type: "user.renamed"; userId: string; from?: string; to: string }
  /**
   * A post went up; `audience` as posted (a segment or group is resolved when its notifications go
   * out); `watchers`: of its group, who may see it and did not write it.
   */
  | {
      type: "post.published";
      network: NetworkRef;
      postId: string;
      authorId: string;
      kind: string;
      audience: "network" | "segment" | "group";
      segmentId: string | null;
      groupId?: string | null;
      watchers?: string[];
      news: PostNews;
    }
  /** A comment: `replyTo` the post's and the parent comment's authors, `watchers` of the post (who may all see it). */
  | {
      type: "comment.added";
      network: NetworkRef;
      postId: string;
      commentId: string;
      actorId: string;
      replyTo: string[];
      watchers: string[];
      news: PostNews;
    }
  | { type: "post.deleted"; networkId: string; postId: string }
  /** A group was renamed (its posts show its name). */
  | { type: "group.renamed"; networkId: string; groupId: string }
  /** A post or comment (`commentId`) named members who may see it (`userIds`; new ones only, after an edit). */
  | {
      type: "mention.added";
      network: NetworkRef;
      postId: string;
      commentId: string | null;
      actorId: string;
      userIds: string[];
      news: PostNews;
    }
  /** A direct message; `recipients`: the other participants, less anyone with a block either way. */
  | {
      type: "message.sent";
      network: NetworkRef;
      conversationId: string;
      messageId: string;
      senderId: string;
      recipients: string[];
      senderName: string;
    }
  /**
   * A member asked to join a closed group; `deciders`: who may decide it (the group's admins, or
   * the network's operators when it has none), the requester left out.
   */
  | {
      type: "group.join_requested";
      network: NetworkRef;
      groupId: string;
      groupName: string;
      userId: string;
      userName: string;
      /** When the request was made (a request taken back and made again is a new one). */
      requestedAt: string;
      deciders: string[];
    }
  /**
   * An event's time or place changed, or it was cancelled: `userIds`, everyone registered, waiting
   * or pending, hear of it at once (`sequence`: the event's calendar SEQUENCE after the change).
   */
  | {
      type: "event.changed";
      network: NetworkRef;
      eventId: string;
      title: string;
      actorId: string | null;
      change: "changed" | "cancelled";
      sequence: number;
      what: string[];
      userIds: string[];
    }
  /** Seats given (promoted from the waitlist, approved) or RSVPs declined: each member is told. */
  | {
      type: "event.rsvp_decided";
      network: NetworkRef;
      eventId: string;
      title: string;
      actorId: string | null;
      decision: "promoted" | "offered" | "approved" | "declined";
      /** An offered seat is held until then. */
      until?: string;
      /**
       * The seats were confirmed and their confirmation mail (with the ticket) is queued: the
       * notification rings the bell without a mail of its own.
       */
      mailed?: boolean;
      rsvps: { id: string; seq: number; userId: string }[];
    }
  /**
   * A posting (募集) went up, or up again (`first`: the first time); `invitees`: the invited
   * alumni (audience `invited`), told if they opted in to offers of its type.
   */
  | {
      type: "opportunity.published";
      network: NetworkRef;
      opportunityId: string;
      opportunityType: "rehire" | "freelance";
      title: string;
      actorId: string | null;
      authorId: string;
      audience: "network" | "segment" | "invited";
      segmentId: string | null;
      invitees: string[];
      first: boolean;
      /** What the posting wishes for (matching.ts `wishesOf`): who it fits hears of it. */
      wishes: {
        skills: string[];
        departments: string[];
        jobType: string | null;
        openTo: string[];
        location: string | null;
      };
    }
  /** Reviewers invited alumni to apply (from the matches): the invitees who opted in hear of it. */
  | {
      type: "opportunity.invited";
      network: NetworkRef;
      opportunityId: string;
      opportunityType: "rehire" | "freelance";
      title: string;
      actorId: string | null;
      invitees: string[];
    }
  /** An employee's posting waits for an operator's approval (`operators`: who may approve). */
  | {
      type: "opportunity.approval_requested";
      network: NetworkRef;
      opportunityId: string;
      title: string;
      actorId: string | null;
      operators: string[];
    }
  /** An alumna applied to a posting; `reviewers`: its poster and co-reviewers. */
  | {
      type: "opportunity.applied";
      network: NetworkRef;
      opportunityId: string;
      applicationId: string;
      title: string;
      applicantId: string;
      applicantName: string;
      reviewers: string[];
    }
  /** An application moved to another stage (by a reviewer, or withdrawn by its applicant). */
  | {
      type: "opportunity.stage_changed";
      network: NetworkRef;
      opportunityId: string;
      applicationId: string;
      title: string;
      from: string;
      to: string;
      actorId: string | null;
      applicantId: string;
      reviewers: string[];
    }
  /**
   * An application to a 業務委託 project was contracted: the hand-over to the engagements
   * (contracts) capability, which will subscribe to it.
   */
  | {
      type: "opportunity.contracted";
      networkId: string;
      opportunityId: string;
      applicationId: string;
      userId: string;
      actorId: string | null;
    }
  /**
   * An alumna was referred for a posting (リファラル): she is asked (if she still opted in to offers
   * of its type); nothing of hers reaches the referrer.
   */
  | {
      type: "opportunity.referred";
      network: NetworkRef;
      referralId: string;
      opportunityId: string;
      opportunityType: "rehire" | "freelance";
      title: string;
      userId: string;
      referrerId: string;
      referrerName: string;
    }
  /** She answered a referral: applied (through the normal application) or declined. */
  | {
      type: "opportunity.referral_answered";
      network: NetworkRef;
      referralId: string;
      opportunityId: string;
      title: string;
      userId: string;
      userName: string;
      referrerId: string;
      answer: "applied" | "declined";
    }
  /** The referrer (or an operator) withdrew a referral she had not answered. */
  | { type: "opportunity.referral_withdrawn"; networkId: string; referralId: string; userId: string }
  /** An operator recorded the referral incentive as paid. */
  | {
      type: "opportunity.referral_paid";
      network: NetworkRef;
      referralId: string;
      opportunityId: string;
      title: string;
      referrerId: string;
      actorId: string | null;
    }
  /** A member opened an inquiry at the operators' desk (`userIds`: the member). */
  | InquiryEvent<"inquiry.opened">
  /** An operator replied to an inquiry (`userIds`: the member who opened it). */
  | InquiryEvent<"inquiry.replied">
  /** The member wrote again in their inquiry (`userIds`: the assigned operator, if any). */
  | InquiryEvent<"inquiry.member_replied">;

/** What happened at the desk: the network, the inquiry and message, who acted, and who is concerned. */
type InquiryEvent<T extends string> = {
  type: T;
  networkId: string;
  inquiryId: string;
  messageId: string;
  actor: Actor;
  userIds: string[];
};

export type EventType = DomainEvent["type"];
export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;

/** The audit row an event appends (operator and admin actions, security events). */
export type AuditEntry = {
  networkId: string | null;
  actor: Actor | null;
  action: string;
  targetType?: string;
  targetId?: string;
  data?: Record<string, unknown>;
};

/** `ctx` is there when the write passed it (subscribers that queue jobs or mails need it). */
export type Subscriber<T extends EventType> = (tx: Tx, event: EventOf<T>, ctx?: AppContext) => Promise<void>;

const subscribers = new Map<EventType, Subscriber<any>[]>();

/** Runs `fn` inside the transaction of every `type` event (registered once, at start-up). */
export function subscribe<T extends EventType>(type: T, fn: Subscriber<T>) {
  const list = subscribers.get(type) ?? [];
  if (!list.includes(fn)) list.push(fn);
  subscribers.set(type, list);
}

/** Records `event` in `tx`: its audit row when given, then every subscriber, in order. */
export async function record(tx: Tx, event: DomainEvent, entry?: AuditEntry, ctx?: AppContext) {
  if (entry) await audit(tx, entry);
  for (const fn of subscribers.get(event.type) ?? []) await fn(tx, event, ctx);
}

/** Event types with no subscriber (the events test checks none is forgotten). */
export function unsubscribed(types: readonly EventType[]): EventType[] {
  return types.filter((t) => !subscribers.get(t)?.length);
}

// Who reacts to which domain event (server/events.ts): the one place to look. Registered when the
// services open (server/services.ts); registering again adds nothing (subscribe keeps one of each).
import { eq } from "drizzle-orm";
import { member } from "../db/schema/index.ts";
import { syncDirectory } from "../modules/directory/index.ts";
import { auditInquiryActivity } from "../modules/inquiries/index.ts";
import { REMINDER_JOB, type ReminderJob, remindInvitation } from "../modules/invitations/index.ts";
import { followAccountRename } from "../modules/profiles/index.ts";
import type { AppContext } from "./context.ts";
import { type EventType, type Subscriber, subscribe } from "./events.ts";

/** Every event type; the events test fails when one has no subscriber. */
export const EVENT_TYPES: readonly EventType[] = [
  "member.changed",
  "user.renamed",
  "inquiry.opened",
  "inquiry.replied",
  "inquiry.member_replied",
];

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

export function registerSubscribers() {
  subscribe("member.changed", syncChangedMembers);
  subscribe("user.renamed", syncRenamedUser);
  // The desk's activity in the audit log (the mail to the member is queued by the reply itself).
  subscribe("inquiry.opened", auditInquiryActivity);
  subscribe("inquiry.replied", auditInquiryActivity);
  subscribe("inquiry.member_replied", auditInquiryActivity);
}

/** Jobs that modules queue for later (through the outbox) and who runs them. */
export async function registerJobHandlers(ctx: AppContext) {
  await ctx.jobs.register<ReminderJob>(REMINDER_JOB, (job) => remindInvitation(ctx, job));
}

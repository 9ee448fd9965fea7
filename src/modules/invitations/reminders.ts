// The reminder of an invitation, days after it (queued with it by service.ts, run by the job
// worker: server/subscribers.ts). The job holds no link: the reminder mints a new one, so the
// link is never stored but as a hash, and the first mail's link stops working.

import type { AppContext } from "../../server/context.ts";
import { hashToken } from "../../server/guards.ts";
import { claimReminder, reminderDaysOf } from "./queries.ts";
import { formatExpiry, newInvitationToken } from "./tokens.ts";

export const REMINDER_JOB = "invitation.remind";
/** Jobs queued before December 2026 also carry `url`: it is not used. */
export type ReminderJob = { networkId: string; invitationId: string };

/**
 * One mail to an invitee who has not joined, if the invitation still waits and the network still
 * sends reminders, with a new link (the invitation's token is replaced in the same transaction).
 */
export async function remindInvitation(ctx: AppContext, job: ReminderJob) {
  await ctx.db.transaction(async (tx) => {
    if ((await reminderDaysOf(tx, job.networkId)) === null) return;
    const token = newInvitationToken();
    const claimed = await claimReminder(tx, job.networkId, job.invitationId, hashToken(token));
    if (!claimed) return;
    const { invitation: inv, networkName } = claimed;
    const locale = inv.locale === "en" ? "en" : "ja";
    await ctx.mailer.enqueue(
      inv.email,
      "invitationReminder",
      locale,
      {
        url: `${ctx.config.baseUrl}/invite/${token}`,
        networkName,
        name: inv.name,
        expiresAt: formatExpiry(inv.expiresAt, locale),
        message: inv.message,
      },
      { tx, key: `invitationReminder:${inv.id}`, networkId: job.networkId },
    );
  });
}

// Reminders before an event (default: the day before and 1 hour before; per event), through the
// job queue: queued in the transaction that publishes or moves the event, each with `startAfter` at
// its moment and a key made of the event, its start and the reminder, so a re-queue adds nothing
// and a moved event gets new ones. The job holds ids only and re-checks when it runs that it still
// applies (published, not cancelled, the same start, the reminder still wanted); the notification
// is keyed the same way (a retried job notifies nobody twice). Each member's choice for the kind
// event_reminder decides the bell, a mail now, the digest or nothing.
import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { organization } from "../../db/schema/index.ts";
import type { AppContext } from "../../server/context.ts";
import { notify } from "../notifications/index.ts";
import { type EventRow, findEvent, rsvpsOf } from "./queries.ts";

export const EVENT_REMINDER_JOB = "events.reminder";
export type EventReminderJob = { networkId: string; eventId: string; startsAt: string; minutes: number };

const reminderKey = (e: { id: string; startsAt: Date }, minutes: number) =>
  `event-reminder:${e.id}:${e.startsAt.getTime()}:${minutes}`;

/** Queues the event's reminders whose moment is still ahead, in `tx` (published or scheduled events). */
export async function queueReminders(ctx: AppContext, tx: Tx, networkId: string, e: EventRow) {
  if (!e.publishedAt || e.cancelledAt) return;
  const now = Date.now();
  for (const minutes of e.reminders) {
    const at = new Date(e.startsAt.getTime() - minutes * 60_000);
    if (at.getTime() <= now) continue;
    await ctx.jobs.send<EventReminderJob>(
      EVENT_REMINDER_JOB,
      { networkId, eventId: e.id, startsAt: e.startsAt.toISOString(), minutes },
      { tx, key: reminderKey(e, minutes), startAfter: at },
    );
  }
}

export async function runEventReminder(ctx: AppContext, job: EventReminderJob) {
  await ctx.db.transaction(async (tx) => {
    const e = await findEvent(tx, job.networkId, job.eventId);
    if (!e || e.cancelledAt || !e.publishedAt || e.publishedAt > new Date()) return;
    if (e.startsAt.toISOString() !== job.startsAt || !e.reminders.includes(job.minutes)) return;
    const [net] = await tx
      .select({ slug: organization.slug, name: organization.name })
      .from(organization)
      .where(eq(organization.id, job.networkId));
    if (!net) return;
    const going = (await rsvpsOf(tx, job.networkId, e.id, ["confirmed"])).flatMap((x) =>
      x.r.userId ? [x.r.userId] : [],
    );
    if (!going.length) return;
    await notify(ctx, tx, {
      network: { id: job.networkId, ...net },
      kind: "event_reminder",
      userIds: going,
      key: reminderKey(e, job.minutes),
      subject: `event:${e.id}`,
      actorId: null,
      data: { eventId: e.id, title: e.title, eventNews: "reminder", startsAt: e.startsAt.toISOString() },
    });
  });
}

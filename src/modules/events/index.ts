// What other modules may use of the events module: import from here, never from its files.
export { EVENT_REMINDER_JOB, type EventReminderJob, runEventReminder } from "./reminders.ts";
export { EVENT_OFFER_JOB, type EventOfferJob, eventNotFound, runOfferExpiry } from "./service.ts";

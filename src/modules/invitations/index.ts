// What other modules may use of the invitations module: import from here, never from its files.
export { invitationCount, markAccepted } from "./queries.ts";
export { REMINDER_JOB, type ReminderJob, remindInvitation } from "./reminders.ts";
export { createInvitations } from "./service.ts";

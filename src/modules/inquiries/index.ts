// What other modules may use of the operators' desk: import from here, never from its files.
export { type BusinessHours, businessMinutesBetween, DEFAULT_BUSINESS_HOURS } from "./business-hours.ts";
export { openCounts as openInquiryCounts } from "./queries.ts";
// Writes the demo seed (src/cli/seed-demo-desk.ts) makes with times in the past.
export { createSavedReply } from "./saved-replies.ts";
export { assignInquiry, changeStatus, followUp, openInquiry, replyToInquiry } from "./service.ts";
export { setBusinessHours } from "./settings.ts";
export { auditInquiryActivity } from "./subscribers.ts";

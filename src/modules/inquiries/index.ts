// What other modules may use of the operators' desk: import from here, never from its files.

// The upload helpers other modules reuse for their attachments (read from a multipart request,
// recognise the type by content, name the file, answer a download).
export { contentDisposition, detectAttachmentType, displayName, uploadedFile } from "./attachments.ts";
export { type BusinessHours, businessMinutesBetween, DEFAULT_BUSINESS_HOURS } from "./business-hours.ts";
export { openCounts as openInquiryCounts } from "./queries.ts";
// Writes the demo seed (src/cli/seed-demo-desk.ts) makes with times in the past.
export { createSavedReply } from "./saved-replies.ts";
export { assignInquiry, changeStatus, followUp, openInquiry, replyToInquiry } from "./service.ts";
export { setBusinessHours } from "./settings.ts";
export { auditInquiryActivity } from "./subscribers.ts";

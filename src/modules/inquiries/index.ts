// What other modules may use of the operators' desk: import from here, never from its files.
export { type BusinessHours, businessMinutesBetween, DEFAULT_BUSINESS_HOURS } from "./business-hours.ts";
export { auditInquiryActivity } from "./subscribers.ts";

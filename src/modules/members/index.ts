// What other modules may use of the members module: import from here, never from its files.
export { admitMember, withdrawAdmission } from "./admit.ts";
export { memberCsvRecords } from "./export.ts";
export { updateMember } from "./queries.ts";
export { changeMember } from "./service.ts";

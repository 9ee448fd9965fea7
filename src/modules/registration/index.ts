// What other modules may use of the registration module: import from here, never from its files.
export { claimRosterRow, decideRegistration, openApplications } from "./queries.ts";
export { registeredJoinYm } from "./service.ts";

// What other modules may use of the consent module: import from here, never from its files.
export { saveConsent } from "./queries.ts";
export { consentWithNotice } from "./schemas.ts";
export { assertLatestNotice, recordConsent } from "./service.ts";

// What other modules may use of the networks module: import from here, never from its files.

export { mailBrandOf } from "./branding.ts";
export { brandOf, insertNotice, latestNotice } from "./queries.ts";
export { privacyNoticeInput } from "./schemas.ts";
export { createNetwork, setupNeeded } from "./service.ts";

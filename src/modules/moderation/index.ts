// What other modules may use of the moderation module: import from here, never from its files.
export { moderationPolicy } from "./policy.ts";
export { openCases } from "./queue.ts";

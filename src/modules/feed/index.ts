// What other modules may use of the feed module: import from here, never from its files.
export { announcementCount } from "./queries.ts";

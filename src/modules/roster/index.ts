// What other modules may use of the roster module: import from here, never from its files.
export { todayInJapan } from "./dates.ts";
export { rosterSize } from "./queries.ts";
export { importRoster } from "./service.ts";

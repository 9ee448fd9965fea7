// What other modules may use of the segments module: import from here, never from its files.
export { deleteSegment, updateSegment } from "./queries.ts";

// What other modules may use of the messages module: import from here, never from its files.
export { unmutedParticipants } from "./queries.ts";

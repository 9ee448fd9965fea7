// What other modules may use of the messages module: import from here, never from its files.
export { messagesByIds, unmutedParticipants } from "./queries.ts";
export { messageable, reportableMessage } from "./service.ts";

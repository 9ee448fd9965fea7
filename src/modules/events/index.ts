// What other modules may use of the events module: import from here, never from its files.
export { eventNotFound } from "./service.ts";

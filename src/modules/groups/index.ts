// What other modules may use of the groups module: import from here, never from its files.
export { activeMembersAmong, groupMemberIdsAfter, groupNames } from "./queries.ts";
export { groupsOfMember, joinRequestKey, postableGroup, readableGroup } from "./service.ts";

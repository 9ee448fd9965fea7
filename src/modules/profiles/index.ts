// What other modules may use of the profiles module: import from here, never from its files.

export type { ViewerKind } from "./policy.ts";
export { fieldVisibleTo, listedToMembers, visibilityMap } from "./policy.ts";
export { photoUrl } from "./presenter.ts";
export {
  ensureProfile,
  fillProfileGaps,
  findMemberProfile,
  followAccountRename,
  memberProfiles,
  membersWithCharacters,
  profilesWithoutReading,
  profilesWithVisibility,
  replaceProfile,
  replaceVisibility,
  setDisplayNameKana,
  setPhotoPath,
} from "./queries.ts";
export { profileInput } from "./schemas.ts";

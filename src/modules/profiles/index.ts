// What other modules may use of the profiles module: import from here, never from its files.

// Image handling, shared with the network logo (modules/networks/branding.ts).
export {
  detectImageType,
  imageDimensions,
  PHOTO_MAX_PIXELS,
  PHOTO_MAX_SIDE,
  photoErrors,
  photoFile,
  removePhoto,
  uploadedImage,
  writePhoto,
} from "./photo.ts";
export { stripImageMetadata } from "./photo-metadata.ts";
export type { ViewerKind } from "./policy.ts";
export {
  fieldVisibleTo,
  listedToMembers,
  profileOpenTo,
  viewerKind,
  visibilityMap,
  visibilityOf,
} from "./policy.ts";
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

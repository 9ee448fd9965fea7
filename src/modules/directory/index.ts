// What other modules may use of the directory module: import from here, never from its files.
export { pageCacheStats } from "./cache.ts";
export {
  departmentFits,
  departmentUnits,
  type FitRow,
  type FitWeights,
  type FitWishes,
  fitsAnySql,
  rankByFit,
  withFittingDepartments,
} from "./fit.ts";
export { recentlyJoined } from "./newcomers.ts";
export { matchingUserIds, prepareSearch, rowMatches, textArray } from "./queries.ts";
export type { DirectoryFilter } from "./schemas.ts";
export { directoryCard, directoryFilter, directoryPage, directoryQuery } from "./schemas.ts";
export {
  countDirectory,
  directoryScope,
  presentCard,
  searchDirectory,
  viewerAudience,
  visibleMembers,
} from "./service.ts";
export { backfillDirectory, indexNewMembers, syncDirectory } from "./sync.ts";
export { containsPattern, labelKey, lexemes, normalizeText, prefixQuery, queryWords } from "./text.ts";

// What other modules may use of the feed module: import from here, never from its files.

export { readViewerState, type ViewerExtra, viewerOf, whoMaySee } from "./audience.ts";
export { feedCacheStats, feedChanged } from "./cache.ts";
export { type HomeFeed, homeFeed, type PostBrief } from "./home.ts";
export { checkedPicture, imageErrors, uploadedPicture } from "./images.ts";
export {
  type FeedContent,
  feedContent,
  reportableComment,
  reportablePost,
  setContentHidden,
} from "./moderation.ts";
export { announcementCount, type Viewer } from "./queries.ts";
export { type AudienceColumns, audienceReach } from "./reach.ts";

// What other modules may use of the notifications module: import from here, never from its files.

export { channelFor, mutersOf, watchersOf } from "./queries.ts";
export { mutedBy, unreadOfKinds } from "./recent.ts";
export {
  activeMembersAfter,
  DIGEST_JOB,
  type DigestJob,
  digestHour,
  FANOUT_JOB,
  type FanoutJob,
  fanOut,
  forgetNotifications,
  headline,
  hideNotifications,
  type NetworkRef,
  type NotificationData,
  notify,
  runDigest,
  scheduleDigest,
  setThreadLevel,
  settleNotifications,
  threadLevel,
} from "./service.ts";
export { unsubscribeToken } from "./token.ts";

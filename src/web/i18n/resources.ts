// The shape of every namespace, for i18next's types: `t("missing.key")` fails the typecheck.
// Type-only imports: each page area still loads (and registers) its own strings.
import type { strings as formsStrings } from "../components/formStrings.ts";
import type { strings as uiStrings } from "../components/i18n.ts";
import type { strings as profileLabelsStrings } from "../components/profileLabels.ts";
import type { strings as adminStrings } from "../routes/admin/i18n.ts";
import type { strings as authStrings } from "../routes/auth/i18n.ts";
import type { strings as consentStrings } from "../routes/consent/i18n.ts";
import type { strings as directoryStrings } from "../routes/directory/i18n.ts";
import type { strings as errorsStrings } from "../routes/errors/i18n.ts";
import type { strings as eventsStrings } from "../routes/events/i18n.ts";
import type { strings as feedStrings } from "../routes/feed/i18n.ts";
import type { strings as groupsStrings } from "../routes/groups/i18n.ts";
import type { strings as homeStrings } from "../routes/home/i18n.ts";
import type { strings as inquiriesStrings } from "../routes/inquiries/i18n.ts";
import type { strings as inviteStrings } from "../routes/invite/i18n.ts";
import type { strings as messagesStrings } from "../routes/messages/i18n.ts";
import type { strings as moderationStrings } from "../routes/moderation/i18n.ts";
import type { strings as networkStrings } from "../routes/network/i18n.ts";
import type { strings as notificationsStrings } from "../routes/notifications/i18n.ts";
import type { OperatorStrings } from "../routes/operator/i18n.ts";
import type { strings as opportunitiesStrings } from "../routes/opportunities/i18n.ts";
import type { strings as profileStrings } from "../routes/profile/i18n.ts";
import type { strings as registerStrings } from "../routes/register/i18n.ts";
import type { strings as segmentsStrings } from "../routes/segments/i18n.ts";
import type { strings as setupStrings } from "../routes/setup/i18n.ts";
import type { strings as twoFactorStrings } from "../routes/two-factor/i18n.ts";
import type { strings as welcomeStrings } from "../routes/welcome/i18n.ts";
import type { common } from "./common.ts";

// Japanese is the reference language; i18n.test.ts checks that English has the same keys.
export type Resources = {
  common: typeof common.ja;
  ui: typeof uiStrings.ja;
  forms: typeof formsStrings.ja;
  profileLabels: typeof profileLabelsStrings.ja;
  admin: typeof adminStrings.ja;
  auth: typeof authStrings.ja;
  consent: typeof consentStrings.ja;
  directory: typeof directoryStrings.ja;
  errors: typeof errorsStrings.ja;
  feed: typeof feedStrings.ja;
  groups: typeof groupsStrings.ja;
  events: typeof eventsStrings.ja;
  home: typeof homeStrings.ja;
  inquiries: typeof inquiriesStrings.ja;
  invite: typeof inviteStrings.ja;
  messages: typeof messagesStrings.ja;
  moderation: typeof moderationStrings.ja;
  network: typeof networkStrings.ja;
  notifications: typeof notificationsStrings.ja;
  operator: OperatorStrings;
  opportunities: typeof opportunitiesStrings.ja;
  profile: typeof profileStrings.ja;
  register: typeof registerStrings.ja;
  segments: typeof segmentsStrings.ja;
  setup: typeof setupStrings.ja;
  twoFactor: typeof twoFactorStrings.ja;
  welcome: typeof welcomeStrings.ja;
};

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: Resources;
  }
}

// Strings of the operator pages (namespace "operator"), one file per page under i18n/.
import "../../components/i18n.ts";
import "../../components/profileLabels.ts";
import { addStrings } from "../../i18n/index.ts";
import { approvals } from "./i18n/approvals.ts";
import { invitations } from "./i18n/invitations.ts";
import { members } from "./i18n/members.ts";
import { privacy } from "./i18n/privacy.ts";
import { roster } from "./i18n/roster.ts";
import { survey } from "./i18n/survey.ts";
import { tokens } from "./i18n/tokens.ts";

const pages = { roster, invitations, approvals, members, survey, privacy, tokens };
const pick = (lang: "ja" | "en") => Object.fromEntries(Object.entries(pages).map(([k, v]) => [k, v[lang]]));

addStrings("operator", { ja: pick("ja"), en: pick("en") });

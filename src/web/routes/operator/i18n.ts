// Strings of the operator pages (namespace "operator"), one file per feature folder.
import "../../components/i18n.ts";
import "../../components/profileLabels.ts";
import { addStrings } from "../../i18n/index.ts";
import { tokens } from "./api-tokens/i18n.ts";
import { approvals } from "./approvals/i18n.ts";
import { branding } from "./branding/i18n.ts";
import { invitations } from "./invitations/i18n.ts";
import { members } from "./members/i18n.ts";
import { privacy } from "./privacy/i18n.ts";
import { roster } from "./roster/i18n.ts";
import { survey } from "./survey/i18n.ts";

const pages = { roster, invitations, approvals, members, survey, privacy, tokens, branding };
type Pages = typeof pages;
/** The namespace's shape: one key per feature (`roster.title`, `tokens.list.name`…). */
export type OperatorStrings = { [K in keyof Pages]: Pages[K]["ja"] };
const pick = (lang: "ja" | "en") =>
  Object.fromEntries(Object.entries(pages).map(([k, v]) => [k, v[lang]])) as OperatorStrings;

addStrings("operator", { ja: pick("ja"), en: pick("en") });

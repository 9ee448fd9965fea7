// Profile fields and who may see them. Shared by server (presenters) and web (forms).
export const VISIBILITIES = ["private", "operators", "members"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Fields whose visibility a member chooses, with the default for a new profile. */
export const PROFILE_FIELD_DEFAULTS = {
  displayName: "members", // always shown to members (it names the card); kept here for completeness
  displayNameKana: "members", // its reading, shown with it
  nameWhileEmployed: "members",
  nameKana: "members",
  photo: "members",
  joinYm: "members",
  leaveYm: "members",
  departments: "members",
  currentCompany: "members",
  industry: "members",
  jobType: "members",
  skills: "members",
  location: "operators",
  bio: "members",
  links: "members",
  // Ticking "open to" is asking to be found: members filtering for 業務委託 must see it, and how
  // to reach the person with it (until December 2026 these three defaulted to operators only).
  openTo: "members",
  contactChannel: "members",
  contactHours: "members",
} as const satisfies Record<string, Visibility>;

/** Fields whose default was "operators" before December 2026 (src/server/data-migrations.ts). */
export const FORMERLY_OPERATORS_ONLY = ["openTo", "contactChannel", "contactHours"] as const;

export type ProfileField = keyof typeof PROFILE_FIELD_DEFAULTS;
export const PROFILE_FIELDS = Object.keys(PROFILE_FIELD_DEFAULTS) as ProfileField[];
/** The name and its reading are always visible to members of the network. */
export const ALWAYS_VISIBLE: ProfileField[] = ["displayName", "displayNameKana"];

export const OPEN_TO = ["rehire", "freelance", "mentoring", "speaking"] as const;
export const INTERESTS = ["rehire", "freelance", "mentoring", "events", "keep_in_touch", "other"] as const;
export const CONSENT_KEYS = ["directory", "rehire", "freelance", "events", "surveys"] as const;
export type ConsentKey = (typeof CONSENT_KEYS)[number];
export type ConsentChoices = Record<ConsentKey, boolean>;

export const NETWORK_ROLES = ["operator", "employee", "alumni"] as const;

/** Industries offered in forms (stored as these codes; labels live in the web i18n files). */
export const INDUSTRIES = [
  "it",
  "manufacturing",
  "consulting",
  "hr_services",
  "finance",
  "trading",
  "retail",
  "media",
  "healthcare",
  "education",
  "public",
  "construction",
  "logistics",
  "startup",
  "freelance",
  "other",
] as const;

export const JOB_TYPES = [
  "sales",
  "marketing",
  "engineering",
  "design",
  "hr",
  "finance_accounting",
  "legal",
  "consulting",
  "management",
  "product",
  "customer_success",
  "research",
  "operations",
  "other",
] as const;

// A member's directory rows, computed from their profile, membership and consent: one row per
// audience that may find them, holding only what that audience may see (see db/schema/directory.ts).
// Pure functions, called by sync.ts only (directoryRowsOf), also for the bulk loader of src/devdata.
import type { DirectoryAudience } from "../../db/schema/directory.ts";
import { shownNames } from "../../shared/names.ts";
import type { ProfileField, Visibility } from "../../shared/profile.ts";
import { CODE_LABELS } from "../../shared/profile-labels.ts";
import { kanaKey } from "../../shared/text.ts";
import { fieldVisibleTo, listedToMembers, type ViewerKind, visibilityMap } from "../profiles/index.ts";
import { labelKey, lexemes, normalizeText } from "./text.ts";

/** Everything the directory needs about one member (profile columns null when there is no profile). */
export type EntrySource = {
  networkId: string;
  userId: string;
  role: string;
  /** An alumni supporter (the badge on the card); absent: not one. */
  supporter?: boolean;
  memberStatus: string;
  memberSince: Date | string;
  directoryConsent: boolean | null;
  /** Opted in to rehire / freelance offers. */
  rehireConsent?: boolean | null;
  freelanceConsent?: boolean | null;
  userName: string;
  displayName: string | null;
  displayNameKana: string | null;
  nameWhileEmployed: string | null;
  nameKana: string | null;
  photoPath: string | null;
  joinYm: string | null;
  leaveYm: string | null;
  departments: string[] | null;
  currentCompany: string | null;
  industry: string | null;
  jobType: string | null;
  skills: string[] | null;
  location: string | null;
  bio: string | null;
  openTo: string[] | null;
  visibility: Record<string, unknown> | null;
};

export type EntryRow = {
  networkId: string;
  audience: DirectoryAudience;
  userId: string;
  role: string;
  nameSort: string;
  memberSince: string;
  joinYear: number | null;
  departments: string[];
  industry: string | null;
  jobType: string | null;
  skills: string[];
  location: string | null;
  openTo: string[];
  offerRehire: boolean;
  offerFreelance: boolean;
  photoPath: string | null;
  card: Record<string, unknown>;
  tsv: string;
  txt: string;
};

/** A label list's terms for suggestions: key → label as the member wrote it. */
export type Terms = { field: TermField; key: string; label: string }[];
export const TERM_FIELDS = ["skills", "departments", "location"] as const;
export type TermField = (typeof TERM_FIELDS)[number];

const AUDIENCE_VIEWER: Record<DirectoryAudience, ViewerKind> = { members: "member", operators: "operator" };
const BIO_CARD_LENGTH = 120;

/** The audiences that may find this member: none when suspended, operators only when not listed to members. */
export function audiencesOf(
  s: Pick<EntrySource, "memberStatus" | "role" | "directoryConsent">,
): DirectoryAudience[] {
  if (s.memberStatus !== "active") return [];
  return listedToMembers(s) ? ["members", "operators"] : ["operators"];
}

function codeLabels(kind: "industries" | "jobTypes" | "openTo", code: string | null): string[] {
  if (!code) return [];
  const ja = (CODE_LABELS.ja[kind] as Record<string, string>)[code];
  const en = (CODE_LABELS.en[kind] as Record<string, string>)[code];
  return [ja, en].filter((x): x is string => !!x);
}

/** A tsvector literal: each lexeme once, with the highest weight it has. */
function tsvLiteral(groups: [weight: "A" | "B" | "C" | "D", texts: (string | null | undefined)[]][]): string {
  const weightOf = new Map<string, string>();
  for (const [weight, texts] of groups) {
    for (const w of lexemes(texts)) if (!weightOf.has(w)) weightOf.set(w, weight);
  }
  return [...weightOf]
    .map(([w, weight]) => `'${w.replace(/\\/g, "\\\\").replace(/'/g, "''")}':1${weight}`)
    .join(" ");
}

const uniqueKeys = (labels: string[]) => [...new Set(labels.map(labelKey).filter(Boolean))];

/** The member's row for one audience. */
export function buildEntry(s: EntrySource, audience: DirectoryAudience): EntryRow {
  const viewer = AUDIENCE_VIEWER[audience];
  const vis = visibilityMap(s.visibility);
  const shown = (f: ProfileField) => fieldVisibleTo(vis[f] as Visibility, viewer);
  const pick = <T>(f: ProfileField, v: T, hidden: T): T => (shown(f) ? v : hidden);

  const displayName = s.displayName ?? s.userName;
  const { reading, former, formerReading } = shownNames({
    displayName,
    displayNameKana: s.displayNameKana,
    // Hidden fields are undefined: a hidden former name is not taken for today's (src/shared/names.ts).
    nameWhileEmployed: pick<string | null | undefined>(
      "nameWhileEmployed",
      s.nameWhileEmployed ?? null,
      undefined,
    ),
    nameKana: pick<string | null | undefined>("nameKana", s.nameKana ?? null, undefined),
  });
  const departments = pick("departments", s.departments ?? [], []);
  const currentCompany = pick("currentCompany", s.currentCompany, null);
  const industry = pick("industry", s.industry, null);
  const jobType = pick("jobType", s.jobType, null);
  const skills = pick("skills", s.skills ?? [], []);
  const location = pick("location", s.location, null);
  const bio = pick("bio", s.bio, null);
  const openTo = pick("openTo", s.openTo ?? [], []);
  const joinYm = pick("joinYm", s.joinYm, null);
  const leaveYm = pick("leaveYm", s.leaveYm, null);

  const card: Record<string, unknown> = { displayName, displayNameKana: reading, role: s.role };
  if (s.supporter) card.supporter = true;
  const put = (f: ProfileField, key: string, v: unknown) => {
    if (shown(f)) card[key] = v;
  };
  put("photo", "photoUrl", null); // the URL is made when presenting (it carries the network's slug)
  if (former) card.nameWhileEmployed = former;
  if (formerReading) card.nameKana = formerReading;
  put("joinYm", "joinYm", joinYm);
  put("leaveYm", "leaveYm", leaveYm);
  put("departments", "departments", departments);
  put("currentCompany", "currentCompany", currentCompany);
  put("industry", "industry", industry);
  put("jobType", "jobType", jobType);
  put("skills", "skills", skills);
  put("location", "location", location);
  put("openTo", "openTo", openTo);
  put(
    "bio",
    "bio",
    bio && bio.length > BIO_CARD_LENGTH ? `${bio.slice(0, BIO_CARD_LENGTH).trimEnd()}…` : bio,
  );

  const names = [displayName, reading, former, formerReading];
  const strong = [...skills, ...departments, ...codeLabels("jobTypes", jobType)];
  const weak = [currentCompany, location, ...codeLabels("industries", industry)];
  const tsv = tsvLiteral([
    ["A", names],
    ["B", strong],
    ["C", weak],
    ["D", [bio]],
  ]);
  const txt = normalizeText([...names, ...strong, ...weak, bio].filter(Boolean).join(" / "));

  return {
    networkId: s.networkId,
    audience,
    userId: s.userId,
    role: s.role,
    // 名前順 by the reading of today's name; without one, by the name itself (after every reading).
    nameSort: kanaKey(reading || displayName),
    memberSince: typeof s.memberSince === "string" ? s.memberSince : s.memberSince.toISOString(),
    joinYear: joinYm ? Number(joinYm.slice(0, 4)) : null,
    departments: uniqueKeys(departments),
    industry,
    jobType,
    skills: uniqueKeys(skills),
    location: location ? labelKey(location) : null,
    openTo,
    offerRehire: s.rehireConsent === true,
    offerFreelance: s.freelanceConsent === true,
    photoPath: pick("photo", s.photoPath, null),
    card,
    tsv,
    txt,
  };
}

/** Every directory row of the member (none when suspended). */
export function buildEntries(s: EntrySource): EntryRow[] {
  return audiencesOf(s).map((a) => buildEntry(s, a));
}

/** The suggestion terms an entry contributes (labels as the member wrote them). */
export function termsOf(source: EntrySource, entry: EntryRow): Terms {
  const out: Terms = [];
  const add = (field: TermField, labels: string[], keys: string[]) => {
    const byKey = new Map(labels.map((l) => [labelKey(l), l]));
    for (const key of keys) out.push({ field, key, label: byKey.get(key) ?? key });
  };
  add("skills", source.skills ?? [], entry.skills);
  add("departments", source.departments ?? [], entry.departments);
  if (entry.location && source.location) add("location", [source.location], [entry.location]);
  return out;
}

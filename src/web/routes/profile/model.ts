// The own profile as the API returns it, the edit form's values, validation mirroring the
// server's profileInput limits, and the PUT body.
import type { TFunction } from "i18next";
import type { OwnProfile } from "../../../modules/profiles/schemas.ts";
import { PROFILE_FIELD_DEFAULTS, type ProfileField, type Visibility } from "../../../shared/profile.ts";
import type { BodyOf } from "../../api/client.ts";
import { isCompleteYm } from "../../components/YearMonthInput.tsx";

type ProfileInput = BodyOf<"/api/n/{slug}/profiles/me", "put">;

export type { OwnProfile, ProfileView } from "../../../modules/profiles/schemas.ts";
export type Link = OwnProfile["links"][number];

export type ProfileForm = {
  displayName: string;
  displayNameKana: string;
  nameWhileEmployed: string;
  nameKana: string;
  joinYm: string | null;
  leaveYm: string | null;
  departments: string[];
  currentCompany: string;
  industry: string | null;
  jobType: string | null;
  skills: string[];
  location: string;
  bio: string;
  links: Link[];
  openTo: string[];
  contactChannel: string;
  contactHours: string;
  visibility: Record<ProfileField, Visibility>;
};

export function toForm(p: OwnProfile): ProfileForm {
  return {
    displayName: p.displayName,
    displayNameKana: p.displayNameKana ?? "",
    nameWhileEmployed: p.nameWhileEmployed ?? "",
    nameKana: p.nameKana ?? "",
    joinYm: p.joinYm,
    leaveYm: p.leaveYm,
    departments: p.departments,
    currentCompany: p.currentCompany ?? "",
    industry: p.industry,
    jobType: p.jobType,
    skills: p.skills,
    location: p.location ?? "",
    bio: p.bio ?? "",
    links: p.links,
    openTo: p.openTo,
    contactChannel: p.contactChannel ?? "",
    contactHours: p.contactHours ?? "",
    visibility: { ...PROFILE_FIELD_DEFAULTS, ...p.visibility },
  };
}

const ym = (v: string | null) => (isCompleteYm(v) ? v : null);

/** The PUT body. The selects only offer the server's industries, job types and offers. */
export function toBody(f: ProfileForm): ProfileInput {
  return {
    ...f,
    industry: f.industry as ProfileInput["industry"],
    jobType: f.jobType as ProfileInput["jobType"],
    openTo: f.openTo as ProfileInput["openTo"],
    // The name is always shown to members (the editor offers no other choice for it).
    visibility: f.visibility as ProfileInput["visibility"],
    joinYm: ym(f.joinYm),
    leaveYm: ym(f.leaveYm),
    links: f.links.filter((l) => l.url.trim()).map((l) => ({ label: l.label.trim(), url: l.url.trim() })),
  };
}

const thisMonth = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 7);
const len = (s: string) => s.normalize("NFKC").replace(/\s+/g, " ").trim().length;
const isHttpUrl = (s: string) => {
  try {
    const u = new URL(s.trim());
    return (u.protocol === "http:" || u.protocol === "https:") && !!u.hostname;
  } catch {
    return false;
  }
};

export function validateProfile(v: ProfileForm, t: TFunction<"profile">): Record<string, string> {
  const e: Record<string, string> = {};
  const max = (k: keyof ProfileForm, n: number) => {
    if (len(v[k] as string) > n) e[k] = t("tooLong", { max: n });
  };
  if (!len(v.displayName)) e.displayName = t("required");
  max("displayName", 50);
  max("displayNameKana", 50);
  max("nameWhileEmployed", 50);
  max("nameKana", 50);
  max("currentCompany", 100);
  max("location", 100);
  max("contactChannel", 100);
  max("contactHours", 100);
  if (v.bio.trim().length > 2000) e.bio = t("tooLong", { max: 2000 });
  if (v.departments.length > 20) e.departments = t("tooMany", { max: 20 });
  else if (v.departments.some((d) => len(d) > 100)) e.departments = t("tooLong", { max: 100 });
  if (v.skills.length > 30) e.skills = t("tooMany", { max: 30 });
  else if (v.skills.some((d) => len(d) > 50)) e.skills = t("tooLong", { max: 50 });
  for (const k of ["joinYm", "leaveYm"] as const) {
    const x = v[k];
    if (x && !isCompleteYm(x)) e[k] = t("ymIncomplete");
    else if (x && x > thisMonth()) e[k] = t("ymFuture");
  }
  if (!e.joinYm && !e.leaveYm && ym(v.joinYm) && ym(v.leaveYm) && v.joinYm! > v.leaveYm!)
    e.leaveYm = t("leaveBeforeJoin");
  v.links.forEach((l, i) => {
    if (l.url.trim() && !isHttpUrl(l.url)) e[`links.${i}.url`] = t("linkUrlInvalid");
    else if (!l.url.trim() && l.label.trim()) e[`links.${i}.url`] = t("linkUrlInvalid");
    if (len(l.label) > 50) e[`links.${i}.label`] = t("tooLong", { max: 50 });
  });
  return e;
}

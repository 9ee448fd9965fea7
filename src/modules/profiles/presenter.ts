// Profile rows → API shapes. This is where per-field visibility is enforced: a field the viewer
// may not see is left out of the object entirely.
import { PROFILE_FIELDS, type ProfileField } from "../../shared/profile.ts";
import { fieldVisibleTo, type ViewerKind, visibilityMap } from "./policy.ts";
import type { MemberProfileRow } from "./queries.ts";
import type { OwnProfile, ProfileView } from "./schemas.ts";

/** The API key that carries a profile field (the photo is exposed as a URL). */
const KEY: Record<ProfileField, keyof OwnProfile> = Object.fromEntries(
  PROFILE_FIELDS.map((f) => [f, f === "photo" ? "photoUrl" : f]),
) as Record<ProfileField, keyof OwnProfile>;

export function photoUrl(slug: string, userId: string, photoPath: string | null): string | null {
  if (!photoPath) return null;
  const version = photoPath.replace(/^.*-/, "").replace(/\.[a-z]+$/, "");
  return `/api/n/${encodeURIComponent(slug)}/profiles/${encodeURIComponent(userId)}/photo?v=${version}`;
}

/** Everything, for the owner (a member without a profile row yet gets an empty one named after the account). */
export function presentOwnProfile(slug: string, r: MemberProfileRow): OwnProfile {
  return {
    userId: r.userId,
    displayName: r.displayName ?? r.userName,
    displayNameKana: r.displayNameKana ?? null,
    nameWhileEmployed: r.nameWhileEmployed ?? null,
    nameKana: r.nameKana ?? null,
    photoUrl: photoUrl(slug, r.userId, r.photoPath),
    joinYm: r.joinYm ?? null,
    leaveYm: r.leaveYm ?? null,
    departments: r.departments ?? [],
    currentCompany: r.currentCompany ?? null,
    industry: r.industry ?? null,
    jobType: r.jobType ?? null,
    skills: r.skills ?? [],
    location: r.location ?? null,
    bio: r.bio ?? null,
    links: r.links ?? [],
    openTo: r.openTo ?? [],
    contactChannel: r.contactChannel ?? null,
    contactHours: r.contactHours ?? null,
    visibility: visibilityMap(r.visibility),
    updatedAt: r.updatedAt ? r.updatedAt.toISOString() : null,
  };
}

/** Exactly what `viewer` may see: the owner sees everything, others only the fields shown to them. */
export function presentProfileFor(slug: string, r: MemberProfileRow, viewer: ViewerKind): ProfileView {
  const full = presentOwnProfile(slug, r);
  if (viewer === "owner") return full;
  const out: Record<string, unknown> = { userId: full.userId, displayName: full.displayName };
  if (r.supporter) out.supporter = true;
  for (const field of PROFILE_FIELDS) {
    if (fieldVisibleTo(full.visibility[field], viewer)) out[KEY[field]] = full[KEY[field]];
  }
  return out as ProfileView;
}

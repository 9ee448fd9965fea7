// Who may see what of a profile. The presenter and the photo route both ask these questions, so a
// field hidden from a viewer is hidden everywhere.
import { anyMember, definePolicy } from "../../server/policy.ts";
import {
  ALWAYS_VISIBLE,
  PROFILE_FIELD_DEFAULTS,
  type ProfileField,
  VISIBILITIES,
  type Visibility,
} from "../../shared/profile.ts";

/** How the viewer relates to the profile's owner. Only active members of the network get this far. */
export type ViewerKind = "owner" | "operator" | "member";

export function viewerKind(viewer: { userId: string; role: string }, ownerUserId: string): ViewerKind {
  if (viewer.userId === ownerUserId) return "owner";
  return viewer.role === "operator" ? "operator" : "member";
}

/** The visibility the owner chose for `field`, or the default when none (or an unknown value) is stored. */
export function visibilityOf(
  stored: Record<string, unknown> | null | undefined,
  field: ProfileField,
): Visibility {
  if (ALWAYS_VISIBLE.includes(field)) return "members";
  const v = stored?.[field];
  return (VISIBILITIES as readonly unknown[]).includes(v) ? (v as Visibility) : PROFILE_FIELD_DEFAULTS[field];
}

/** Every field's effective visibility. */
export function visibilityMap(
  stored: Record<string, unknown> | null | undefined,
): Record<ProfileField, Visibility> {
  return Object.fromEntries(
    (Object.keys(PROFILE_FIELD_DEFAULTS) as ProfileField[]).map((f) => [f, visibilityOf(stored, f)]),
  ) as Record<ProfileField, Visibility>;
}

const SEEN_BY: Record<ViewerKind, readonly Visibility[]> = {
  owner: ["private", "operators", "members"],
  operator: ["operators", "members"],
  member: ["members"],
};

export function fieldVisibleTo(visibility: Visibility, kind: ViewerKind): boolean {
  return SEEN_BY[kind].includes(visibility);
}

/**
 * Whether members find this person in the directory: alumni when they opted in; staff (operators,
 * employees), who run the network and answer its members, unless they opted out. A choice once
 * made (a consent row) is always what counts.
 */
export function listedToMembers(owner: { role: string; directoryConsent: boolean | null }): boolean {
  if (owner.directoryConsent !== null) return owner.directoryConsent;
  return owner.role === "operator" || owner.role === "employee";
}

/**
 * Whether the viewer may open the profile at all. Operators and the owner always may; other members
 * only when the owner is active and listed to members (listedToMembers).
 */
export function profileOpenTo(
  kind: ViewerKind,
  owner: { memberStatus: string; role: string; directoryConsent: boolean | null },
): boolean {
  if (kind !== "member") return true;
  return owner.memberStatus === "active" && listedToMembers(owner);
}

/** Route-level rules: every member edits their own profile and views others' (fields as above). */
export const profilesPolicy = definePolicy("profiles", {
  own: anyMember(),
  view: anyMember(),
});

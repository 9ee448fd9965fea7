// Feed rows → API shapes. The author of a post or comment is shown as the directory would show
// them to the viewer: name always, photo when its visibility lets the viewer see it, and a link to
// the profile only when the viewer may open it.

import type { memberProfiles } from "../profiles/index.ts";
import { fieldVisibleTo, photoUrl, profileOpenTo, viewerKind, visibilityOf } from "../profiles/index.ts";
import type { AuthorOut } from "./schemas.ts";

type ProfileRow = Awaited<ReturnType<typeof memberProfiles>>[number];

export function presentAuthor(
  slug: string,
  viewer: { userId: string; role: string },
  p: ProfileRow | undefined,
  userId: string,
): AuthorOut {
  if (!p) return { userId, name: "—", role: "alumni", photoUrl: null, profile: false, supporter: false };
  const kind = viewerKind(viewer, p.userId);
  const visibility = p.visibility as Record<string, unknown> | null;
  return {
    userId: p.userId,
    name: p.displayName ?? p.userName,
    role: p.role,
    photoUrl: fieldVisibleTo(visibilityOf(visibility, "photo"), kind)
      ? photoUrl(slug, p.userId, p.photoPath)
      : null,
    profile: p.hasProfile && profileOpenTo(kind, p),
    supporter: p.supporter,
  };
}

// Direct-message rows → API shapes. A person is shown as the directory would show them to the
// viewer: the name always, the photo when its visibility lets the viewer see it, a link to the
// profile only when the viewer may open it; never an email address.
import type { memberProfiles } from "../profiles/index.ts";
import { fieldVisibleTo, photoUrl, profileOpenTo, viewerKind, visibilityOf } from "../profiles/index.ts";
import type { MessageRow } from "./queries.ts";
import type { MessageOut, PersonOut } from "./schemas.ts";

type ProfileRow = Awaited<ReturnType<typeof memberProfiles>>[number];

export function presentPerson(
  slug: string,
  viewer: { userId: string; role: string },
  p: ProfileRow | undefined,
  userId: string,
): PersonOut {
  if (!p) return { userId, name: "—", photoUrl: null, profile: false };
  const kind = viewerKind(viewer, p.userId);
  const visibility = p.visibility as Record<string, unknown> | null;
  return {
    userId: p.userId,
    name: p.displayName ?? p.userName,
    photoUrl: fieldVisibleTo(visibilityOf(visibility, "photo"), kind)
      ? photoUrl(slug, p.userId, p.photoPath)
      : null,
    profile: p.hasProfile && profileOpenTo(kind, p),
  };
}

export const presentMessage = (r: MessageRow, viewerId: string): MessageOut => ({
  id: r.id,
  senderId: r.senderId,
  body: r.body,
  createdAt: r.createdAt.toISOString(),
  mine: r.senderId === viewerId,
});

/** The start of a message on one line. */
export function excerptOf(body: string, max = 60): string {
  const line = body.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

// The audience rule of the feed (network, a segment, a group, and always the author), as one SQL
// condition over any table that carries an audience the way `post` does: the events module lists
// its events with it, so a segment or a group reaches the same members in the feed and in events.
// The feed's own condition (queries.ts `visibleTo`) is this one over `post`, plus moderation's
// hiding; both take the same Viewer (audience.ts `viewerOf`), resolved once per request.
import { and, eq, inArray, or, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Viewer } from "./queries.ts";

export type AudienceColumns = {
  audience: AnyPgColumn;
  segmentId: AnyPgColumn;
  groupId: AnyPgColumn;
  /** Who made it: they always see it. */
  authorId: AnyPgColumn;
};

/** Rows whose audience reaches `v` (undefined for operators: every row). */
export function audienceReach(c: AudienceColumns, v: Viewer): SQL | undefined {
  if (v.operator) return undefined;
  const reach = [eq(c.audience, "network"), eq(c.authorId, v.userId)];
  if (v.segments.length) reach.push(and(eq(c.audience, "segment"), inArray(c.segmentId, v.segments)) as SQL);
  if (v.groups.length) reach.push(and(eq(c.audience, "group"), inArray(c.groupId, v.groups)) as SQL);
  return or(...reach);
}

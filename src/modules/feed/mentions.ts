// @mentions in posts and comments. The composer inserts `@[表示名](mention:<user id>)`, a Markdown
// link the web renders as a link to the member's profile. A mention counts (and notifies) only when
// the author may see the member in the directory (a hidden member is never offered, and naming one
// by id does nothing) and the member may see the post; anything else stays plain text.
import type { Scope } from "../../server/scope.ts";
import { visibleMembers } from "../directory/index.ts";

/** `@[name](mention:id)`: the name shown (no brackets or line breaks), the member's id. */
const MENTION = /@\[([^\]\n]{1,80})\]\(mention:([A-Za-z0-9_-]{1,64})\)/g;

/** At most this many members are notified by one post or comment (a list of 200 names is no mention). */
export const MENTIONS_MAX = 20;

/** The ids mentioned in `body`, in order, once each. */
export function mentionedIds(body: string): string[] {
  const ids = new Set<string>();
  for (const m of body.matchAll(MENTION)) ids.add(m[2]);
  return [...ids];
}

/**
 * Whom `body` mentions that the author (`scope`'s member) may see in the directory, less the
 * author, capped at MENTIONS_MAX; `already` (ids mentioned before an edit) are left out.
 */
export async function validMentions(scope: Scope, body: string, already: string[] = []): Promise<string[]> {
  const me = scope.member?.userId;
  const before = new Set(already);
  const ids = mentionedIds(body)
    .filter((id) => id !== me && !before.has(id))
    .slice(0, MENTIONS_MAX);
  if (!ids.length) return [];
  const visible = new Set(await visibleMembers(scope, ids));
  return ids.filter((id) => visible.has(id));
}

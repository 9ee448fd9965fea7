// Who sees a post, resolved when the feed is read: the whole network, the author, the operators,
// the members of a segment as the segment's filter matches them now (no per-member copy: a
// member who enters a segment later sees its posts; one who leaves it no longer does), and the
// active members of a group (one who leaves or is removed no longer sees its posts).
import type { MemberScope, Scope } from "../../server/scope.ts";
import { activeMembersAmong, groupsOfMember } from "../groups/index.ts";
import { memberProfiles } from "../profiles/index.ts";
import { segmentsOfMember } from "../segments/index.ts";
import type { Viewer } from "./queries.ts";

export async function viewerOf(scope: MemberScope): Promise<Viewer> {
  const operator = scope.member.role === "operator";
  return {
    userId: scope.member.userId,
    operator,
    // Operators see every post: no need to know their segments or groups.
    segments: operator ? [] : await segmentsOfMember(scope, scope.member.userId),
    groups: operator ? [] : await groupsOfMember(scope, scope.member.userId),
  };
}

/**
 * Which of `userIds` may see `post` now (who a notification about it may reach): active members,
 * and for a post to a segment (a group) its author, the operators and the segment's (group's)
 * members; a post hidden pending review (moderation) only its author and the operators.
 */
export async function whoMaySee(
  scope: Scope,
  post: {
    audience: string;
    segmentId: string | null;
    groupId?: string | null;
    authorId: string;
    hiddenAt?: Date | null;
  },
  userIds: string[],
): Promise<string[]> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return [];
  const people = (await memberProfiles(scope.db, scope.network.id, ids)).filter(
    (p) => p.memberStatus === "active",
  );
  if (post.hiddenAt)
    return people.filter((p) => p.role === "operator" || p.userId === post.authorId).map((p) => p.userId);
  if (post.audience === "network") return people.map((p) => p.userId);
  const out: string[] = [];
  if (post.audience === "group") {
    const inGroup = new Set(
      post.groupId ? await activeMembersAmong(scope.db, scope.network.id, post.groupId, ids) : [],
    );
    return people
      .filter((p) => p.role === "operator" || p.userId === post.authorId || inGroup.has(p.userId))
      .map((p) => p.userId);
  }
  for (const p of people) {
    if (p.role === "operator" || p.userId === post.authorId) out.push(p.userId);
    else if (post.segmentId && (await segmentsOfMember(scope, p.userId)).includes(post.segmentId))
      out.push(p.userId);
  }
  return out;
}

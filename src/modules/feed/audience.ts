// Who sees a post, resolved when the feed is read: the whole network, the author, the operators,
// and the members of a segment as the segment's filter matches them now (no per-member copy: a
// member who enters a segment later sees its posts; one who leaves it no longer does).
import type { MemberScope } from "../../server/scope.ts";
import { segmentsOfMember } from "../segments/index.ts";
import type { Viewer } from "./queries.ts";

export async function viewerOf(scope: MemberScope): Promise<Viewer> {
  const operator = scope.member.role === "operator";
  return {
    userId: scope.member.userId,
    operator,
    // Operators see every post: no need to know their segments.
    segments: operator ? [] : await segmentsOfMember(scope, scope.member.userId),
  };
}

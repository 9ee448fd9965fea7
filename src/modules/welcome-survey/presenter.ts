import type { ResponseRow } from "./queries.ts";

export function presentResponse(r: ResponseRow) {
  return {
    joinedYear: r.joinedYear,
    industry: r.industry,
    jobType: r.jobType,
    interests: r.interests,
    interestOther: r.interestOther,
    comment: r.comment,
    submittedAt: r.submittedAt.toISOString(),
  };
}

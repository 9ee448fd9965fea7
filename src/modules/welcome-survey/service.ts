// The welcome survey at an alumnus's first sign-in after approval (year joined pre-filled,
// industry, job type, interests, a free comment), and its aggregate for operators.
import { inTransaction, type MemberScope, type Scope } from "../../server/scope.ts";
import { OPEN_TO } from "../../shared/profile.ts";
import { fillProfileGaps, findMemberProfile } from "../profiles/index.ts";
import { registeredJoinYm } from "../registration/index.ts";
import { presentResponse } from "./presenter.ts";
import { findResponse, saveResponse, surveyCounts, surveyTexts } from "./queries.ts";
import type { SurveyInput, SurveySummary } from "./schemas.ts";

const yearOf = (ym: string | null | undefined) => (ym ? Number(ym.slice(0, 4)) : null);

/** Whether the member still has to answer (alumni only), what to pre-fill, and their answer. */
export async function surveyFor(scope: MemberScope) {
  const { network, user, member, db } = scope;
  const response = await findResponse(db, network.id, user.id);
  const profile = await findMemberProfile(db, network.id, user.id);
  const joinYm = profile?.joinYm ?? (await registeredJoinYm(scope, user.id));
  return {
    needed: member.role === "alumni" && !response,
    // The survey starts from what the profile already says (an operator may have filled it in).
    prefill: {
      joinedYear: yearOf(joinYm),
      industry: profile?.industry ?? null,
      jobType: profile?.jobType ?? null,
    },
    response: response ? presentResponse(response) : null,
  };
}

export async function answerSurvey(scope: MemberScope, input: SurveyInput) {
  await inTransaction(scope, async ({ db: tx }) => {
    await saveResponse(tx, scope.network.id, scope.user.id, input);
    // What the survey asked that the profile shows too is copied into it, where still empty.
    await fillProfileGaps(tx, scope.network.id, scope.user.id, {
      industry: input.industry,
      jobType: input.jobType,
      openTo: OPEN_TO.filter((o) => (input.interests as string[]).includes(o)),
    });
  });
  return presentResponse((await findResponse(scope.db, scope.network.id, scope.user.id))!);
}

export async function surveySummary(scope: Scope): Promise<SurveySummary> {
  const { db } = scope;
  const networkId = scope.network.id;
  const [counts, comments, interestOthers] = await Promise.all([
    surveyCounts(db, networkId),
    surveyTexts(db, networkId, "comment"),
    surveyTexts(db, networkId, "interestOther"),
  ]);
  return {
    ...counts,
    byJoinDecade: [...counts.byJoinDecade].sort((a, b) => Number(a.value) - Number(b.value)),
    comments,
    interestOthers,
  };
}

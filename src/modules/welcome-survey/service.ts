// The welcome survey at an alumnus's first sign-in after approval (year joined pre-filled,
// industry, job type, interests, a free comment), and its aggregate for operators.
import type { AppContext, NetworkScope } from "../../server/context.ts";
import { findMemberProfile } from "../profiles/queries.ts";
import { registeredJoinYm } from "../registration/service.ts";
import { presentResponse } from "./presenter.ts";
import { findResponse, saveResponse, surveyCounts, surveyTexts } from "./queries.ts";
import type { SurveyInput, SurveySummary } from "./schemas.ts";

const yearOf = (ym: string | null | undefined) => (ym ? Number(ym.slice(0, 4)) : null);

/** Whether the member still has to answer (alumni only), what to pre-fill, and their answer. */
export async function surveyFor(ctx: AppContext, scope: NetworkScope) {
  const { network, user, member } = scope;
  const response = await findResponse(ctx.db, network.id, user.id);
  const profile = await findMemberProfile(ctx.db, network.id, user.id);
  const joinYm = profile?.joinYm ?? (await registeredJoinYm(ctx, network.id, user.id));
  return {
    needed: member.role === "alumni" && !response,
    prefill: { joinedYear: yearOf(joinYm) },
    response: response ? presentResponse(response) : null,
  };
}

export async function answerSurvey(ctx: AppContext, scope: NetworkScope, input: SurveyInput) {
  await ctx.db.transaction(async (tx) => {
    await saveResponse(tx, scope.network.id, scope.user.id, input);
  });
  return presentResponse((await findResponse(ctx.db, scope.network.id, scope.user.id))!);
}

export async function surveySummary(ctx: AppContext, networkId: string): Promise<SurveySummary> {
  const [counts, comments, interestOthers] = await Promise.all([
    surveyCounts(ctx.db, networkId),
    surveyTexts(ctx.db, networkId, "comment"),
    surveyTexts(ctx.db, networkId, "interestOther"),
  ]);
  return {
    ...counts,
    byJoinDecade: [...counts.byJoinDecade].sort((a, b) => Number(a.value) - Number(b.value)),
    comments,
    interestOthers,
  };
}

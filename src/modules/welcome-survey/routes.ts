// The welcome survey: members see whether they still need to answer; alumni answer; operators
// see the aggregate (never who answered what, apart from the free texts' dates).
import { type AppContext, requireMember } from "../../server/context.ts";
import type { FastifyZod } from "../../server/modules.ts";
import { slugParams, summaryOut, surveyInput, surveyOut, surveyResponseOut } from "./schemas.ts";
import { answerSurvey, surveyFor, surveySummary } from "./service.ts";

export default async function welcomeSurveyRoutes(app: FastifyZod, ctx: AppContext) {
  app.get(
    "/n/:slug/welcome-survey",
    {
      schema: {
        tags: ["welcome-survey"],
        summary: "Whether I still need to answer the welcome survey (alumni), the pre-fill and my answer",
        params: slugParams,
        response: { 200: surveyOut },
      },
    },
    async (req) => surveyFor(ctx, await requireMember(ctx, req, req.params.slug)),
  );

  app.post(
    "/n/:slug/welcome-survey",
    {
      schema: {
        tags: ["welcome-survey"],
        summary: "Answer the welcome survey (alumni; a second answer replaces the first)",
        params: slugParams,
        body: surveyInput,
        response: { 201: surveyResponseOut },
      },
    },
    async (req, reply) => {
      const scope = await requireMember(ctx, req, req.params.slug, ["alumni"]);
      return reply.status(201).send(await answerSurvey(ctx, scope, req.body));
    },
  );

  app.get(
    "/n/:slug/welcome-survey/summary",
    {
      schema: {
        tags: ["welcome-survey"],
        summary: "Aggregated answers of the network's alumni (operator)",
        params: slugParams,
        response: { 200: summaryOut },
      },
    },
    async (req) => {
      const { network } = await requireMember(ctx, req, req.params.slug, ["operator"]);
      return surveySummary(ctx, network.id);
    },
  );
}

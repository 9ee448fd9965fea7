// The welcome survey: members see whether they still need to answer; alumni answer; operators
// see the aggregate (never who answered what, apart from the free texts' dates).
import { access, memberScopeOf, networkScope } from "../../server/access.ts";
import type { FastifyZod } from "../../server/http.ts";
import { welcomeSurveyPolicy } from "./policy.ts";
import { slugParams, summaryOut, surveyInput, surveyOut, surveyResponseOut } from "./schemas.ts";
import { answerSurvey, surveyFor, surveySummary } from "./service.ts";

export default async function welcomeSurveyRoutes(app: FastifyZod) {
  app.get(
    "/n/:slug/welcome-survey",
    {
      config: { access: access.member(welcomeSurveyPolicy.status) },
      schema: {
        tags: ["welcome-survey"],
        summary: "Whether I still need to answer the welcome survey (alumni), the pre-fill and my answer",
        params: slugParams,
        response: { 200: surveyOut },
      },
    },
    async (req) => surveyFor(memberScopeOf(req)),
  );

  app.post(
    "/n/:slug/welcome-survey",
    {
      config: { access: access.member(welcomeSurveyPolicy.answer) },
      schema: {
        tags: ["welcome-survey"],
        summary: "Answer the welcome survey (alumni; a second answer replaces the first)",
        params: slugParams,
        body: surveyInput,
        response: { 201: surveyResponseOut },
      },
    },
    async (req, reply) => {
      return reply.status(201).send(await answerSurvey(memberScopeOf(req), req.body));
    },
  );

  app.get(
    "/n/:slug/welcome-survey/summary",
    {
      config: { access: access.member(welcomeSurveyPolicy.results) },
      schema: {
        tags: ["welcome-survey"],
        summary: "Aggregated answers of the network's alumni (operator)",
        params: slugParams,
        response: { 200: summaryOut },
      },
    },
    async (req) => {
      return surveySummary(networkScope(req));
    },
  );
}

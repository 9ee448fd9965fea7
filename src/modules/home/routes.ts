// The network's home page: one call for everything the page shows.
import { access, memberScopeOf } from "../../server/access.ts";
import type { FastifyZod } from "../../server/http.ts";
import { homePolicy } from "./policy.ts";
import { homeOut, slugParams } from "./schemas.ts";
import { networkHome } from "./service.ts";

export default async function homeRoutes(app: FastifyZod) {
  app.get(
    "/n/:slug/home",
    {
      config: { access: access.member(homePolicy.view) },
      schema: {
        tags: ["home"],
        summary:
          "What is new for me: unread announcements, my groups' activity, replies and mentions, newcomers of my cohort (同期) and departments; the desk's counts for operators",
        params: slugParams,
        response: { 200: homeOut },
      },
    },
    async (req) => networkHome(memberScopeOf(req)),
  );
}

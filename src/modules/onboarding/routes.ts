// The operators' first-steps checklist on the network's home page.
import { access, networkScope } from "../../server/access.ts";
import type { FastifyZod } from "../../server/http.ts";
import { onboardingPolicy } from "./policy.ts";
import { onboardingOut, slugParams } from "./schemas.ts";
import { onboarding } from "./service.ts";

export default async function onboardingRoutes(app: FastifyZod) {
  app.get(
    "/n/:slug/onboarding",
    {
      config: { access: access.member(onboardingPolicy.view) },
      schema: {
        tags: ["onboarding"],
        summary:
          "The operators' first steps (privacy notice, roster, first invitations, branding), each done or not",
        params: slugParams,
        response: { 200: onboardingOut },
      },
    },
    async (req) => onboarding(networkScope(req)),
  );
}

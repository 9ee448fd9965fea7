import { z } from "zod";
import { slugParam } from "../../shared/text-schema.ts";

export const slugParams = z.object({ slug: slugParam });

/** The operators' first steps, in the order to take them (each done or not, from the data itself). */
export const ONBOARDING_STEPS = ["privacy", "roster", "invite", "brand", "welcome"] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

export const onboardingOut = z.object({
  steps: z.array(
    z.object({
      key: z.enum(ONBOARDING_STEPS),
      done: z.boolean(),
      /** What there is so far: the notice's version, roster rows, invitations sent, announcements posted. */
      count: z.number().nullable(),
    }),
  ),
  done: z.number(),
  total: z.number(),
});

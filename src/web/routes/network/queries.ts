// Query keys and calls of the network home page.
import { client, unwrap } from "../../api/client.ts";

export const onboardingKeys = {
  all: (slug: string) => ["onboarding", slug] as const,
};

export const getOnboarding = (slug: string) =>
  unwrap(client.GET("/api/n/{slug}/onboarding", { params: { path: { slug } } }));

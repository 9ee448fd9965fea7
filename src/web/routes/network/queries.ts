// Query keys and calls of the network home page.
import { client, type ResponseOf, unwrap } from "../../api/client.ts";

export const onboardingKeys = {
  all: (slug: string) => ["onboarding", slug] as const,
};

export const getOnboarding = (slug: string) =>
  unwrap(client.GET("/api/n/{slug}/onboarding", { params: { path: { slug } } }));

export type Home = ResponseOf<"/api/n/{slug}/home">;

export const homeKeys = {
  all: (slug: string) => ["home", slug] as const,
};

export const getHome = (slug: string) =>
  unwrap(client.GET("/api/n/{slug}/home", { params: { path: { slug } } }));

// Query keys and calls of a member's consent settings.
import { type BodyOf, client, unwrap } from "../../api/client.ts";

export const consentKeys = { detail: (slug: string) => ["consent", slug] as const };

export const getConsent = (slug: string) =>
  unwrap(client.GET("/api/n/{slug}/consent", { params: { path: { slug } } }));

export const putConsent = (slug: string, body: BodyOf<"/api/n/{slug}/consent", "put">) =>
  unwrap(client.PUT("/api/n/{slug}/consent", { params: { path: { slug } }, body }));

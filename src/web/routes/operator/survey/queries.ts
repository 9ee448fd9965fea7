// Query keys and calls of the welcome survey results (operators).
import { client, unwrap } from "../../../api/client.ts";

export const surveySummaryKeys = { detail: (slug: string) => ["welcome-survey-summary", slug] as const };

export const surveySummary = (slug: string) =>
  unwrap(client.GET("/api/n/{slug}/welcome-survey/summary", { params: { path: { slug } } }));

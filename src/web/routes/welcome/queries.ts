// Query keys and calls of the welcome survey (asked once, after joining).
import { type BodyOf, client, unwrap } from "../../api/client.ts";

export const welcomeSurveyKeys = { detail: (slug: string) => ["welcome-survey", slug] as const };

export const getWelcomeSurvey = (slug: string) =>
  unwrap(client.GET("/api/n/{slug}/welcome-survey", { params: { path: { slug } } }));

export const answerWelcomeSurvey = (slug: string, body: BodyOf<"/api/n/{slug}/welcome-survey">) =>
  unwrap(client.POST("/api/n/{slug}/welcome-survey", { params: { path: { slug } }, body }));

// Query keys and calls of the privacy notice page (operators).
import { type BodyOf, client, unwrap } from "../../../api/client.ts";

export const privacyNoticeKeys = { all: (slug: string) => ["privacy-notices", slug] as const };

export const listPrivacyNotices = (slug: string) =>
  unwrap(client.GET("/api/n/{slug}/privacy-notices", { params: { path: { slug } } }));

export const publishPrivacyNotice = (slug: string, body: BodyOf<"/api/n/{slug}/privacy-notices">) =>
  unwrap(client.POST("/api/n/{slug}/privacy-notices", { params: { path: { slug } }, body }));

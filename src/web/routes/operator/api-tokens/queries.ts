// Query keys and calls of the API tokens page (operators).
import { client, unwrap } from "../../../api/client.ts";

export const apiTokenKeys = { all: (slug: string) => ["api-tokens", slug] as const };

export const listApiTokens = (slug: string) =>
  unwrap(client.GET("/api/n/{slug}/api-tokens", { params: { path: { slug } } }));

export const createApiToken = (slug: string, name: string) =>
  unwrap(client.POST("/api/n/{slug}/api-tokens", { params: { path: { slug } }, body: { name } }));

export const revokeApiToken = (slug: string, id: string) =>
  unwrap(client.DELETE("/api/n/{slug}/api-tokens/{id}", { params: { path: { slug, id } } }));

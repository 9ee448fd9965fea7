// Query keys and calls of the profile pages.
import { type BodyOf, client, unwrap } from "../../api/client.ts";
import { upload } from "../../api/upload.ts";

export const profileKeys = {
  all: (slug: string) => ["profile", slug] as const,
  /** Someone's profile as the viewer may see it. */
  detail: (slug: string, userId: string) => [...profileKeys.all(slug), userId] as const,
  /** My own profile, every field (the editor). */
  mine: (slug: string) => [...profileKeys.all(slug), "me"] as const,
};

export const getProfile = (slug: string, userId: string) =>
  unwrap(client.GET("/api/n/{slug}/profiles/{userId}", { params: { path: { slug, userId } } }));

export const getMyProfile = (slug: string) =>
  unwrap(client.GET("/api/n/{slug}/profiles/me", { params: { path: { slug } } }));

export const saveMyProfile = (slug: string, body: BodyOf<"/api/n/{slug}/profiles/me", "put">) =>
  unwrap(client.PUT("/api/n/{slug}/profiles/me", { params: { path: { slug } }, body }));

export const uploadMyPhoto = (slug: string, form: FormData, onProgress: (fraction: number) => void) =>
  upload("/api/n/{slug}/profiles/me/photo", { path: { slug } }, form, onProgress);

export const removeMyPhoto = (slug: string) =>
  unwrap(client.DELETE("/api/n/{slug}/profiles/me/photo", { params: { path: { slug } } }));

// Query keys and calls of the branding page (the logo and accent colour of the network).
import { client, unwrap } from "../../../api/client.ts";
import { upload } from "../../../api/upload.ts";

export const brandingKeys = {
  all: (slug: string) => ["branding", slug] as const,
};

export const getBranding = (slug: string) =>
  unwrap(client.GET("/api/n/{slug}/branding", { params: { path: { slug } } }));

export const saveAccent = (slug: string, accentColor: string | null) =>
  unwrap(client.PUT("/api/n/{slug}/branding", { params: { path: { slug } }, body: { accentColor } }));

export const uploadLogo = (slug: string, form: FormData, onProgress: (fraction: number) => void) =>
  upload("/api/n/{slug}/branding/logo", { path: { slug } }, form, onProgress);

export const removeLogo = (slug: string) =>
  unwrap(client.DELETE("/api/n/{slug}/branding/logo", { params: { path: { slug } } }));

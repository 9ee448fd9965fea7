import { z } from "zod";
import { idParam, safeString, secretString, slugParam, text } from "../../shared/text-schema.ts";

export const slugSchema = safeString()
  .min(3)
  .max(40)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "lowercase letters, digits and hyphens");

export const privacyNoticeInput = z.object({
  body: text({ min: 20, max: 20_000, multiline: true }),
  purposes: z
    .array(text({ min: 1, max: 200 }))
    .min(1)
    .max(20),
});

export const createNetworkInput = z.object({
  name: text({ min: 1, max: 100 }),
  slug: slugSchema,
  privacyNotice: privacyNoticeInput,
  /** Email of the first operator (must already have an account), defaults to the caller. */
  operatorEmail: safeString().email().optional(),
});

export const setupInput = z.object({
  admin: z.object({
    name: text({ min: 1, max: 100 }),
    email: safeString().trim().toLowerCase().email(),
    password: secretString().min(8).max(128),
  }),
  network: createNetworkInput.omit({ operatorEmail: true }),
});

export const slugParams = z.object({ slug: slugParam });
export const networkIdParams = z.object({ id: idParam });

export const networkOut = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  status: z.string(),
  createdAt: z.string(),
});

/** The network's logo and accent colour (null: none chosen, the product's own look). */
export const brandOut = z.object({
  logoUrl: z.string().nullable(),
  accentColor: z.string().nullable(),
});
export type Brand = z.infer<typeof brandOut>;

export const brandingInput = z.object({
  accentColor: safeString()
    .trim()
    .toLowerCase()
    .regex(/^#[0-9a-f]{6}$/, "A colour as #rrggbb")
    .nullable(),
});

export const myNetworkOut = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  role: z.enum(["operator", "employee", "alumni"]),
  brand: brandOut,
});
export type MyNetwork = z.infer<typeof myNetworkOut>;

export const adminNetworkOut = networkOut.extend({ memberCount: z.number(), operatorCount: z.number() });
export type AdminNetwork = z.infer<typeof adminNetworkOut>;

export const noticeOut = z.object({
  version: z.number(),
  body: z.string(),
  purposes: z.array(z.string()),
  createdAt: z.string(),
});
export type Notice = z.infer<typeof noticeOut>;

export const publicNetworkOut = z.object({
  name: z.string(),
  slug: z.string(),
  brand: brandOut,
  privacyNotice: noticeOut.nullable(),
});
export type PublicNetwork = z.infer<typeof publicNetworkOut>;

import { z } from "zod";
import type { CONSENT_KEYS } from "../../shared/profile.ts";
import { idParam, safeString, slugParam, text, tokenParam } from "../../shared/text-schema.ts";

export const slugParams = z.object({ slug: slugParam });
export const idParams = z.object({ slug: slugParam, id: idParam });
export const tokenParams = z.object({ token: tokenParam });

export const INVITATION_STATUSES = ["pending", "accepted", "expired", "revoked"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

const email = safeString().trim().toLowerCase().max(254).email();

export const createInvitationsInput = z
  .object({
    rosterEntryIds: z.array(idParam).max(1000).optional(),
    invitees: z
      .array(
        z.object({
          email,
          name: text({ min: 1, max: 100 }).optional(),
          employeeNumber: text({ min: 1, max: 50 }).optional(),
        }),
      )
      .max(1000)
      .optional(),
    role: z.enum(["alumni", "employee"]).default("alumni"),
    locale: z.enum(["ja", "en"]).default("ja"),
    expiresInDays: z.number().int().min(1).max(60).default(14),
    /** The operators' own words in the mail, above the link (e.g. who to ask, why join). */
    message: text({ max: 1000, multiline: true })
      .optional()
      .transform((v) => v || null),
  })
  .refine((v) => (v.rosterEntryIds?.length ?? 0) + (v.invitees?.length ?? 0) > 0, {
    message: "rosterEntryIds or invitees must name at least one person",
    path: ["invitees"],
  })
  .refine((v) => (v.rosterEntryIds?.length ?? 0) + (v.invitees?.length ?? 0) <= 1000, {
    message: "at most 1000 people per request",
    path: ["invitees"],
  });
export type CreateInvitationsInput = Omit<z.infer<typeof createInvitationsInput>, "message"> & {
  message?: string | null;
};

const messages = z.object({ ja: z.string(), en: z.string() });

export const createInvitationsOut = z.object({
  created: z.array(z.object({ id: z.string(), email: z.string(), expiresAt: z.string() })),
  skipped: z.array(z.object({ ref: z.string(), code: z.string(), messages })),
});
export type InviteResult = z.infer<typeof createInvitationsOut>;

export const previewInvitationInput = z.object({
  locale: z.enum(["ja", "en"]).default("ja"),
  expiresInDays: z.number().int().min(1).max(60).default(14),
  message: text({ max: 1000, multiline: true })
    .optional()
    .transform((v) => v || null),
  /** Whose name the greeting shows (the first invitee's, say); none: no greeting line. */
  name: text({ min: 1, max: 100 }).optional(),
});
export type PreviewInvitationInput = z.infer<typeof previewInvitationInput>;

export const mailPreviewOut = z.object({
  from: z.string(),
  subject: z.string(),
  text: z.string(),
  /** The reminder sent to invitees who have not accepted, with the settings' delay (null: none). */
  reminder: z.object({ afterDays: z.number(), subject: z.string() }).nullable(),
});

export const invitationSettings = z.object({
  /** Days after an invitation its reminder goes to an invitee who has not accepted; null: never. */
  reminderDays: z.number().int().min(1).max(30).nullable(),
});
export type InvitationSettings = z.infer<typeof invitationSettings>;

export const invitationListQuery = z.object({
  status: z.enum(INVITATION_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const invitationOut = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.string(),
  status: z.enum(INVITATION_STATUSES),
  rosterEntryId: z.string().nullable(),
  expiresAt: z.string(),
  createdAt: z.string(),
  createdVia: z.string(),
  acceptedAt: z.string().nullable(),
  message: z.string().nullable(),
  remindedAt: z.string().nullable(),
});
export type Invitation = z.infer<typeof invitationOut>;

export const publicInvitationOut = z.object({
  networkName: z.string(),
  networkSlug: z.string(),
  name: z.string().nullable(),
  email: z.string(),
  role: z.string(),
  expiresAt: z.string(),
  privacyNotice: z
    .object({ version: z.number(), body: z.string(), purposes: z.array(z.string()), createdAt: z.string() })
    .nullable(),
});
export type PublicInvitation = z.infer<typeof publicInvitationOut>;

export const acceptInput = z.object({
  consent: z.object({
    /** Must be the network's latest privacy notice version (else 409 NOTICE_OUTDATED). */
    noticeVersion: z.number().int().min(1),
    directory: z.boolean(),
    rehire: z.boolean(),
    freelance: z.boolean(),
    events: z.boolean(),
    surveys: z.boolean(),
  } satisfies Record<(typeof CONSENT_KEYS)[number] | "noticeVersion", z.ZodType>),
});

export const createApiTokenInput = z.object({ name: text({ min: 1, max: 100 }) });

export const apiTokenOut = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenOut>;

export const ok = z.object({ ok: z.literal(true) });

import { z } from "zod";
import { cleanName, cleanText } from "../../shared/text.ts";
import { idParam, safeString, text as safeText, slugParam } from "../../shared/text-schema.ts";
import { consentWithNotice } from "../consent/index.ts";
import { todayInJapan } from "../roster/index.ts";
import { REASONS, REGISTRATION_POLICIES } from "./matching.ts";

export const slugParams = z.object({ slug: slugParam });
export const idParams = slugParams.extend({ id: idParam });

export const REGISTRATION_STATUSES = ["pending", "approved", "rejected"] as const;

/** This month in Japan (`YYYY-MM`). */
export const currentYm = (now = new Date()) => todayInJapan(now).slice(0, 7);

/** Text normalised (NFKC, spaces collapsed, trimmed); `""` → null. Limits as in profiles. */
const text = (max: number) =>
  safeString()
    .transform(cleanText)
    .pipe(z.string().max(max))
    .transform((s) => s || null);
const ym = safeString()
  .trim()
  .regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, "YYYY-MM");

export const registrationInput = z
  .object({
    /** Name while employed (as on the roster). */
    name: safeString().transform(cleanName).pipe(z.string().min(1).max(50)),
    nameKana: safeString()
      .transform(cleanName)
      .pipe(z.string().max(50))
      .transform((s) => s || null)
      .optional(),
    joinYm: ym,
    leaveYm: ym,
    department: text(100).optional(),
    employeeNumber: text(50).optional(),
    consent: consentWithNotice,
  })
  .superRefine((v, c) => {
    const now = currentYm();
    for (const k of ["joinYm", "leaveYm"] as const) {
      if (v[k] > now) c.addIssue({ code: "custom", path: [k], message: "Must not be in the future" });
    }
    if (v.joinYm > v.leaveYm)
      c.addIssue({ code: "custom", path: ["leaveYm"], message: "Must not be before joinYm" });
  });
export type RegistrationInput = z.output<typeof registrationInput>;

export const registrationOut = z.object({ status: z.enum(["approved", "pending"]) });

export const myRegistrationOut = z.object({
  status: z.enum(["none", "pending", "approved", "not_approved"]),
});
export type MyRegistration = z.infer<typeof myRegistrationOut>;

export const queueQuery = z.object({
  status: z.enum(REGISTRATION_STATUSES).default("pending"),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const approveInput = z.object({ rosterEntryId: idParam.optional() }).nullish();
export const rejectInput = z.object({ note: safeText({ max: 1000, multiline: true }).optional() }).nullish();

export const candidateOut = z.object({
  rosterEntryId: z.string(),
  employeeNumber: z.string(),
  name: z.string(),
  nameKana: z.string().nullable(),
  joinDate: z.string(),
  leaveDate: z.string(),
  department: z.string().nullable(),
  /** Already linked to a member (then it cannot be linked to this registrant). */
  linked: z.boolean(),
  reasons: z.array(z.enum(REASONS)),
});
export type Candidate = z.infer<typeof candidateOut>;

export const registrationItemOut = z.object({
  id: z.string(),
  name: z.string(),
  nameKana: z.string().nullable(),
  email: z.string(),
  joinYm: z.string(),
  leaveYm: z.string(),
  department: z.string().nullable(),
  employeeNumber: z.string().nullable(),
  status: z.enum(REGISTRATION_STATUSES),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  /** The deciding operator's name (null when approved automatically by roster match). */
  decidedBy: z.string().nullable(),
  /** Approved automatically (roster match). */
  automatic: z.boolean(),
  /** Internal note of a rejection (operators only; never shown to the registrant). */
  note: z.string().nullable(),
  rosterEntryId: z.string().nullable(),
  candidates: z.array(candidateOut),
});
export type RegistrationItem = z.infer<typeof registrationItemOut>;

export const ok = z.object({ ok: z.literal(true) });

export const decisionOut = z.object({
  ok: z.literal(true),
  undoUntil: z
    .string()
    .nullable()
    .describe(
      "Until when POST …/undo can take the decision back (its mail waits until then); null when the mail went at once",
    ),
});

/**
 * When a registration is approved without an operator: `strict` — employee number + name, or the
 * registrant's verified email is the roster's; `lenient` — also name + join and leave months.
 */
export const registrationSettingsSchema = z.object({ policy: z.enum(REGISTRATION_POLICIES) });

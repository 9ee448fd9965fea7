import { z } from "zod";
import type { ConsentKey } from "../../shared/profile.ts";
import { slugParam } from "../../shared/text-schema.ts";

export const slugParams = z.object({ slug: slugParam });

/** The five separate opt-ins (every one required: a form always shows all of them). */
export const consentChoices = z.object({
  directory: z.boolean(),
  rehire: z.boolean(),
  freelance: z.boolean(),
  events: z.boolean(),
  surveys: z.boolean(),
} satisfies Record<ConsentKey, z.ZodType>);

/** Consent given with a form: must name the network's latest privacy notice version. */
export const consentWithNotice = consentChoices.extend({ noticeVersion: z.number().int().min(1) });

export const consentPutInput = consentChoices.extend({
  /** Accept this (the latest) privacy notice version; else 409 NOTICE_OUTDATED. */
  acceptNoticeVersion: z.number().int().min(1).optional(),
});
export type ConsentPutInput = z.infer<typeof consentPutInput>;

export const consentOut = z.object({
  /** The privacy notice version the member accepted (null: never recorded). */
  noticeVersion: z.number().nullable(),
  latestNoticeVersion: z.number().nullable(),
  acceptedAt: z.string().nullable(),
  choices: consentChoices,
  updatedAt: z.string().nullable(),
});
export type ConsentOut = z.infer<typeof consentOut>;

export const noticeListOut = z.object({
  items: z.array(
    z.object({ version: z.number(), body: z.string(), purposes: z.array(z.string()), createdAt: z.string() }),
  ),
});

import { z } from "zod";
import { INDUSTRIES, INTERESTS, JOB_TYPES } from "../../shared/profile.ts";
import { safeString, slugParam } from "../../shared/text-schema.ts";
import { todayInJapan } from "../roster/index.ts";

export const slugParams = z.object({ slug: slugParam });

export const SURVEY_LIMITS = { minYear: 1950, interestOther: 200, comment: 2000 };

export const currentYear = () => Number(todayInJapan().slice(0, 4));

/** Trimmed, kept as written (line breaks kept); `""` → null. */
const freeText = (max: number, multiline = false) =>
  safeString({ multiline })
    .transform((s) => s.trim())
    .pipe(z.string().max(max))
    .transform((s) => s || null);

export const surveyInput = z
  .object({
    joinedYear: z.number().int().min(SURVEY_LIMITS.minYear).nullable().optional(),
    industry: z.enum(INDUSTRIES).nullable().optional(),
    jobType: z.enum(JOB_TYPES).nullable().optional(),
    interests: z
      .array(z.enum(INTERESTS))
      .max(INTERESTS.length * 2)
      .transform((xs) => INTERESTS.filter((i) => xs.includes(i))),
    interestOther: freeText(SURVEY_LIMITS.interestOther).nullable().optional(),
    /** Free comment: the form tells people not to write sensitive personal information. */
    comment: freeText(SURVEY_LIMITS.comment, true).nullable().optional(),
  })
  .superRefine((v, c) => {
    if (v.joinedYear != null && v.joinedYear > currentYear()) {
      c.addIssue({ code: "custom", path: ["joinedYear"], message: "Must not be in the future" });
    }
  });
export type SurveyInput = z.output<typeof surveyInput>;

export const surveyResponseOut = z.object({
  joinedYear: z.number().nullable(),
  industry: z.string().nullable(),
  jobType: z.string().nullable(),
  interests: z.array(z.string()),
  interestOther: z.string().nullable(),
  comment: z.string().nullable(),
  submittedAt: z.string(),
});

export const surveyOut = z.object({
  needed: z.boolean(),
  prefill: z.object({
    joinedYear: z.number().nullable(),
    industry: z.string().nullable(),
    jobType: z.string().nullable(),
  }),
  response: surveyResponseOut.nullable(),
});
export type SurveyOut = z.infer<typeof surveyOut>;

const counts = z.array(z.object({ value: z.string(), count: z.number() }));
const texts = z.array(z.object({ text: z.string(), submittedAt: z.string() }));

export const summaryOut = z.object({
  /** Responses of the network's active alumni. */
  responses: z.number(),
  /** Active alumni (those who are asked). */
  members: z.number(),
  byIndustry: counts,
  byJobType: counts,
  byInterest: counts,
  /** `value` is the decade's first year ("1990" = 1990–1999). */
  byJoinDecade: counts,
  /** Free comments, newest first (at most 200, without names). */
  comments: texts,
  /** What "other" interests people wrote, newest first (at most 200). */
  interestOthers: texts,
});
export type SurveySummary = z.infer<typeof summaryOut>;

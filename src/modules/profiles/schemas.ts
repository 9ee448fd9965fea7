// Profile input (PUT replaces the whole editable profile) and output shapes.
import { z } from "zod";
import {
  ALWAYS_VISIBLE,
  INDUSTRIES,
  JOB_TYPES,
  OPEN_TO,
  PROFILE_FIELDS,
  type ProfileField,
  VISIBILITIES,
  type Visibility,
} from "../../shared/profile.ts";
import { cleanName, cleanText } from "../../shared/text.ts";
import { idParam, safeString, slugParam } from "../../shared/text-schema.ts";

export const slugParams = z.object({ slug: slugParam });
export const userParams = z.object({ slug: slugParam, userId: idParam });

export const LIMITS = {
  displayName: 50,
  name: 50,
  department: 100,
  departments: 20,
  company: 100,
  skill: 50,
  skills: 30,
  location: 100,
  bio: 2000,
  links: 5,
  linkLabel: 50,
  url: 500,
  contact: 100,
} as const;

const YM = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Free text on one line: NFKC, white space collapsed; "" becomes null. */
const lineText = (max: number) =>
  safeString()
    .max(max * 4)
    .describe(`At most ${max} characters after NFKC and collapsing white space; "" means none`)
    .nullish()
    .transform((v) => (v == null ? null : cleanText(v) || null))
    .pipe(z.string().max(max).nullable());

/** A name on one line, as written (white space collapsed); "" becomes null. */
const nameText = (max: number) =>
  safeString()
    .max(max * 4)
    .describe(`At most ${max} characters after collapsing white space; kept as written; "" means none`)
    .nullish()
    .transform((v) => (v == null ? null : cleanName(v) || null))
    .pipe(z.string().max(max).nullable());

/** A list of short labels: each cleaned, empties dropped, duplicates (ignoring case) removed. */
const labelList = (maxItems: number, maxLen: number) =>
  z
    .array(safeString().max(maxLen * 4))
    .max(maxItems * 4)
    .describe(
      `At most ${maxItems} items of at most ${maxLen} characters, counted after trimming and removing empty items and duplicates (ignoring case and width)`,
    )
    .default([])
    .transform((list) => {
      const seen = new Set<string>();
      const out: string[] = [];
      for (const raw of list) {
        const s = cleanText(raw);
        const key = s.normalize("NFKC").toLowerCase();
        if (!s || seen.has(key)) continue;
        seen.add(key);
        out.push(s);
      }
      return out;
    })
    .pipe(z.array(z.string().max(maxLen)).max(maxItems));

const ym = z
  .string()
  .regex(YM, "YYYY-MM")
  .nullish()
  .transform((v) => v ?? null);

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === "http:" || u.protocol === "https:") && !!u.hostname;
  } catch {
    return false;
  }
}

const link = z
  .object({
    label: safeString()
      .max(LIMITS.linkLabel * 4)
      .describe(`At most ${LIMITS.linkLabel} characters; empty means the URL's host`)
      .nullish(),
    url: safeString().trim().max(LIMITS.url).refine(isHttpUrl, "Only http:// and https:// URLs are allowed"),
  })
  .transform((l) => ({ label: cleanText(l.label ?? "") || new URL(l.url).host, url: l.url }))
  .pipe(z.object({ label: z.string().max(LIMITS.linkLabel), url: z.string() }));

const visibility = z.enum(VISIBILITIES);

/** Visibility per field; missing fields get their default. The name and its reading are always "members". */
export const visibilityInput = z.strictObject(
  Object.fromEntries(
    PROFILE_FIELDS.map((f) => [
      f,
      ALWAYS_VISIBLE.includes(f) ? z.literal("members").optional() : visibility.optional(),
    ]),
  ) as unknown as Record<ProfileField, z.ZodOptional<z.ZodType<Visibility>>>,
);

function currentYm(): string {
  // Japan time: a month starts at midnight JST.
  return new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 7);
}

export const profileInput = z
  .object({
    displayName: safeString()
      .max(LIMITS.displayName * 4)
      .transform(cleanName)
      .pipe(z.string().min(1).max(LIMITS.displayName)),
    displayNameKana: nameText(LIMITS.name),
    nameWhileEmployed: nameText(LIMITS.name),
    nameKana: nameText(LIMITS.name),
    joinYm: ym,
    leaveYm: ym,
    departments: labelList(LIMITS.departments, LIMITS.department),
    currentCompany: lineText(LIMITS.company),
    industry: z
      .enum(INDUSTRIES)
      .nullish()
      .transform((v) => v ?? null),
    jobType: z
      .enum(JOB_TYPES)
      .nullish()
      .transform((v) => v ?? null),
    skills: labelList(LIMITS.skills, LIMITS.skill),
    location: lineText(LIMITS.location),
    bio: safeString({ multiline: true })
      .max(LIMITS.bio * 2)
      .describe(`At most ${LIMITS.bio} characters after trimming`)
      .nullish()
      .transform((v) => (v == null ? null : v.replace(/\r\n?/g, "\n").trim() || null))
      .pipe(z.string().max(LIMITS.bio).nullable()),
    links: z.array(link).max(LIMITS.links).default([]),
    openTo: z
      .array(z.enum(OPEN_TO))
      .max(OPEN_TO.length * 2)
      .default([])
      .transform((l) => OPEN_TO.filter((o) => l.includes(o))),
    contactChannel: lineText(LIMITS.contact),
    contactHours: lineText(LIMITS.contact),
    visibility: visibilityInput.default({}),
  })
  .superRefine((p, c) => {
    const now = currentYm();
    for (const k of ["joinYm", "leaveYm"] as const) {
      const v = p[k];
      if (v && (v < "1900-01" || v > now)) {
        c.addIssue({ code: "custom", path: [k], message: "Must be between 1900-01 and the current month" });
      }
    }
    if (p.joinYm && p.leaveYm && p.joinYm > p.leaveYm) {
      c.addIssue({ code: "custom", path: ["leaveYm"], message: "Must not be before joinYm" });
    }
  });

export type ProfileInput = z.output<typeof profileInput>;

const profileFieldsOut = {
  displayName: z.string(),
  /** The reading (フリガナ) of displayName. */
  displayNameKana: z.string().nullable(),
  nameWhileEmployed: z.string().nullable(),
  nameKana: z.string().nullable(),
  /** URL of the photo (null when none). */
  photoUrl: z.string().nullable(),
  joinYm: z.string().nullable(),
  leaveYm: z.string().nullable(),
  departments: z.array(z.string()),
  currentCompany: z.string().nullable(),
  industry: z.string().nullable(),
  jobType: z.string().nullable(),
  skills: z.array(z.string()),
  location: z.string().nullable(),
  bio: z.string().nullable(),
  links: z.array(z.object({ label: z.string(), url: z.string() })),
  openTo: z.array(z.string()),
  contactChannel: z.string().nullable(),
  contactHours: z.string().nullable(),
};

const visibilityOut = z.object(
  Object.fromEntries(PROFILE_FIELDS.map((f) => [f, visibility])) as Record<ProfileField, typeof visibility>,
);

/** The owner's own profile: every field, with its visibility. */
export const ownProfileOut = z.object({
  userId: z.string(),
  ...profileFieldsOut,
  visibility: visibilityOut,
  updatedAt: z.string().nullable(),
});

/** Another member's profile as this viewer may see it: hidden fields are absent. */
export const profileViewOut = z.object({
  userId: z.string(),
  displayName: z.string(),
  ...Object.fromEntries(
    Object.entries(profileFieldsOut)
      .filter(([k]) => k !== "displayName")
      .map(([k, v]) => [k, v.optional()]),
  ),
  visibility: visibilityOut.optional(),
  updatedAt: z.string().nullable().optional(),
  /** An alumni supporter (アルムナイサポーター): shown with a badge. */
  supporter: z.boolean().optional(),
});

export type OwnProfile = z.infer<typeof ownProfileOut>;
export type ProfileView = { userId: string; displayName: string; supporter?: boolean } & Partial<OwnProfile>;

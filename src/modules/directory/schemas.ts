// Directory search input (also the stored filter of a segment) and output shapes.
import { z } from "zod";
import { INDUSTRIES, JOB_TYPES, NETWORK_ROLES, OPEN_TO } from "../../shared/profile.ts";
import { cursorParam, safeString, slugParam } from "../../shared/text-schema.ts";
import { TERM_FIELDS } from "./entry.ts";

/** A query-string list: `?skill=a&skill=b` or one value; JSON arrays (segments) pass through. */
const list = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(item).max(max)).optional();

const year = z.coerce.number().int().min(1900).max(2100);
const label = safeString().trim().min(1).max(100);

export const slugParams = z.object({ slug: slugParam });

/** What to find: free text and filters (all optional, combined with AND). */
export const directoryFilter = z
  .object({
    q: safeString()
      .max(200)
      .optional()
      .describe("Free text, Japanese or English (first 100 characters used)"),
    joinFrom: year.optional().describe("Joined the company in or after this year"),
    joinTo: year.optional().describe("Joined the company in or before this year"),
    department: list(label, 10).describe("Any of these departments (at the company)"),
    industry: list(z.enum(INDUSTRIES), 16).describe("Any of these current industries"),
    jobType: list(z.enum(JOB_TYPES), 14).describe("Any of these job types"),
    skill: list(label, 10).describe("All of these skills"),
    location: label.optional().describe("Location starting with this (e.g. 東京 matches 東京都渋谷区)"),
    openTo: list(z.enum(OPEN_TO), 4).describe("Open to all of these"),
  })
  .refine((f) => f.joinFrom === undefined || f.joinTo === undefined || f.joinFrom <= f.joinTo, {
    message: "joinFrom must not be after joinTo",
    path: ["joinTo"],
  });
export type DirectoryFilter = z.infer<typeof directoryFilter>;

export const DIRECTORY_SORTS = ["relevance", "name", "recent"] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];

export const directoryQuery = z.intersection(
  directoryFilter,
  z.object({
    sort: z
      .enum(DIRECTORY_SORTS)
      .optional()
      .describe("relevance (default with q), name (default without q: by reading), recent (newest members)"),
    cursor: cursorParam.optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  }),
);
export type DirectoryQuery = z.infer<typeof directoryQuery>;

/** A directory card: only the fields the viewer may see are present. */
export const directoryCard = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: z.enum(NETWORK_ROLES),
  /** An alumni supporter (アルムナイサポーター): shown with a badge. */
  supporter: z.boolean().optional(),
  /** The reading (フリガナ) of displayName, when known. */
  displayNameKana: z.string().nullable().optional(),
  /** The name while employed (旧姓・在籍時の氏名) and its reading, only when it differs from displayName. */
  nameWhileEmployed: z.string().nullable().optional(),
  nameKana: z.string().nullable().optional(),
  photoUrl: z.string().nullable().optional(),
  joinYm: z.string().nullable().optional(),
  leaveYm: z.string().nullable().optional(),
  departments: z.array(z.string()).optional(),
  currentCompany: z.string().nullable().optional(),
  industry: z.string().nullable().optional(),
  jobType: z.string().nullable().optional(),
  skills: z.array(z.string()).optional(),
  location: z.string().nullable().optional(),
  openTo: z.array(z.string()).optional(),
  bio: z.string().nullable().optional().describe("The first 120 characters"),
});
export type DirectoryCard = z.infer<typeof directoryCard>;

export const directoryPage = z.object({
  items: z.array(directoryCard),
  total: z
    .number()
    .nullable()
    .describe("Members matching, on the first page (null on later pages); at most 500, see totalCapped"),
  totalCapped: z.boolean().describe("true: more than `total` (500) members match — refine the search"),
  nextCursor: z.string().nullable(),
});

export const directoryCountOut = z.object({ total: z.number() });

export const suggestQuery = z.object({
  field: z.enum(TERM_FIELDS),
  q: safeString().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(20).default(10),
});
export const suggestOut = z.object({
  items: z.array(z.object({ label: z.string(), key: z.string(), count: z.number() })),
});

// Segments: a named, saved directory filter (operators).
import { z } from "zod";
import { csvEncodingParam } from "../../shared/csv-export.ts";
import { cursorParam, idParam, slugParam, text } from "../../shared/text-schema.ts";
import { directoryFilter } from "../directory/index.ts";

export const slugParams = z.object({ slug: slugParam });

export const segmentInput = z.object({
  name: text({ min: 1, max: 100 }).describe("Unique in the network, e.g. 2010年代入社で人事職"),
  description: text({ max: 500, multiline: true })
    .nullish()
    .transform((v) => v || null),
  filter: directoryFilter.describe("The directory filter (free text and filters) that defines the members"),
});
export type SegmentInput = z.output<typeof segmentInput>;

export const segmentOut = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  filter: z.record(z.string(), z.unknown()),
  count: z.number().describe("Active members matching now, as operators see them"),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SegmentOut = z.infer<typeof segmentOut>;

export const segmentListOut = z.object({ items: z.array(segmentOut) });

export const segmentParams = z.object({ slug: slugParam, id: idParam });

export const segmentMembersQuery = z.object({
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const segmentExportQuery = z.object({ encoding: csvEncodingParam });

// The segments API (operators) for the web: types, queries and the save call.
import { useQuery } from "@tanstack/react-query";
import { ApiError, api } from "../../api.ts";
import { cleanFilter, type Filter } from "../directory/filter.ts";

export type { SegmentOut as Segment } from "../../../modules/segments/schemas.ts";

import type { SegmentOut as Segment } from "../../../modules/segments/schemas.ts";

export const segmentsPath = (slug: string) => `/api/n/${encodeURIComponent(slug)}/segments`;
export const segmentPath = (slug: string, id: string) => `${segmentsPath(slug)}/${encodeURIComponent(id)}`;

export function useSegments(slug: string) {
  return useQuery({
    queryKey: ["segments", slug],
    queryFn: () => api<{ items: Segment[] }>(segmentsPath(slug)),
  });
}

export function useSegment(slug: string, id: string) {
  return useQuery({
    queryKey: ["segments", slug, id],
    queryFn: () => api<Segment>(segmentPath(slug, id)),
  });
}

export type SegmentDetails = { name: string; description: string };

/** Creates (no id) or replaces a segment. */
export function saveSegment(slug: string, id: string | null, details: SegmentDetails, filter: Filter) {
  const body = {
    name: details.name.trim(),
    description: details.description.trim() || null,
    filter: cleanFilter(filter),
  };
  return id
    ? api<Segment>(segmentPath(slug, id), { method: "PUT", body })
    : api<Segment>(segmentsPath(slug), { method: "POST", body });
}

export const deleteSegment = (slug: string, id: string) => api(segmentPath(slug, id), { method: "DELETE" });

/** 409 SEGMENT_NAME_TAKEN: shown on the name field. */
export const isNameTaken = (e: unknown): e is ApiError =>
  e instanceof ApiError && e.code === "SEGMENT_NAME_TAKEN";

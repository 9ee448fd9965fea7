// The segments API (operators) for the web: query keys, queries and the save call.
import { useQuery } from "@tanstack/react-query";
import { ApiError, client, type ResponseOf, unwrap } from "../../api/client.ts";
import { cleanFilter, type Filter } from "../directory/filter.ts";

export type Segment = ResponseOf<"/api/n/{slug}/segments/{id}">;

export const segmentKeys = {
  /** The list, and (as a prefix) every segment of the network. */
  all: (slug: string) => ["segments", slug] as const,
  detail: (slug: string, id: string) => [...segmentKeys.all(slug), id] as const,
  // Keyed by the segment's version: an edited filter lists its members anew.
  members: (slug: string, id: string, updatedAt: string) =>
    [...segmentKeys.detail(slug, id), "members", updatedAt] as const,
};

export function useSegments(slug: string) {
  return useQuery({
    queryKey: segmentKeys.all(slug),
    queryFn: () => unwrap(client.GET("/api/n/{slug}/segments", { params: { path: { slug } } })),
  });
}

export function useSegment(slug: string, id: string) {
  return useQuery({
    queryKey: segmentKeys.detail(slug, id),
    queryFn: () => unwrap(client.GET("/api/n/{slug}/segments/{id}", { params: { path: { slug, id } } })),
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
    ? unwrap(client.PUT("/api/n/{slug}/segments/{id}", { params: { path: { slug, id } }, body }))
    : unwrap(client.POST("/api/n/{slug}/segments", { params: { path: { slug } }, body }));
}

export const deleteSegment = (slug: string, id: string) =>
  unwrap(client.DELETE("/api/n/{slug}/segments/{id}", { params: { path: { slug, id } } }));

/** The members a segment's filter matches now, a keyset page at a time. */
export const segmentMembersPage = (slug: string, id: string, page: { limit: number; cursor?: string }) =>
  unwrap(client.GET("/api/n/{slug}/segments/{id}/members", { params: { path: { slug, id }, query: page } }));

/** 409 SEGMENT_NAME_TAKEN: shown on the name field. */
export const isNameTaken = (e: unknown): e is ApiError =>
  e instanceof ApiError && e.code === "SEGMENT_NAME_TAKEN";

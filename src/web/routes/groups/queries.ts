// The groups API for the web: query keys, the list, one group, its members and requests, writes.
import { useQuery } from "@tanstack/react-query";
import { type BodyOf, client, type ResponseOf, unwrap } from "../../api/client.ts";

export type GroupItem = ResponseOf<"/api/n/{slug}/groups/{id}">;
export type GroupKind = GroupItem["kind"];
export type GroupMember = ResponseOf<"/api/n/{slug}/groups/{id}/members">["items"][number];
export type GroupRequest = ResponseOf<"/api/n/{slug}/groups/{id}/requests">["items"][number];
export type Newcomer = ResponseOf<"/api/n/{slug}/newcomers">["items"][number];
export type GroupInput = BodyOf<"/api/n/{slug}/groups">;
export type GroupPatch = BodyOf<"/api/n/{slug}/groups/{id}", "patch">;
export const GROUP_KINDS: GroupKind[] = ["open", "closed", "secret"];

export const groupKeys = {
  all: (slug: string) => ["groups", slug] as const,
  list: (slug: string, archived: boolean, q = "") => [...groupKeys.all(slug), "list", archived, q] as const,
  group: (slug: string, id: string) => [...groupKeys.all(slug), "group", id] as const,
  members: (slug: string, id: string) => [...groupKeys.all(slug), "members", id] as const,
  requests: (slug: string, id: string) => [...groupKeys.all(slug), "requests", id] as const,
  watch: (slug: string, id: string) => [...groupKeys.all(slug), "watch", id] as const,
  newcomers: (slug: string) => ["newcomers", slug] as const,
};

/** The groups I may see; with `q`, those whose name or description contains it. */
export function useGroups(slug: string, archived = false, q = "") {
  return useQuery({
    queryKey: groupKeys.list(slug, archived, q),
    placeholderData: (previous) => previous,
    queryFn: () =>
      unwrap(
        client.GET("/api/n/{slug}/groups", {
          params: {
            path: { slug },
            query: { ...(archived ? { archived: "true" as const } : {}), ...(q ? { q } : {}) },
          },
        }),
      ),
  });
}

export function useGroup(slug: string, id: string) {
  return useQuery({
    queryKey: groupKeys.group(slug, id),
    queryFn: () => unwrap(client.GET("/api/n/{slug}/groups/{id}", { params: { path: { slug, id } } })),
    retry: false,
  });
}

export function useGroupMembers(slug: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: groupKeys.members(slug, id),
    enabled,
    queryFn: () =>
      unwrap(client.GET("/api/n/{slug}/groups/{id}/members", { params: { path: { slug, id } } })),
  });
}

export function useGroupRequests(slug: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: groupKeys.requests(slug, id),
    enabled,
    queryFn: () =>
      unwrap(client.GET("/api/n/{slug}/groups/{id}/requests", { params: { path: { slug, id } } })),
  });
}

export function useGroupWatch(slug: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: groupKeys.watch(slug, id),
    enabled,
    queryFn: () => unwrap(client.GET("/api/n/{slug}/groups/{id}/watch", { params: { path: { slug, id } } })),
  });
}

/** Members who joined lately: only supporters and operators get it (others: not found, hidden). */
export function useNewcomers(slug: string) {
  return useQuery({
    queryKey: groupKeys.newcomers(slug),
    retry: false,
    queryFn: () => unwrap(client.GET("/api/n/{slug}/newcomers", { params: { path: { slug } } })),
  });
}

export const createGroup = (slug: string, body: GroupInput) =>
  unwrap(client.POST("/api/n/{slug}/groups", { params: { path: { slug } }, body }));

export const editGroup = (slug: string, id: string, body: GroupPatch) =>
  unwrap(client.PATCH("/api/n/{slug}/groups/{id}", { params: { path: { slug, id } }, body }));

export const joinGroup = (slug: string, id: string) =>
  unwrap(client.PUT("/api/n/{slug}/groups/{id}/membership", { params: { path: { slug, id } } }));

export const leaveGroup = (slug: string, id: string) =>
  unwrap(client.DELETE("/api/n/{slug}/groups/{id}/membership", { params: { path: { slug, id } } }));

export const inviteMember = (slug: string, id: string, userId: string) =>
  unwrap(
    client.POST("/api/n/{slug}/groups/{id}/members", { params: { path: { slug, id } }, body: { userId } }),
  );

export const removeMember = (slug: string, id: string, userId: string) =>
  unwrap(
    client.DELETE("/api/n/{slug}/groups/{id}/members/{userId}", { params: { path: { slug, id, userId } } }),
  );

export const setAdmin = (slug: string, id: string, userId: string, admin: boolean) =>
  unwrap(
    client.PUT("/api/n/{slug}/groups/{id}/admins/{userId}", {
      params: { path: { slug, id, userId } },
      body: { admin },
    }),
  );

export const decideRequest = (slug: string, id: string, userId: string, approve: boolean) =>
  unwrap(
    client.PUT("/api/n/{slug}/groups/{id}/requests/{userId}", {
      params: { path: { slug, id, userId } },
      body: { approve },
    }),
  );

export const setWatch = (slug: string, id: string, level: "watch" | "normal" | "mute") =>
  unwrap(client.PUT("/api/n/{slug}/groups/{id}/watch", { params: { path: { slug, id } }, body: { level } }));

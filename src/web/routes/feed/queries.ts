// The feed API for the web: query keys, the paged feed, one post, and the writes.
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { type BodyOf, client, type ResponseOf, unwrap } from "../../api/client.ts";

export type FeedPage = ResponseOf<"/api/n/{slug}/posts">;
export type Post = FeedPage["items"][number];
export type PostDetail = ResponseOf<"/api/n/{slug}/posts/{id}">;
export type Comment = PostDetail["comments"][number];
export type PostKind = Post["kind"];
export type Reaction = Post["reactions"][number]["reaction"];
export type NewPost = BodyOf<"/api/n/{slug}/posts">;

export const POST_KINDS: PostKind[] = ["announcement", "question", "help_wanted", "news"];
export const REACTIONS: { key: Reaction; emoji: string }[] = [
  { key: "like", emoji: "👍" },
  { key: "thanks", emoji: "🙏" },
  { key: "celebrate", emoji: "🎉" },
  { key: "idea", emoji: "💡" },
  { key: "support", emoji: "💪" },
];

export const feedKeys = {
  /** Every feed query of the network (pages, posts, the badge). */
  all: (slug: string) => ["feed", slug] as const,
  list: (slug: string, kind: PostKind | null, groupId?: string) =>
    [...feedKeys.all(slug), "list", kind ?? "all", groupId ?? "main"] as const,
  post: (slug: string, id: string) => [...feedKeys.all(slug), "post", id] as const,
  summary: (slug: string) => [...feedKeys.all(slug), "summary"] as const,
};

/** The feed; with `groupId`, only that group's posts (the group page). */
export function useFeed(slug: string, kind: PostKind | null, groupId?: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: feedKeys.list(slug, kind, groupId),
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET("/api/n/{slug}/posts", {
          params: {
            path: { slug },
            query: { cursor: pageParam, kind: kind ?? undefined, groupId, limit: 20 },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function usePost(slug: string, id: string) {
  return useQuery({
    queryKey: feedKeys.post(slug, id),
    queryFn: () => unwrap(client.GET("/api/n/{slug}/posts/{id}", { params: { path: { slug, id } } })),
  });
}

/** New posts since the last visit, for the navigation's badge (checked every minute). */
export function useFeedSummary(slug: string | undefined) {
  return useQuery({
    queryKey: feedKeys.summary(slug ?? ""),
    enabled: !!slug,
    refetchInterval: 60_000,
    queryFn: () =>
      unwrap(client.GET("/api/n/{slug}/posts/summary", { params: { path: { slug: slug ?? "" } } })),
  });
}

export const createPost = (slug: string, body: NewPost) =>
  unwrap(client.POST("/api/n/{slug}/posts", { params: { path: { slug } }, body }));

export const editPost = (slug: string, id: string, body: BodyOf<"/api/n/{slug}/posts/{id}", "patch">) =>
  unwrap(client.PATCH("/api/n/{slug}/posts/{id}", { params: { path: { slug, id } }, body }));

export const deletePost = (slug: string, id: string) =>
  unwrap(client.DELETE("/api/n/{slug}/posts/{id}", { params: { path: { slug, id } } }));

export const pinPost = (slug: string, id: string, pinned: boolean) =>
  unwrap(client.PUT("/api/n/{slug}/posts/{id}/pin", { params: { path: { slug, id } }, body: { pinned } }));

export const setReaction = (slug: string, id: string, reaction: Reaction, on: boolean) => {
  const params = { path: { slug, id, reaction } };
  return unwrap(
    on
      ? client.PUT("/api/n/{slug}/posts/{id}/reactions/{reaction}", { params })
      : client.DELETE("/api/n/{slug}/posts/{id}/reactions/{reaction}", { params }),
  );
};

export const addComment = (slug: string, id: string, body: { body: string; parentId?: string | null }) =>
  unwrap(client.POST("/api/n/{slug}/posts/{id}/comments", { params: { path: { slug, id } }, body }));

export const editComment = (slug: string, id: string, body: string) =>
  unwrap(client.PATCH("/api/n/{slug}/comments/{id}", { params: { path: { slug, id } }, body: { body } }));

export const deleteComment = (slug: string, id: string) =>
  unwrap(client.DELETE("/api/n/{slug}/comments/{id}", { params: { path: { slug, id } } }));

export const markSeen = (slug: string, until: string) =>
  unwrap(client.POST("/api/n/{slug}/posts/seen", { params: { path: { slug } }, body: { until } }));

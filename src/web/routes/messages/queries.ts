// The direct-messages API for the web: query keys, the conversation list, one conversation and its
// history, the unread badge, settings and the writes.
import { useInfiniteQuery, useQueries, useQuery } from "@tanstack/react-query";
import { client, type ResponseOf, unwrap } from "../../api/client.ts";

export type ConversationList = ResponseOf<"/api/n/{slug}/messages">;
export type ConversationSummary = ConversationList["items"][number];
export type Conversation = ResponseOf<"/api/n/{slug}/messages/{id}">;
export type Message = ResponseOf<"/api/n/{slug}/messages/{id}/messages">["items"][number];
export type Person = Conversation["others"][number];
export type Settings = ResponseOf<"/api/n/{slug}/messages/settings">;

export const messageKeys = {
  all: (slug: string) => ["messages", slug] as const,
  list: (slug: string) => [...messageKeys.all(slug), "list"] as const,
  unread: (slug: string) => [...messageKeys.all(slug), "unread"] as const,
  conversation: (slug: string, id: string) => [...messageKeys.all(slug), "conversation", id] as const,
  history: (slug: string, id: string) => [...messageKeys.all(slug), "history", id] as const,
  can: (slug: string, userId: string) => [...messageKeys.all(slug), "can", userId] as const,
  messageable: (slug: string, userIds: string[]) =>
    [...messageKeys.all(slug), "messageable", userIds] as const,
  settings: (slug: string) => [...messageKeys.all(slug), "settings"] as const,
};

export function useConversations(slug: string) {
  return useInfiniteQuery({
    queryKey: messageKeys.list(slug),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET("/api/n/{slug}/messages", { params: { path: { slug }, query: { cursor: pageParam } } }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 30_000,
  });
}

/** The badge on the メッセージ link (polled). */
export function useMessagesUnread(slug: string | undefined) {
  return useQuery({
    queryKey: messageKeys.unread(slug ?? ""),
    enabled: !!slug,
    queryFn: () => unwrap(client.GET("/api/n/{slug}/messages/unread", { params: { path: { slug: slug! } } })),
    refetchInterval: 30_000,
  });
}

export function useConversation(slug: string, id: string) {
  return useQuery({
    queryKey: messageKeys.conversation(slug, id),
    queryFn: () => unwrap(client.GET("/api/n/{slug}/messages/{id}", { params: { path: { slug, id } } })),
    retry: false,
  });
}

export function useHistory(slug: string, id: string) {
  return useInfiniteQuery({
    queryKey: messageKeys.history(slug, id),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET("/api/n/{slug}/messages/{id}/messages", {
          params: { path: { slug, id }, query: { cursor: pageParam } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 15_000,
    retry: false,
  });
}

/** Which of `userIds` (a directory's cards) the viewer may message: one call per 50. */
export function useMessageable(slug: string, userIds: string[]): Set<string> {
  const chunks: string[][] = [];
  for (let i = 0; i < userIds.length; i += 50) chunks.push(userIds.slice(i, i + 50));
  return useQueries({
    queries: chunks.map((ids) => ({
      queryKey: messageKeys.messageable(slug, ids),
      staleTime: 60_000,
      queryFn: () =>
        unwrap(
          client.GET("/api/n/{slug}/messages/messageable", {
            params: { path: { slug }, query: { userIds: ids } },
          }),
        ),
    })),
    combine: (results) => new Set(results.flatMap((r) => r.data?.userIds ?? [])),
  });
}

export function useCanMessage(slug: string, userId: string, enabled = true) {
  return useQuery({
    queryKey: messageKeys.can(slug, userId),
    enabled,
    queryFn: () =>
      unwrap(client.GET("/api/n/{slug}/messages/can/{userId}", { params: { path: { slug, userId } } })),
    retry: false,
  });
}

export function useMessageSettings(slug: string) {
  return useQuery({
    queryKey: messageKeys.settings(slug),
    queryFn: () => unwrap(client.GET("/api/n/{slug}/messages/settings", { params: { path: { slug } } })),
  });
}

export const startConversation = (slug: string, userIds: string[], body: string) =>
  unwrap(client.POST("/api/n/{slug}/messages", { params: { path: { slug } }, body: { userIds, body } }));

export const sendMessage = (slug: string, id: string, body: string) =>
  unwrap(
    client.POST("/api/n/{slug}/messages/{id}/messages", { params: { path: { slug, id } }, body: { body } }),
  );

export const markRead = (slug: string, id: string, messageId?: string) =>
  unwrap(
    client.POST("/api/n/{slug}/messages/{id}/read", { params: { path: { slug, id } }, body: { messageId } }),
  );

export const setMuted = (slug: string, id: string, muted: boolean) =>
  unwrap(client.PUT("/api/n/{slug}/messages/{id}/mute", { params: { path: { slug, id } }, body: { muted } }));

export const blockMember = (slug: string, userId: string) =>
  unwrap(client.PUT("/api/n/{slug}/messages/blocks/{userId}", { params: { path: { slug, userId } } }));

export const unblockMember = (slug: string, userId: string) =>
  unwrap(client.DELETE("/api/n/{slug}/messages/blocks/{userId}", { params: { path: { slug, userId } } }));

export const saveSettings = (slug: string, refuseStrangers: boolean) =>
  unwrap(
    client.PUT("/api/n/{slug}/messages/settings", { params: { path: { slug } }, body: { refuseStrangers } }),
  );

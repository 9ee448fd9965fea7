// The notifications API for the web: the bell's count and list, read marks, preferences.
import { useQuery } from "@tanstack/react-query";
import { type BodyOf, client, type ResponseOf, unwrap } from "../../api/client.ts";

export type NotificationList = ResponseOf<"/api/n/{slug}/notifications">;
export type NotificationItem = NotificationList["items"][number];
export type Preferences = ResponseOf<"/api/n/{slug}/notifications/preferences">;
export type PreferencesInput = BodyOf<"/api/n/{slug}/notifications/preferences", "put">;
/** The kinds a member chooses a channel for (a warning from the operators is not one of them). */
export type Kind = keyof Preferences["channels"];
export type Channel = Preferences["channels"][Kind];

export const KINDS: Kind[] = [
  "reply",
  "mention",
  "dm",
  "inquiry_answered",
  "group_request",
  "group_join_requested",
  "announcement",
  "watched_activity",
  "event_rsvp",
  "event_reminder",
  "event_thanks",
  "opportunity_offer",
  "opportunity_application",
  "opportunity_review",
];
export const CHANNELS: Channel[] = ["email", "digest", "inapp", "off"];

export const notificationKeys = {
  all: (slug: string) => ["notifications", slug] as const,
  unread: (slug: string) => [...notificationKeys.all(slug), "unread"] as const,
  list: (slug: string) => [...notificationKeys.all(slug), "list"] as const,
  prefs: (slug: string) => [...notificationKeys.all(slug), "prefs"] as const,
  thread: (slug: string, id: string) => [...notificationKeys.all(slug), "thread", id] as const,
};

/** The bell's count, checked every 30 s (and when the window regains focus). */
export function useUnread(slug: string | undefined) {
  return useQuery({
    queryKey: notificationKeys.unread(slug ?? ""),
    enabled: !!slug,
    refetchInterval: 30_000,
    queryFn: () =>
      unwrap(client.GET("/api/n/{slug}/notifications/unread", { params: { path: { slug: slug ?? "" } } })),
  });
}

export function useNotifications(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.list(slug),
    enabled,
    queryFn: () =>
      unwrap(client.GET("/api/n/{slug}/notifications", { params: { path: { slug }, query: { limit: 20 } } })),
  });
}

export const markRead = (slug: string, ids?: string[]) =>
  unwrap(
    client.POST("/api/n/{slug}/notifications/read", { params: { path: { slug } }, body: ids ? { ids } : {} }),
  );

export function usePreferences(slug: string) {
  return useQuery({
    queryKey: notificationKeys.prefs(slug),
    queryFn: () =>
      unwrap(client.GET("/api/n/{slug}/notifications/preferences", { params: { path: { slug } } })),
  });
}

export const savePreferences = (slug: string, body: PreferencesInput) =>
  unwrap(client.PUT("/api/n/{slug}/notifications/preferences", { params: { path: { slug } }, body }));

export function useThreadLevel(slug: string, postId: string) {
  return useQuery({
    queryKey: notificationKeys.thread(slug, postId),
    queryFn: () =>
      unwrap(
        client.GET("/api/n/{slug}/notifications/threads/{type}/{id}", {
          params: { path: { slug, type: "post", id: postId } },
        }),
      ),
  });
}

export const setThreadLevel = (slug: string, postId: string, level: "watch" | "normal" | "mute") =>
  unwrap(
    client.PUT("/api/n/{slug}/notifications/threads/{type}/{id}", {
      params: { path: { slug, type: "post", id: postId } },
      body: { level },
    }),
  );

export const unsubscribe = (token: string) =>
  unwrap(client.POST("/api/notifications/unsubscribe", { params: { query: { token } } }));

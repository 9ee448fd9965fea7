// The moderation API for the web: reports (posts, comments, messages), the operators' queue and
// its actions, the report threshold, the audit log.
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { type BodyOf, client, type ResponseOf, unwrap } from "../../api/client.ts";

export type Queue = ResponseOf<"/api/n/{slug}/admin/moderation">;
export type Case = Queue["items"][number];
export type AuditPage = ResponseOf<"/api/n/{slug}/admin/audit">;
export type AuditEntry = AuditPage["items"][number];
export type ReportReason = BodyOf<"/api/n/{slug}/posts/{id}/report">["reason"];
export type ModerationAction = BodyOf<"/api/n/{slug}/admin/moderation/{id}/actions">["action"];
export const REPORT_REASONS: ReportReason[] = ["spam", "harassment", "personal_info", "other"];

/** What is reported: a post, a comment, or a message in a conversation. */
export type ReportTarget =
  | { type: "post"; id: string }
  | { type: "comment"; id: string }
  | { type: "message"; id: string; conversationId: string };

export const moderationKeys = {
  all: (slug: string) => ["moderation", slug] as const,
  queue: (slug: string, status: "open" | "resolved") =>
    [...moderationKeys.all(slug), "queue", status] as const,
  count: (slug: string) => [...moderationKeys.all(slug), "count"] as const,
  settings: (slug: string) => [...moderationKeys.all(slug), "settings"] as const,
  audit: (slug: string, filters: AuditFilters) => ["audit", slug, filters] as const,
};

export function report(slug: string, target: ReportTarget, reason: ReportReason, note: string) {
  const body = { reason, note: note.trim() || null };
  if (target.type === "post")
    return unwrap(
      client.POST("/api/n/{slug}/posts/{id}/report", { params: { path: { slug, id: target.id } }, body }),
    );
  if (target.type === "comment")
    return unwrap(
      client.POST("/api/n/{slug}/comments/{id}/report", { params: { path: { slug, id: target.id } }, body }),
    );
  return unwrap(
    client.POST("/api/n/{slug}/messages/{id}/messages/{messageId}/report", {
      params: { path: { slug, id: target.conversationId, messageId: target.id } },
      body,
    }),
  );
}

export function useQueue(slug: string, status: "open" | "resolved") {
  return useInfiniteQuery({
    queryKey: moderationKeys.queue(slug, status),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET("/api/n/{slug}/admin/moderation", {
          params: { path: { slug }, query: { status, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The badge on the operators' 通報・モデレーション link (polled). */
export function useOpenCases(slug: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: moderationKeys.count(slug ?? ""),
    enabled: !!slug && enabled,
    queryFn: () =>
      unwrap(client.GET("/api/n/{slug}/admin/moderation/count", { params: { path: { slug: slug! } } })),
    refetchInterval: 60_000,
  });
}

export const actOn = (slug: string, id: string, action: ModerationAction, reason: string) =>
  unwrap(
    client.POST("/api/n/{slug}/admin/moderation/{id}/actions", {
      params: { path: { slug, id } },
      body: { action, reason },
    }),
  );

export function useModerationSettings(slug: string) {
  return useQuery({
    queryKey: moderationKeys.settings(slug),
    queryFn: () =>
      unwrap(client.GET("/api/n/{slug}/admin/moderation/settings", { params: { path: { slug } } })),
  });
}

export const saveModerationSettings = (slug: string, reportThreshold: number) =>
  unwrap(
    client.PUT("/api/n/{slug}/admin/moderation/settings", {
      params: { path: { slug } },
      body: { reportThreshold },
    }),
  );

export type AuditFilters = { action?: string; from?: string; to?: string };

export function useAuditLog(slug: string, filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: moderationKeys.audit(slug, filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET("/api/n/{slug}/admin/audit", {
          params: { path: { slug }, query: { ...filters, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

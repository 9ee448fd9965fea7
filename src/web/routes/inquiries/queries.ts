// Query keys and calls of the inquiry pages (member and operators).
import { type BodyOf, client, type ResponseOf, unwrap } from "../../api/client.ts";
import type { PageQuery } from "../../components/usePagedList.ts";

export type InquiryThread = ResponseOf<"/api/n/{slug}/inquiries/{id}">;
export type InquirySummary = ResponseOf<"/api/n/{slug}/inquiries">["items"][number];
export type InboxFilter = {
  status?: "open" | "answered" | "closed";
  category?: "general" | "rehire" | "freelance" | "document";
  assignee?: "me" | "unassigned" | "any";
  q?: string;
};
export type OpenInquiryBody = BodyOf<"/api/n/{slug}/inquiries">;
export type BusinessHours = ResponseOf<"/api/n/{slug}/settings/business-hours">;
export type SavedReply = ResponseOf<"/api/n/{slug}/saved-replies">["items"][number];

export const inquiryKeys = {
  all: (slug: string) => ["inquiries", slug] as const,
  mine: (slug: string) => ["inquiries", slug, "mine"] as const,
  inbox: (slug: string, f: InboxFilter) => ["inquiries", slug, "inbox", f] as const,
  stats: (slug: string) => ["inquiries", slug, "stats"] as const,
  thread: (slug: string, id: string) => ["inquiries", slug, "thread", id] as const,
  saved: (slug: string) => ["saved-replies", slug] as const,
  hours: (slug: string) => ["business-hours", slug] as const,
};

const path = (slug: string) => ({ params: { path: { slug } } });
const one = (slug: string, id: string) => ({ params: { path: { slug, id } } });

export const myInquiries = (slug: string, page: PageQuery) =>
  unwrap(client.GET("/api/n/{slug}/inquiries/mine", { params: { path: { slug }, query: page } }));
export const inboxPage = (slug: string, f: InboxFilter, page: PageQuery) =>
  unwrap(client.GET("/api/n/{slug}/inquiries", { params: { path: { slug }, query: { ...f, ...page } } }));
export const deskStats = (slug: string) => unwrap(client.GET("/api/n/{slug}/inquiries/stats", path(slug)));
export const getThread = (slug: string, id: string) =>
  unwrap(client.GET("/api/n/{slug}/inquiries/{id}", one(slug, id)));
export const openInquiry = (slug: string, body: OpenInquiryBody) =>
  unwrap(client.POST("/api/n/{slug}/inquiries", { ...path(slug), body }));
export const followUp = (slug: string, id: string, body: string, attachmentIds: string[]) =>
  unwrap(
    client.POST("/api/n/{slug}/inquiries/{id}/messages", { ...one(slug, id), body: { body, attachmentIds } }),
  );
export const closeInquiry = (slug: string, id: string) =>
  unwrap(client.POST("/api/n/{slug}/inquiries/{id}/close", one(slug, id)));
export const replyTo = (
  slug: string,
  id: string,
  body: string,
  attachmentIds: string[],
  status: "answered" | "closed",
) =>
  unwrap(
    client.POST("/api/n/{slug}/inquiries/{id}/replies", {
      ...one(slug, id),
      body: { body, attachmentIds, status },
    }),
  );
export const setStatus = (slug: string, id: string, status: "open" | "answered" | "closed") =>
  unwrap(client.PUT("/api/n/{slug}/inquiries/{id}/status", { ...one(slug, id), body: { status } }));
export const setAssignee = (slug: string, id: string, assigneeId: string | null) =>
  unwrap(client.PUT("/api/n/{slug}/inquiries/{id}/assignee", { ...one(slug, id), body: { assigneeId } }));
export const removeUpload = (slug: string, id: string) =>
  unwrap(client.DELETE("/api/n/{slug}/inquiries/attachments/{id}", one(slug, id)));
export const operatorsOf = (slug: string) =>
  unwrap(
    client.GET("/api/n/{slug}/members", {
      params: { path: { slug }, query: { role: "operator", status: "active", limit: 100 } },
    }),
  );

export const listSavedReplies = (slug: string) =>
  unwrap(client.GET("/api/n/{slug}/saved-replies", path(slug)));
export const createSavedReply = (slug: string, body: { title: string; body: string }) =>
  unwrap(client.POST("/api/n/{slug}/saved-replies", { ...path(slug), body }));
export const updateSavedReply = (slug: string, id: string, body: { title: string; body: string }) =>
  unwrap(client.PUT("/api/n/{slug}/saved-replies/{id}", { ...one(slug, id), body }));
export const deleteSavedReply = (slug: string, id: string) =>
  unwrap(client.DELETE("/api/n/{slug}/saved-replies/{id}", one(slug, id)));

export const getBusinessHours = (slug: string) =>
  unwrap(client.GET("/api/n/{slug}/settings/business-hours", path(slug)));
export const putBusinessHours = (slug: string, body: BusinessHours) =>
  unwrap(client.PUT("/api/n/{slug}/settings/business-hours", { ...path(slug), body }));

/** The download URL of an attachment (the session cookie goes with it; the server checks access). */
export const attachmentUrl = (slug: string, inquiryId: string, attachmentId: string) =>
  `/api/n/${encodeURIComponent(slug)}/inquiries/${encodeURIComponent(inquiryId)}/attachments/${encodeURIComponent(attachmentId)}`;

// Query keys and calls of the invitations (operators; also sent from the roster table).
import { type BodyOf, client, unwrap } from "../../../api/client.ts";
import type { InvitationStatus } from "../types.ts";

export const invitationKeys = {
  all: (slug: string) => ["invitations", slug] as const,
  settings: (slug: string) => [...invitationKeys.all(slug), "settings"] as const,
  /** status "": every status. */
  list: (slug: string, status: InvitationStatus | "") => [...invitationKeys.all(slug), status] as const,
};

/** The latest 500 invitations, of one status or all. */
export const listInvitations = (slug: string, status: InvitationStatus | "") =>
  unwrap(
    client.GET("/api/n/{slug}/invitations", {
      params: { path: { slug }, query: { limit: 500, ...(status ? { status } : {}) } },
    }),
  );

export const createInvitations = (slug: string, body: BodyOf<"/api/n/{slug}/invitations">) =>
  unwrap(client.POST("/api/n/{slug}/invitations", { params: { path: { slug } }, body }));

export const revokeInvitation = (slug: string, id: string) =>
  unwrap(client.POST("/api/n/{slug}/invitations/{id}/revoke", { params: { path: { slug, id } } }));

export const resendInvitation = (slug: string, id: string) =>
  unwrap(client.POST("/api/n/{slug}/invitations/{id}/resend", { params: { path: { slug, id } } }));

export const previewInvitation = (slug: string, body: BodyOf<"/api/n/{slug}/invitations/preview">) =>
  unwrap(client.POST("/api/n/{slug}/invitations/preview", { params: { path: { slug } }, body }));

export const invitationSettings = (slug: string) =>
  unwrap(client.GET("/api/n/{slug}/invitations/settings", { params: { path: { slug } } }));

export const saveInvitationSettings = (
  slug: string,
  body: BodyOf<"/api/n/{slug}/invitations/settings", "put">,
) => unwrap(client.PUT("/api/n/{slug}/invitations/settings", { params: { path: { slug } }, body }));

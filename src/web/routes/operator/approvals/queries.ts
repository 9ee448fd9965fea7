// Query keys and calls of the registration approvals (operators; the pending count on the network
// home page too) and of the network's registration policy.
import { client, unwrap } from "../../../api/client.ts";
import type { Registration } from "../types.ts";

type Status = Registration["status"];

export const registrationKeys = {
  all: (slug: string) => ["registrations", slug] as const,
  list: (slug: string, status: Status) => [...registrationKeys.all(slug), status] as const,
  policy: (slug: string) => ["registration-policy", slug] as const,
};

export type RegistrationPolicy = "strict" | "lenient";

export const getRegistrationPolicy = (slug: string) =>
  unwrap(client.GET("/api/n/{slug}/settings/registration", { params: { path: { slug } } }));

export const setRegistrationPolicy = (slug: string, policy: RegistrationPolicy) =>
  unwrap(client.PUT("/api/n/{slug}/settings/registration", { params: { path: { slug } }, body: { policy } }));

/** limit: the server default (100) when not given. */
export const listRegistrations = (slug: string, status: Status, limit?: number) =>
  unwrap(client.GET("/api/n/{slug}/registrations", { params: { path: { slug }, query: { status, limit } } }));

export const approveRegistration = (slug: string, id: string, rosterEntryId: string | null) =>
  unwrap(
    client.POST("/api/n/{slug}/registrations/{id}/approve", {
      params: { path: { slug, id } },
      body: rosterEntryId ? { rosterEntryId } : {},
    }),
  );

export const rejectRegistration = (slug: string, id: string, note: string) =>
  unwrap(
    client.POST("/api/n/{slug}/registrations/{id}/reject", {
      params: { path: { slug, id } },
      body: note ? { note } : {},
    }),
  );

/** Takes back my approval or rejection while its mail still waits (POST …/undo). */
export const undoDecision = (slug: string, id: string) =>
  unwrap(client.POST("/api/n/{slug}/registrations/{id}/undo", { params: { path: { slug, id } } }));

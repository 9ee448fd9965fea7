// Query keys and calls of an invitation link.
import { type BodyOf, client, unwrap } from "../../api/client.ts";

export const inviteKeys = { detail: (token: string) => ["invitation", token] as const };

export const getInvitation = (token: string) =>
  unwrap(client.GET("/api/invitations/{token}", { params: { path: { token } } }));

export const acceptInvitation = (token: string, body: BodyOf<"/api/invitations/{token}/accept">) =>
  unwrap(client.POST("/api/invitations/{token}/accept", { params: { path: { token } }, body }));

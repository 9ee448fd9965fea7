// Query keys and calls of registration (a member asking to join) and of a network's public page.
import { type BodyOf, client, unwrap } from "../../api/client.ts";

/** A network's public face (name, privacy notice): the registration and consent pages. */
export const publicNetworkKeys = { detail: (slug: string) => ["network-public", slug] as const };
export const myRegistrationKeys = { detail: (slug: string) => ["registration-mine", slug] as const };

export const getPublicNetwork = (slug: string) =>
  unwrap(client.GET("/api/networks/{slug}/public", { params: { path: { slug } } }));

export const getMyRegistration = (slug: string) =>
  unwrap(client.GET("/api/n/{slug}/registrations/mine", { params: { path: { slug } } }));

export const register = (slug: string, body: BodyOf<"/api/n/{slug}/registrations">) =>
  unwrap(client.POST("/api/n/{slug}/registrations", { params: { path: { slug } }, body }));

// Invitations at offboarding (operators, or an HR system with a network API token), the
// invitee's link (public info, accept), and the network's API tokens.
import { z } from "zod";
import { access, networkScope, signedInScope } from "../../server/access.ts";
import type { FastifyZod } from "../../server/http.ts";
import type { PublicScope } from "../../server/scope.ts";
import { acceptInvitation, invitationInfo } from "./accept.ts";
import { apiTokenList, createApiToken, revokeApiToken } from "./api-tokens.ts";
import { invitationsPolicy } from "./policy.ts";
import {
  acceptInput,
  apiTokenOut,
  createApiTokenInput,
  createInvitationsInput,
  createInvitationsOut,
  idParams,
  invitationListQuery,
  invitationOut,
  invitationSettings,
  mailPreviewOut,
  ok,
  previewInvitationInput,
  publicInvitationOut,
  slugParams,
  tokenParams,
} from "./schemas.ts";
import {
  createInvitations,
  invitationList,
  invitationSettingsOf,
  previewInvitation,
  resendInvitation,
  revokeInvitation,
  updateInvitationSettings,
} from "./service.ts";

const manage = { access: access.member(invitationsPolicy.manage) };
const tokens = { access: access.member(invitationsPolicy.tokens) };

export default async function invitationsRoutes(app: FastifyZod) {
  app.post(
    "/n/:slug/invitations",
    {
      config: { access: access.member(invitationsPolicy.create) },
      schema: {
        tags: ["invitations"],
        summary: "Invite leavers from the roster or by email (operator, or HR system with an API token)",
        security: [{ session: [] }, { apiToken: [] }],
        params: slugParams,
        body: createInvitationsInput,
        response: { 201: createInvitationsOut },
      },
    },
    async (req, reply) => {
      return reply.status(201).send(await createInvitations(networkScope(req), req.body));
    },
  );

  app.get(
    "/n/:slug/invitations",
    {
      config: manage,
      schema: {
        tags: ["invitations"],
        summary: "Invitations of the network, newest first",
        params: slugParams,
        querystring: invitationListQuery,
        response: { 200: z.object({ items: z.array(invitationOut) }) },
      },
    },
    async (req) => {
      return { items: await invitationList(networkScope(req), req.query) };
    },
  );

  app.post(
    "/n/:slug/invitations/preview",
    {
      config: manage,
      schema: {
        tags: ["invitations"],
        summary:
          "The invitation mail as it would go out (sender, subject, text), with a sample link; sends nothing",
        params: slugParams,
        body: previewInvitationInput,
        response: { 200: mailPreviewOut },
      },
    },
    async (req) => previewInvitation(networkScope(req), req.body),
  );

  app.post(
    "/n/:slug/invitations/:id/resend",
    {
      config: manage,
      schema: {
        tags: ["invitations"],
        summary:
          "Send a pending or expired invitation again with a new link (the previous link stops working)",
        params: idParams,
        response: { 201: z.object({ id: z.string(), email: z.string(), expiresAt: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await resendInvitation(networkScope(req), req.params.id)),
  );

  app.get(
    "/n/:slug/invitations/settings",
    {
      config: manage,
      schema: {
        tags: ["invitations"],
        summary: "Invitation settings: the reminder to invitees who have not accepted",
        params: slugParams,
        response: { 200: invitationSettings },
      },
    },
    async (req) => invitationSettingsOf(networkScope(req)),
  );

  app.put(
    "/n/:slug/invitations/settings",
    {
      config: manage,
      schema: {
        tags: ["invitations"],
        summary: "Change the reminder delay (1–30 days) or turn reminders off (null); audited",
        params: slugParams,
        body: invitationSettings,
        response: { 200: invitationSettings },
      },
    },
    async (req) => updateInvitationSettings(networkScope(req), req.body),
  );

  app.post(
    "/n/:slug/invitations/:id/revoke",
    {
      config: manage,
      schema: {
        tags: ["invitations"],
        summary: "Revoke a pending invitation (its link stops working at once)",
        params: idParams,
        response: { 200: ok },
      },
    },
    async (req) => {
      await revokeInvitation(networkScope(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    "/invitations/:token",
    {
      config: {
        access: access.public(
          "the unguessable invitation token is the credential; unknown, used and expired look the same",
        ),
      },
      schema: {
        tags: ["invitations"],
        summary:
          "What an invitation link is for (404 INVITATION_INVALID when unknown, used, expired or revoked)",
        params: tokenParams,
        response: { 200: publicInvitationOut },
      },
    },
    async (req) => invitationInfo(req.scope as PublicScope, req.params.token),
  );

  app.post(
    "/invitations/:token/accept",
    {
      config: { access: access.user() },
      schema: {
        tags: ["invitations"],
        summary: "Accept an invitation: become a member (verified via invitation) with the given consent",
        params: tokenParams,
        body: acceptInput,
        response: { 200: z.object({ networkSlug: z.string() }) },
      },
    },
    async (req) => {
      return acceptInvitation(signedInScope(req), req.params.token, req.body.consent);
    },
  );

  app.get(
    "/n/:slug/api-tokens",
    {
      config: tokens,
      schema: {
        tags: ["api-tokens"],
        summary: "The network's API tokens (the secret is never shown again)",
        params: slugParams,
        response: { 200: z.object({ items: z.array(apiTokenOut) }) },
      },
    },
    async (req) => {
      return { items: await apiTokenList(networkScope(req)) };
    },
  );

  app.post(
    "/n/:slug/api-tokens",
    {
      config: tokens,
      schema: {
        tags: ["api-tokens"],
        summary: "Create an API token for an HR system (the token is shown once)",
        params: slugParams,
        body: createApiTokenInput,
        response: { 201: z.object({ id: z.string(), token: z.string() }) },
      },
    },
    async (req, reply) => {
      const created = await createApiToken(networkScope(req), req.body.name);
      return reply.status(201).send(created);
    },
  );

  app.delete(
    "/n/:slug/api-tokens/:id",
    {
      config: tokens,
      schema: {
        tags: ["api-tokens"],
        summary: "Revoke an API token (refused from the next request on)",
        params: idParams,
        response: { 200: ok },
      },
    },
    async (req) => {
      await revokeApiToken(networkScope(req), req.params.id);
      return { ok: true as const };
    },
  );
}

// Invitations at offboarding (operators, or an HR system with a network API token), the
// invitee's link (public info, accept), and the network's API tokens.
import { z } from "zod";
import { type AppContext, requireMember, requireOperatorOrToken, requireUser } from "../../server/context.ts";
import type { FastifyZod } from "../../server/modules.ts";
import { acceptInvitation, invitationInfo } from "./accept.ts";
import { createApiToken, revokeApiToken } from "./api-tokens.ts";
import { presentApiToken, presentInvitation } from "./presenter.ts";
import { listApiTokens, listInvitations } from "./queries.ts";
import {
  acceptInput,
  apiTokenOut,
  createInvitationsInput,
  createInvitationsOut,
  invitationListQuery,
  invitationOut,
  ok,
  publicInvitationOut,
  slugParams,
  tokenParams,
} from "./schemas.ts";
import { createInvitations, revokeInvitation } from "./service.ts";

export default async function invitationsRoutes(app: FastifyZod, ctx: AppContext) {
  app.post(
    "/n/:slug/invitations",
    {
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
      const { network, actor } = await requireOperatorOrToken(ctx, req, req.params.slug);
      const via = actor.userId ? "operator" : "api";
      return reply.status(201).send(await createInvitations(ctx, network, actor, via, req.body));
    },
  );

  app.get(
    "/n/:slug/invitations",
    {
      schema: {
        tags: ["invitations"],
        summary: "Invitations of the network, newest first",
        params: slugParams,
        querystring: invitationListQuery,
        response: { 200: z.object({ items: z.array(invitationOut) }) },
      },
    },
    async (req) => {
      const { network } = await requireMember(ctx, req, req.params.slug, ["operator"]);
      const rows = await listInvitations(ctx.db, network.id, req.query);
      return { items: rows.map(presentInvitation) };
    },
  );

  app.post(
    "/n/:slug/invitations/:id/revoke",
    {
      schema: {
        tags: ["invitations"],
        summary: "Revoke a pending invitation (its link stops working at once)",
        params: slugParams.extend({ id: z.string() }),
        response: { 200: ok },
      },
    },
    async (req) => {
      const { network, user } = await requireMember(ctx, req, req.params.slug, ["operator"]);
      await revokeInvitation(ctx, network, { userId: user.id, label: user.email }, req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    "/invitations/:token",
    {
      schema: {
        tags: ["invitations"],
        summary:
          "What an invitation link is for (404 INVITATION_INVALID when unknown, used, expired or revoked)",
        params: tokenParams,
        response: { 200: publicInvitationOut },
      },
    },
    async (req) => invitationInfo(ctx, req.params.token),
  );

  app.post(
    "/invitations/:token/accept",
    {
      schema: {
        tags: ["invitations"],
        summary: "Accept an invitation: become a member (verified via invitation) with the given consent",
        params: tokenParams,
        body: acceptInput,
        response: { 200: z.object({ networkSlug: z.string() }) },
      },
    },
    async (req) => {
      const viewer = await requireUser(ctx, req);
      return acceptInvitation(ctx, viewer, req.params.token, req.body.consent);
    },
  );

  app.get(
    "/n/:slug/api-tokens",
    {
      schema: {
        tags: ["api-tokens"],
        summary: "The network's API tokens (the secret is never shown again)",
        params: slugParams,
        response: { 200: z.object({ items: z.array(apiTokenOut) }) },
      },
    },
    async (req) => {
      const { network } = await requireMember(ctx, req, req.params.slug, ["operator"]);
      return { items: (await listApiTokens(ctx.db, network.id)).map(presentApiToken) };
    },
  );

  app.post(
    "/n/:slug/api-tokens",
    {
      schema: {
        tags: ["api-tokens"],
        summary: "Create an API token for an HR system (the token is shown once)",
        params: slugParams,
        body: z.object({ name: z.string().trim().min(1).max(100) }),
        response: { 201: z.object({ id: z.string(), token: z.string() }) },
      },
    },
    async (req, reply) => {
      const { network, user } = await requireMember(ctx, req, req.params.slug, ["operator"]);
      const created = await createApiToken(
        ctx,
        network.id,
        { userId: user.id, label: user.email },
        req.body.name,
      );
      return reply.status(201).send(created);
    },
  );

  app.delete(
    "/n/:slug/api-tokens/:id",
    {
      schema: {
        tags: ["api-tokens"],
        summary: "Revoke an API token (refused from the next request on)",
        params: slugParams.extend({ id: z.string() }),
        response: { 200: ok },
      },
    },
    async (req) => {
      const { network, user } = await requireMember(ctx, req, req.params.slug, ["operator"]);
      await revokeApiToken(ctx, network.id, { userId: user.id, label: user.email }, req.params.id);
      return { ok: true as const };
    },
  );
}

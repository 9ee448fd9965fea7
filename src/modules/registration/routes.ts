// Self-registration (在籍確認): the registrant submits and follows their registration; operators
// work through the approval queue.
import { z } from "zod";
import { type AppContext, requireMember, requireUser } from "../../server/context.ts";
import type { FastifyZod } from "../../server/modules.ts";
import { approveRegistration, registrationQueue, rejectRegistration } from "./review.ts";
import {
  approveInput,
  idParams,
  myRegistrationOut,
  ok,
  queueQuery,
  registrationInput,
  registrationItemOut,
  registrationOut,
  rejectInput,
  slugParams,
} from "./schemas.ts";
import { myRegistrationStatus, submitRegistration } from "./service.ts";

export default async function registrationRoutes(app: FastifyZod, ctx: AppContext) {
  app.post(
    "/n/:slug/registrations",
    {
      schema: {
        tags: ["registration"],
        summary:
          "Register as an alumnus (verified email, not a member): approved at once on a confident roster match, else queued. Rate-limited.",
        params: slugParams,
        body: registrationInput,
        response: { 201: registrationOut },
      },
    },
    async (req, reply) => {
      const viewer = await requireUser(ctx, req);
      const result = await submitRegistration(ctx, viewer, req.params.slug, req.ip, req.body);
      return reply.status(201).send(result);
    },
  );

  app.get(
    "/n/:slug/registrations/mine",
    {
      schema: {
        tags: ["registration"],
        summary: "Status of my latest registration in this network",
        params: slugParams,
        response: { 200: myRegistrationOut },
      },
    },
    async (req) => {
      const viewer = await requireUser(ctx, req);
      return myRegistrationStatus(ctx, viewer, req.params.slug);
    },
  );

  app.get(
    "/n/:slug/registrations",
    {
      schema: {
        tags: ["registration"],
        summary:
          "Registrations with candidate roster rows (operator): pending oldest first, decided latest first",
        params: slugParams,
        querystring: queueQuery,
        response: { 200: z.object({ items: z.array(registrationItemOut) }) },
      },
    },
    async (req) => {
      const { network } = await requireMember(ctx, req, req.params.slug, ["operator"]);
      return registrationQueue(ctx, network.id, req.query);
    },
  );

  app.post(
    "/n/:slug/registrations/:id/approve",
    {
      schema: {
        tags: ["registration"],
        summary: "Approve a pending registration, optionally linking a roster row (operator)",
        params: idParams,
        body: approveInput,
        response: { 200: ok },
      },
    },
    async (req) => {
      const { network, user } = await requireMember(ctx, req, req.params.slug, ["operator"]);
      const actor = { userId: user.id, label: user.email };
      await approveRegistration(ctx, network, actor, req.params.id, req.body?.rosterEntryId);
      return { ok: true as const };
    },
  );

  app.post(
    "/n/:slug/registrations/:id/reject",
    {
      schema: {
        tags: ["registration"],
        summary: "Reject a pending registration; the note is internal (operator)",
        params: idParams,
        body: rejectInput,
        response: { 200: ok },
      },
    },
    async (req) => {
      const { network, user } = await requireMember(ctx, req, req.params.slug, ["operator"]);
      const actor = { userId: user.id, label: user.email };
      await rejectRegistration(ctx, network, actor, req.params.id, req.body?.note);
      return { ok: true as const };
    },
  );
}

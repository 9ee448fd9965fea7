// Self-registration (在籍確認): the registrant submits and follows their registration; operators
// work through the approval queue and choose the network's registration policy.
import { z } from "zod";
import { access, networkScope, signedInScope } from "../../server/access.ts";
import type { FastifyZod } from "../../server/http.ts";
import { registrationPolicy } from "./policy.ts";
import { approveRegistration, registrationQueue, rejectRegistration } from "./review.ts";
import {
  approveInput,
  decisionOut,
  idParams,
  myRegistrationOut,
  ok,
  queueQuery,
  registrationInput,
  registrationItemOut,
  registrationOut,
  registrationSettingsSchema,
  rejectInput,
  slugParams,
} from "./schemas.ts";
import { myRegistrationStatus, submitRegistration } from "./service.ts";
import { registrationSettings, updateRegistrationSettings } from "./settings.ts";
import { undoDecision } from "./undo.ts";

const review = { access: access.member(registrationPolicy.review) };
const settings = { access: access.member(registrationPolicy.settings) };

export default async function registrationRoutes(app: FastifyZod) {
  app.post(
    "/n/:slug/registrations",
    {
      config: { access: access.user() },
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
      const result = await submitRegistration(signedInScope(req), req.params.slug, req.ip, req.body);
      return reply.status(201).send(result);
    },
  );

  app.get(
    "/n/:slug/registrations/mine",
    {
      config: { access: access.user() },
      schema: {
        tags: ["registration"],
        summary: "Status of my latest registration in this network",
        params: slugParams,
        response: { 200: myRegistrationOut },
      },
    },
    async (req) => {
      return myRegistrationStatus(signedInScope(req), req.params.slug);
    },
  );

  app.get(
    "/n/:slug/registrations",
    {
      config: review,
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
      return registrationQueue(networkScope(req), req.query);
    },
  );

  app.post(
    "/n/:slug/registrations/:id/approve",
    {
      config: review,
      schema: {
        tags: ["registration"],
        summary:
          "Approve a pending registration, optionally linking a roster row (operator); the welcome mail waits DECISION_MAIL_DELAY_SECONDS so that it can be undone",
        params: idParams,
        body: approveInput,
        response: { 200: decisionOut },
      },
    },
    async (req) => {
      const r = await approveRegistration(networkScope(req), req.params.id, req.body?.rosterEntryId);
      return { ok: true as const, ...r };
    },
  );

  app.post(
    "/n/:slug/registrations/:id/reject",
    {
      config: review,
      schema: {
        tags: ["registration"],
        summary:
          "Reject a pending registration; the note is internal (operator); the mail waits DECISION_MAIL_DELAY_SECONDS so that it can be undone",
        params: idParams,
        body: rejectInput,
        response: { 200: decisionOut },
      },
    },
    async (req) => {
      const r = await rejectRegistration(networkScope(req), req.params.id, req.body?.note);
      return { ok: true as const, ...r };
    },
  );

  app.post(
    "/n/:slug/registrations/:id/undo",
    {
      config: review,
      schema: {
        tags: ["registration"],
        summary:
          "Take back my approval or rejection while its mail still waits (within 10 minutes, before the member uses the network): the registration is pending again (operator)",
        params: idParams,
        response: { 200: ok },
      },
    },
    async (req) => {
      await undoDecision(networkScope(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    "/n/:slug/settings/registration",
    {
      config: settings,
      schema: {
        tags: ["registration"],
        summary:
          "The network's registration policy (operator): strict (default) or lenient (also name + join and leave months)",
        params: slugParams,
        response: { 200: registrationSettingsSchema },
      },
    },
    async (req) => {
      return registrationSettings(networkScope(req));
    },
  );

  app.put(
    "/n/:slug/settings/registration",
    {
      config: settings,
      schema: {
        tags: ["registration"],
        summary: "Change the network's registration policy (operator; audited)",
        params: slugParams,
        body: registrationSettingsSchema,
        response: { 200: registrationSettingsSchema },
      },
    },
    async (req) => {
      return updateRegistrationSettings(networkScope(req), req.body);
    },
  );
}

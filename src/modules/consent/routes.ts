// Consent (members manage their own opt-ins) and the network's privacy notice versions (operators).
import { z } from "zod";
import { type AppContext, requireMember } from "../../server/context.ts";
import type { FastifyZod } from "../../server/modules.ts";
import { privacyNoticeInput } from "../networks/schemas.ts";
import { presentNoticeItem } from "./presenter.ts";
import { listNotices } from "./queries.ts";
import { consentOut, consentPutInput, noticeListOut, slugParams } from "./schemas.ts";
import { consentView, publishNotice, updateConsent } from "./service.ts";

export default async function consentRoutes(app: FastifyZod, ctx: AppContext) {
  app.get(
    "/n/:slug/consent",
    {
      schema: {
        tags: ["consent"],
        summary: "My consent in this network: accepted notice version and opt-ins",
        params: slugParams,
        response: { 200: consentOut },
      },
    },
    async (req) => {
      const { network, user } = await requireMember(ctx, req, req.params.slug);
      return consentView(ctx.db, network.id, user.id);
    },
  );

  app.put(
    "/n/:slug/consent",
    {
      schema: {
        tags: ["consent"],
        summary: "Change my opt-ins (effective at once); optionally accept the latest privacy notice",
        params: slugParams,
        body: consentPutInput,
        response: { 200: consentOut },
      },
    },
    async (req) => {
      const { network, user } = await requireMember(ctx, req, req.params.slug);
      return updateConsent(ctx, network.id, user.id, req.body);
    },
  );

  app.get(
    "/n/:slug/privacy-notices",
    {
      schema: {
        tags: ["consent"],
        summary: "Every version of the network's privacy notice, newest first (operator)",
        params: slugParams,
        response: { 200: noticeListOut },
      },
    },
    async (req) => {
      const { network } = await requireMember(ctx, req, req.params.slug, ["operator"]);
      return { items: (await listNotices(ctx.db, network.id)).map(presentNoticeItem) };
    },
  );

  app.post(
    "/n/:slug/privacy-notices",
    {
      schema: {
        tags: ["consent"],
        summary: "Publish the next version of the privacy notice (operator)",
        params: slugParams,
        body: privacyNoticeInput,
        response: { 201: z.object({ version: z.number() }) },
      },
    },
    async (req, reply) => {
      const { network, user } = await requireMember(ctx, req, req.params.slug, ["operator"]);
      const version = await publishNotice(ctx, network.id, { userId: user.id, label: user.email }, req.body);
      return reply.status(201).send({ version });
    },
  );
}

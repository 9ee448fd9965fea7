// Consent (members manage their own opt-ins) and the network's privacy notice versions (operators).
import { z } from "zod";
import { access, networkScope } from "../../server/access.ts";
import type { FastifyZod } from "../../server/http.ts";
import { privacyNoticeInput } from "../networks/index.ts";
import { consentPolicy } from "./policy.ts";
import { consentOut, consentPutInput, noticeListOut, slugParams } from "./schemas.ts";
import { consentView, noticeList, publishNotice, updateConsent } from "./service.ts";

const own = { access: access.member(consentPolicy.own) };
const notices = { access: access.member(consentPolicy.notices) };

export default async function consentRoutes(app: FastifyZod) {
  app.get(
    "/n/:slug/consent",
    {
      config: own,
      schema: {
        tags: ["consent"],
        summary: "My consent in this network: accepted notice version and opt-ins",
        params: slugParams,
        response: { 200: consentOut },
      },
    },
    async (req) => {
      return consentView(networkScope(req));
    },
  );

  app.put(
    "/n/:slug/consent",
    {
      config: own,
      schema: {
        tags: ["consent"],
        summary: "Change my opt-ins (effective at once); optionally accept the latest privacy notice",
        params: slugParams,
        body: consentPutInput,
        response: { 200: consentOut },
      },
    },
    async (req) => {
      return updateConsent(networkScope(req), req.body);
    },
  );

  app.get(
    "/n/:slug/privacy-notices",
    {
      config: notices,
      schema: {
        tags: ["consent"],
        summary: "Every version of the network's privacy notice, newest first (operator)",
        params: slugParams,
        response: { 200: noticeListOut },
      },
    },
    async (req) => {
      return { items: await noticeList(networkScope(req)) };
    },
  );

  app.post(
    "/n/:slug/privacy-notices",
    {
      config: notices,
      schema: {
        tags: ["consent"],
        summary: "Publish the next version of the privacy notice (operator)",
        params: slugParams,
        body: privacyNoticeInput,
        response: { 201: z.object({ version: z.number() }) },
      },
    },
    async (req, reply) => {
      const version = await publishNotice(networkScope(req), req.body);
      return reply.status(201).send({ version });
    },
  );
}

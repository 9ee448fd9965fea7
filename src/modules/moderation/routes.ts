import { access, memberScopeOf } from "../../server/access.ts";
import type { FastifyZod } from "../../server/http.ts";
import { auditEntries } from "./audit-log.ts";
import { moderationPolicy } from "./policy.ts";
import { actOn, getCase, moderationQueue, openCases } from "./queue.ts";
import {
  actionInput,
  auditOut,
  auditQuery,
  caseOut,
  countOut,
  idParams,
  messageParams,
  queueOut,
  queueQuery,
  reportInput,
  reportOut,
  settingsIO,
  slugParams,
} from "./schemas.ts";
import { fileReport } from "./service.ts";
import { changeModerationSettings, moderationSettings } from "./settings.ts";

const tags = ["moderation"];
const report = { access: access.member(moderationPolicy.report) };
const review = { access: access.member(moderationPolicy.review) };

export default async function moderationRoutes(app: FastifyZod) {
  app.post(
    "/n/:slug/posts/:id/report",
    {
      config: report,
      schema: {
        tags,
        summary:
          "Report a post to the operators (once per member: again updates the report; 404 if not visible)",
        params: idParams,
        body: reportInput,
        response: { 200: reportOut },
      },
    },
    async (req) => fileReport(memberScopeOf(req), { type: "post", id: req.params.id }, req.body),
  );

  app.post(
    "/n/:slug/comments/:id/report",
    {
      config: report,
      schema: {
        tags,
        summary: "Report a comment to the operators (once per member: again updates the report)",
        params: idParams,
        body: reportInput,
        response: { 200: reportOut },
      },
    },
    async (req) => fileReport(memberScopeOf(req), { type: "comment", id: req.params.id }, req.body),
  );

  app.post(
    "/n/:slug/messages/:id/messages/:messageId/report",
    {
      config: report,
      schema: {
        tags,
        summary: "Report a direct message to the operators (participants only; once per member)",
        params: messageParams,
        body: reportInput,
        response: { 200: reportOut },
      },
    },
    async (req) =>
      fileReport(
        memberScopeOf(req),
        { type: "message", id: req.params.messageId, conversationId: req.params.id },
        req.body,
      ),
  );

  app.get(
    "/n/:slug/admin/moderation",
    {
      config: review,
      schema: {
        tags,
        summary:
          "The moderation queue (open) or its history (resolved), most recently reported first (operators)",
        params: slugParams,
        querystring: queueQuery,
        response: { 200: queueOut },
      },
    },
    async (req) => moderationQueue(memberScopeOf(req), req.query),
  );

  app.get(
    "/n/:slug/admin/moderation/count",
    {
      config: review,
      schema: {
        tags,
        summary: "Open moderation cases (the badge in the operators' navigation)",
        params: slugParams,
        response: { 200: countOut },
      },
    },
    async (req) => openCases(memberScopeOf(req)),
  );

  app.get(
    "/n/:slug/admin/moderation/settings",
    {
      config: review,
      schema: {
        tags,
        summary: "The report threshold: distinct reporters that hide a post or comment pending review",
        params: slugParams,
        response: { 200: settingsIO },
      },
    },
    async (req) => moderationSettings(memberScopeOf(req)),
  );

  app.put(
    "/n/:slug/admin/moderation/settings",
    {
      config: review,
      schema: {
        tags,
        summary: "Set the report threshold (1–50); audited",
        params: slugParams,
        body: settingsIO,
        response: { 200: settingsIO },
      },
    },
    async (req) => changeModerationSettings(memberScopeOf(req), req.body),
  );

  app.get(
    "/n/:slug/admin/moderation/:id",
    {
      config: review,
      schema: { tags, summary: "One moderation case", params: idParams, response: { 200: caseOut } },
    },
    async (req) => getCase(memberScopeOf(req), req.params.id),
  );

  app.post(
    "/n/:slug/admin/moderation/:id/actions",
    {
      config: review,
      schema: {
        tags,
        summary:
          "Act on a case with a reason: dismiss, hide, restore (these resolve it), warn or suspend the author; audited",
        params: idParams,
        body: actionInput,
        response: { 200: caseOut },
      },
    },
    async (req) => actOn(memberScopeOf(req), req.params.id, req.body),
  );

  app.get(
    "/n/:slug/admin/audit",
    {
      config: { access: access.member(moderationPolicy.audit) },
      schema: {
        tags: ["audit"],
        summary: "The audit log: who did what, when and why, newest first; by action and days (operators)",
        params: slugParams,
        querystring: auditQuery,
        response: { 200: auditOut },
      },
    },
    async (req) => auditEntries(memberScopeOf(req), req.query),
  );
}

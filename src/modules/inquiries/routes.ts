// The operators' desk (お問い合わせ): members open inquiries and follow them; operators share an
// inbox, reply, assign, change status, keep saved replies and set the business hours.
import { access, memberScopeOf, networkScope } from "../../server/access.ts";
import type { FastifyZod } from "../../server/http.ts";
import { errors } from "../../shared/errors.ts";
import {
  contentDisposition,
  findAttachment,
  removeUpload,
  uploadAttachment,
  uploadedFile,
} from "./attachments.ts";
import { inquiriesPolicy } from "./policy.ts";
import { deskStats, inbox, myInquiries, thread } from "./read.ts";
import { createSavedReply, deleteSavedReply, listSavedReplies, updateSavedReply } from "./saved-replies.ts";
import {
  assigneeInput,
  attachmentOut,
  attachmentParams,
  businessHoursInput,
  businessHoursOut,
  deskStatsOut,
  inboxQuery,
  inquiryListOut,
  inquiryParams,
  inquiryThreadOut,
  messageInput,
  mineQuery,
  openInquiryInput,
  replyInput,
  savedReplyInput,
  savedReplyListOut,
  savedReplyOut,
  savedReplyParams,
  slugParams,
  statusInput,
} from "./schemas.ts";
import {
  assignInquiry,
  changeStatus,
  closeOwnInquiry,
  followUp,
  loadReadable,
  openInquiry,
  replyToInquiry,
} from "./service.ts";
import { getBusinessHours, setBusinessHours } from "./settings.ts";

const tags = ["inquiries"];
const member = { access: access.member(inquiriesPolicy.open) };
const reader = { access: access.member(inquiriesPolicy.read) };
const owner = { access: access.member(inquiriesPolicy.own) };
const operator = { access: access.member(inquiriesPolicy.manage) };

export default async function inquiriesRoutes(app: FastifyZod) {
  app.get(
    "/n/:slug/inquiries",
    {
      config: operator,
      schema: {
        tags,
        summary: "The shared inbox: inquiries by latest activity, with response times (operators)",
        params: slugParams,
        querystring: inboxQuery,
        response: { 200: inquiryListOut },
      },
    },
    async (req) => inbox(networkScope(req), req.query),
  );

  app.get(
    "/n/:slug/inquiries/stats",
    {
      config: operator,
      schema: {
        tags,
        summary:
          "Median first and next response times over the last 30 days, in business minutes (operators)",
        params: slugParams,
        response: { 200: deskStatsOut },
      },
    },
    async (req) => deskStats(networkScope(req)),
  );

  app.get(
    "/n/:slug/inquiries/mine",
    {
      config: member,
      schema: {
        tags,
        summary: "The inquiries I opened",
        params: slugParams,
        querystring: mineQuery,
        response: { 200: inquiryListOut },
      },
    },
    async (req) => myInquiries(memberScopeOf(req), req.query),
  );

  app.post(
    "/n/:slug/inquiries",
    {
      config: member,
      schema: {
        tags,
        summary: "Open an inquiry (the operators are told by mail)",
        params: slugParams,
        body: openInquiryInput,
        response: { 201: inquiryThreadOut },
      },
    },
    async (req, reply) => {
      const scope = memberScopeOf(req);
      const id = await openInquiry(scope, req.body);
      reply.code(201);
      return thread(scope, id);
    },
  );

  app.post(
    "/n/:slug/inquiries/attachments",
    {
      config: member,
      schema: {
        tags,
        summary:
          "Upload a file to attach to a message (multipart field `file`: PDF, JPEG or PNG by content, at most 10 MB; pictures lose their metadata). Attach it with `attachmentIds` within 24 hours",
        consumes: ["multipart/form-data"],
        params: slugParams,
        response: { 201: attachmentOut },
      },
    },
    async (req, reply) => {
      const scope = memberScopeOf(req);
      const out = await uploadAttachment(scope, await uploadedFile(req));
      reply.code(201);
      return out;
    },
  );

  app.delete(
    "/n/:slug/inquiries/attachments/:id",
    {
      config: member,
      schema: { tags, summary: "Remove a file I uploaded and have not sent yet", params: inquiryParams },
    },
    async (req, reply) => {
      await removeUpload(memberScopeOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    "/n/:slug/inquiries/:id",
    {
      config: reader,
      schema: {
        tags,
        summary: "An inquiry and its messages (the member who opened it, or an operator)",
        params: inquiryParams,
        response: { 200: inquiryThreadOut },
      },
    },
    async (req) => thread(networkScope(req), req.params.id),
  );

  app.get(
    "/n/:slug/inquiries/:id/attachments/:attachmentId",
    {
      config: reader,
      schema: {
        tags,
        summary: "Download an attachment (the member who opened the inquiry, or an operator)",
        params: attachmentParams,
      },
    },
    async (req, reply) => {
      const scope = networkScope(req);
      await loadReadable(scope, req.params.id);
      const found = await findAttachment(scope.db, scope.network.id, req.params.id, req.params.attachmentId);
      const file = found && (await scope.ctx.storage.get(found.storageKey));
      if (!found || !file) throw errors.notFound({ ja: "添付ファイル", en: "attachment" });
      return reply
        .header("cache-control", "private, no-store")
        .header("content-disposition", contentDisposition(found.fileName))
        .header("content-security-policy", "sandbox; default-src 'none'")
        .header("content-length", file.size)
        .type(found.mime)
        .send(file.stream);
    },
  );

  app.post(
    "/n/:slug/inquiries/:id/messages",
    {
      config: owner,
      schema: {
        tags,
        summary: "Write again in my inquiry (it waits for the operators again)",
        params: inquiryParams,
        body: messageInput,
        response: { 200: inquiryThreadOut },
      },
    },
    async (req) => {
      const scope = memberScopeOf(req);
      await followUp(scope, req.params.id, req.body);
      return thread(scope, req.params.id);
    },
  );

  app.post(
    "/n/:slug/inquiries/:id/close",
    {
      config: owner,
      schema: {
        tags,
        summary: "Close my inquiry",
        params: inquiryParams,
        response: { 200: inquiryThreadOut },
      },
    },
    async (req) => {
      const scope = memberScopeOf(req);
      await closeOwnInquiry(scope, req.params.id);
      return thread(scope, req.params.id);
    },
  );

  app.post(
    "/n/:slug/inquiries/:id/replies",
    {
      config: operator,
      schema: {
        tags,
        summary: "Reply to an inquiry; the member gets a mail at once (operators)",
        params: inquiryParams,
        body: replyInput,
        response: { 200: inquiryThreadOut },
      },
    },
    async (req) => {
      const scope = networkScope(req);
      await replyToInquiry(scope, req.params.id, req.body);
      return thread(scope, req.params.id);
    },
  );

  app.put(
    "/n/:slug/inquiries/:id/status",
    {
      config: operator,
      schema: {
        tags,
        summary: "Mark an inquiry answered or closed, or reopen it; audited (operators)",
        params: inquiryParams,
        body: statusInput,
        response: { 200: inquiryThreadOut },
      },
    },
    async (req) => {
      const scope = networkScope(req);
      await changeStatus(scope, req.params.id, req.body.status);
      return thread(scope, req.params.id);
    },
  );

  app.put(
    "/n/:slug/inquiries/:id/assignee",
    {
      config: operator,
      schema: {
        tags,
        summary: "Assign an inquiry to an operator, or to nobody; audited (operators)",
        params: inquiryParams,
        body: assigneeInput,
        response: { 200: inquiryThreadOut },
      },
    },
    async (req) => {
      const scope = networkScope(req);
      await assignInquiry(scope, req.params.id, req.body.assigneeId);
      return thread(scope, req.params.id);
    },
  );

  app.get(
    "/n/:slug/saved-replies",
    {
      config: operator,
      schema: {
        tags,
        summary: "Saved replies (定型文) of the network, by title (operators)",
        params: slugParams,
        response: { 200: savedReplyListOut },
      },
    },
    async (req) => ({ items: await listSavedReplies(networkScope(req)) }),
  );

  app.post(
    "/n/:slug/saved-replies",
    {
      config: operator,
      schema: {
        tags,
        summary: "Save a reply text (operators; audited)",
        params: slugParams,
        body: savedReplyInput,
        response: { 201: savedReplyOut },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return createSavedReply(networkScope(req), req.body);
    },
  );

  app.put(
    "/n/:slug/saved-replies/:id",
    {
      config: operator,
      schema: {
        tags,
        summary: "Change a saved reply (operators; audited)",
        params: savedReplyParams,
        body: savedReplyInput,
        response: { 200: savedReplyOut },
      },
    },
    async (req) => updateSavedReply(networkScope(req), req.params.id, req.body),
  );

  app.delete(
    "/n/:slug/saved-replies/:id",
    {
      config: operator,
      schema: { tags, summary: "Delete a saved reply (operators; audited)", params: savedReplyParams },
    },
    async (req, reply) => {
      await deleteSavedReply(networkScope(req), req.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    "/n/:slug/settings/business-hours",
    {
      config: operator,
      schema: {
        tags,
        summary: "The desk's business hours, response times are measured in (operators)",
        params: slugParams,
        response: { 200: businessHoursOut },
      },
    },
    async (req) => getBusinessHours(networkScope(req)),
  );

  app.put(
    "/n/:slug/settings/business-hours",
    {
      config: operator,
      schema: {
        tags,
        summary:
          "Set the business hours: start–end, weekdays, time zone, Japanese holidays off (operators; audited)",
        params: slugParams,
        body: businessHoursInput,
        response: { 200: businessHoursOut },
      },
    },
    async (req) => setBusinessHours(networkScope(req), req.body),
  );
}

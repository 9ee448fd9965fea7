import { access, memberScopeOf } from "../../server/access.ts";
import type { FastifyZod } from "../../server/http.ts";
import { contentDisposition } from "../inquiries/index.ts";
import {
  addNote,
  applicationFile,
  apply,
  appointReviewer,
  board,
  dismissReviewer,
  getApplication,
  moveStage,
  myApplications,
  postMessage,
  uploadCv,
  withdraw,
} from "./applications.ts";
import { inviteToApply, matchesFor } from "./matches.ts";
import { opportunitiesPolicy } from "./policy.ts";
import referralRoutes from "./referral-routes.ts";
import {
  applicationOut,
  applicationParams,
  applyInput,
  boardOut,
  inviteInput,
  inviteOut,
  matchesOut,
  matchesQuery,
  messageInput,
  myApplicationsOut,
  noteInput,
  opportunityAdminQuery,
  opportunityInput,
  opportunityListOut,
  opportunityListQuery,
  opportunityOut,
  opportunityParams,
  opportunityPatch,
  returnInput,
  reviewerParams,
  revisionListOut,
  settingsInput,
  settingsOut,
  slugParams,
  stageInput,
  uploadOut,
  withdrawInput,
} from "./schemas.ts";
import {
  adminOpportunities,
  approveOpportunity,
  closeOpportunity,
  createOpportunity,
  duplicateOpportunity,
  editOpportunity,
  getOpportunity,
  getSettings,
  listOpportunities,
  opportunityRevisions,
  publishOpportunity,
  putSettings,
  reconfirmOpportunity,
  reopenOpportunity,
  returnOpportunity,
} from "./service.ts";

const tags = ["opportunities"];
const read = { access: access.member(opportunitiesPolicy.read) };
const manage = { access: access.member(opportunitiesPolicy.manage) };
const approve = { access: access.member(opportunitiesPolicy.approve) };
const applyRule = { access: access.member(opportunitiesPolicy.apply) };
const review = { access: access.member(opportunitiesPolicy.review) };
const readApplication = { access: access.member(opportunitiesPolicy.readApplication) };

export default async function opportunitiesRoutes(app: FastifyZod) {
  app.get(
    "/n/:slug/opportunities",
    {
      config: read,
      schema: {
        tags,
        summary:
          "Postings (rehire openings, 業務委託 projects): open to me (filters, Japanese search), mine, pending approval or all (operators); newest first",
        params: slugParams,
        querystring: opportunityListQuery,
        response: { 200: opportunityListOut },
      },
    },
    async (req) => listOpportunities(memberScopeOf(req), req.query),
  );

  app.get(
    "/n/:slug/admin/opportunities",
    {
      config: approve,
      schema: {
        tags,
        summary:
          "Every posting of the network, or those in one status (pending: the approval queue), newest first (operators)",
        params: slugParams,
        querystring: opportunityAdminQuery,
        response: { 200: opportunityListOut },
      },
    },
    async (req) => adminOpportunities(memberScopeOf(req), req.query),
  );

  app.post(
    "/n/:slug/opportunities",
    {
      config: { access: access.member(opportunitiesPolicy.create) },
      schema: {
        tags,
        summary:
          "Post an opening or a project (employees, operators): a draft, or published (or sent for approval)",
        params: slugParams,
        body: opportunityInput,
        response: { 201: opportunityOut },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return createOpportunity(memberScopeOf(req), req.body);
    },
  );

  app.get(
    "/n/:slug/opportunities/settings",
    {
      config: { access: access.member(opportunitiesPolicy.settings) },
      schema: {
        tags,
        summary: "The network's rules for postings: operator approval of employees' postings, reconfirm days",
        params: slugParams,
        response: { 200: settingsOut },
      },
    },
    async (req) => getSettings(memberScopeOf(req)),
  );

  app.put(
    "/n/:slug/opportunities/settings",
    {
      config: { access: access.member(opportunitiesPolicy.settings) },
      schema: {
        tags,
        summary: "Change the network's rules for postings",
        params: slugParams,
        body: settingsInput,
        response: { 200: settingsOut },
      },
    },
    async (req) => putSettings(memberScopeOf(req), req.body),
  );

  app.get(
    "/n/:slug/opportunities/:id",
    {
      config: read,
      schema: {
        tags,
        summary:
          "One posting (404 outside my audience, a draft I did not make, or no longer current for alumni)",
        params: opportunityParams,
        response: { 200: opportunityOut },
      },
    },
    async (req) => getOpportunity(memberScopeOf(req), req.params.id),
  );

  app.patch(
    "/n/:slug/opportunities/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "Edit a posting (its poster, operators); the previous content is kept as a revision",
        params: opportunityParams,
        body: opportunityPatch,
        response: { 200: opportunityOut },
      },
    },
    async (req) => editOpportunity(memberScopeOf(req), req.params.id, req.body),
  );

  app.get(
    "/n/:slug/opportunities/:id/revisions",
    {
      config: manage,
      schema: {
        tags,
        summary: "A posting's history: every saved version, newest first",
        params: opportunityParams,
        response: { 200: revisionListOut },
      },
    },
    async (req) => opportunityRevisions(memberScopeOf(req), req.params.id),
  );

  const action = (
    path: string,
    summary: string,
    fn: (scope: ReturnType<typeof memberScopeOf>, id: string) => Promise<unknown>,
    config = manage,
  ) =>
    app.post(
      `/n/:slug/opportunities/:id/${path}`,
      { config, schema: { tags, summary, params: opportunityParams, response: { 200: opportunityOut } } },
      async (req) => fn(memberScopeOf(req), req.params.id) as Promise<never>,
    );
  action(
    "publish",
    "Publish a draft or returned posting (or send it for approval, when the network asks)",
    publishOpportunity,
  );
  action("approve", "Approve an employee's posting (operators): it goes up", approveOpportunity, approve);
  action("close", "Close a posting now", closeOpportunity);
  action("reopen", "Reopen a closed posting (closing date ahead, openings not filled)", reopenOpportunity);
  action(
    "reconfirm",
    "Confirm the posting is still accurate and current (Freelance Act)",
    reconfirmOpportunity,
  );

  app.post(
    "/n/:slug/opportunities/:id/duplicate",
    {
      config: manage,
      schema: {
        tags,
        summary: "A new draft with the same content",
        params: opportunityParams,
        response: { 201: opportunityOut },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return duplicateOpportunity(memberScopeOf(req), req.params.id);
    },
  );

  app.post(
    "/n/:slug/opportunities/:id/return",
    {
      config: approve,
      schema: {
        tags,
        summary: "Return an employee's posting to its poster with a reason (operators)",
        params: opportunityParams,
        body: returnInput,
        response: { 200: opportunityOut },
      },
    },
    async (req) => returnOpportunity(memberScopeOf(req), req.params.id, req.body.reason),
  );

  // --- Applications and the pipeline ------------------------------------------------------------

  app.post(
    "/n/:slug/opportunities/uploads",
    {
      config: applyRule,
      schema: {
        tags,
        summary:
          "Upload a CV for an application (multipart field `file`: a PDF by its content, at most 10 MB); attach it with `fileId` within 24 hours",
        consumes: ["multipart/form-data"],
        params: slugParams,
        response: { 201: uploadOut },
      },
    },
    async (req, reply) => {
      const out = await uploadCv(memberScopeOf(req), req);
      reply.code(201);
      return out;
    },
  );

  app.post(
    "/n/:slug/opportunities/:id/applications",
    {
      config: applyRule,
      schema: {
        tags,
        summary:
          "Apply in one click: a motivation, optionally a CV and the profile fields I share (409 APPLICATION_DUPLICATE when I already applied)",
        params: opportunityParams,
        body: applyInput,
        response: { 201: applicationOut },
      },
    },
    async (req, reply) => {
      const out = await apply(memberScopeOf(req), req.params.id, req.body);
      reply.code(201);
      return out;
    },
  );

  app.get(
    "/n/:slug/opportunities/:id/applications",
    {
      config: review,
      schema: {
        tags,
        summary:
          "The posting's board: every application with its stage and rating (its reviewers, operators)",
        params: opportunityParams,
        response: { 200: boardOut },
      },
    },
    async (req) => board(memberScopeOf(req), req.params.id),
  );

  app.get(
    "/n/:slug/opportunities/:id/matches",
    {
      config: review,
      schema: {
        tags,
        summary:
          "Alumni who fit the posting best, each with why (only alumni who opted in to offers of its type, with what the viewer may see)",
        params: opportunityParams,
        querystring: matchesQuery,
        response: { 200: matchesOut },
      },
    },
    async (req) => matchesFor(memberScopeOf(req), req.params.id, req.query),
  );

  app.post(
    "/n/:slug/opportunities/:id/invites",
    {
      config: review,
      schema: {
        tags,
        summary: "Invite alumni to apply (one click from the matches); each is told once",
        params: opportunityParams,
        body: inviteInput,
        response: { 200: inviteOut },
      },
    },
    async (req) => inviteToApply(memberScopeOf(req), req.params.id, req.body.userIds),
  );

  app.put(
    "/n/:slug/opportunities/:id/reviewers/:userId",
    {
      config: manage,
      schema: {
        tags,
        summary: "Add a co-reviewer (an employee or operator)",
        params: reviewerParams,
        response: { 200: boardOut },
      },
    },
    async (req) => appointReviewer(memberScopeOf(req), req.params.id, req.params.userId),
  );

  app.delete(
    "/n/:slug/opportunities/:id/reviewers/:userId",
    {
      config: manage,
      schema: { tags, summary: "Remove a co-reviewer", params: reviewerParams, response: { 200: boardOut } },
    },
    async (req) => dismissReviewer(memberScopeOf(req), req.params.id, req.params.userId),
  );

  app.get(
    "/n/:slug/applications",
    {
      config: applyRule,
      schema: {
        tags,
        summary: "My applications and their current stage",
        params: slugParams,
        response: { 200: myApplicationsOut },
      },
    },
    async (req) => myApplications(memberScopeOf(req)),
  );

  app.get(
    "/n/:slug/applications/:id",
    {
      config: readApplication,
      schema: {
        tags,
        summary:
          "An application: its applicant sees her stage and the thread; reviewers also the notes and who moved it",
        params: applicationParams,
        response: { 200: applicationOut },
      },
    },
    async (req) => getApplication(memberScopeOf(req), req.params.id),
  );

  app.get(
    "/n/:slug/applications/:id/file",
    {
      config: readApplication,
      schema: {
        tags,
        summary: "Download the application's CV (its applicant, its reviewers)",
        params: applicationParams,
      },
    },
    async (req, reply) => {
      const { file, name, mime } = await applicationFile(memberScopeOf(req), req.params.id);
      return reply
        .header("cache-control", "private, no-store")
        .header("content-disposition", contentDisposition(name))
        .header("content-security-policy", "sandbox; default-src 'none'")
        .header("content-length", file.size)
        .type(mime)
        .send(file.stream);
    },
  );

  app.post(
    "/n/:slug/applications/:id/stage",
    {
      config: review,
      schema: {
        tags,
        summary:
          "Move an application to another stage (reviewers); declines need a reason; the applicant is told",
        params: applicationParams,
        body: stageInput,
        response: { 200: applicationOut },
      },
    },
    async (req) => moveStage(memberScopeOf(req), req.params.id, req.body.stage, req.body.reason),
  );

  app.post(
    "/n/:slug/applications/:id/withdraw",
    {
      config: applyRule,
      schema: {
        tags,
        summary: "Withdraw my application while it is open",
        params: applicationParams,
        body: withdrawInput,
        response: { 200: applicationOut },
      },
    },
    async (req) => withdraw(memberScopeOf(req), req.params.id, req.body.reason),
  );

  app.post(
    "/n/:slug/applications/:id/notes",
    {
      config: review,
      schema: {
        tags,
        summary: "A private note with an optional 1–5 rating (reviewers; never shown to the applicant)",
        params: applicationParams,
        body: noteInput,
        response: { 200: applicationOut },
      },
    },
    async (req) => addNote(memberScopeOf(req), req.params.id, req.body.body, req.body.rating),
  );

  app.post(
    "/n/:slug/applications/:id/messages",
    {
      config: readApplication,
      schema: {
        tags,
        summary: "Write in the application's thread (its applicant, its reviewers)",
        params: applicationParams,
        body: messageInput,
        response: { 200: applicationOut },
      },
    },
    async (req) => postMessage(memberScopeOf(req), req.params.id, req.body.body),
  );

  // --- Referrals (リファラル): referral-routes.ts ------------------------------------------------
  await referralRoutes(app);
}

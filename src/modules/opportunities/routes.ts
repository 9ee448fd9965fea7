import { access, memberScopeOf } from "../../server/access.ts";
import type { FastifyZod } from "../../server/http.ts";
import { opportunitiesPolicy } from "./policy.ts";
import {
  opportunityAdminQuery,
  opportunityInput,
  opportunityListOut,
  opportunityListQuery,
  opportunityOut,
  opportunityParams,
  opportunityPatch,
  returnInput,
  revisionListOut,
  settingsInput,
  settingsOut,
  slugParams,
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
}

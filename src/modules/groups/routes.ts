import { access, memberScopeOf } from "../../server/access.ts";
import type { FastifyZod } from "../../server/http.ts";
import { groupsPolicy, supportersPolicy } from "./policy.ts";
import {
  adminInput,
  decisionInput,
  groupInput,
  groupListOut,
  groupListQuery,
  groupMemberParams,
  groupMembersOut,
  groupOut,
  groupParams,
  groupPatch,
  groupRequestsOut,
  inviteInput,
  newcomersOut,
  slugParams,
  watchIO,
} from "./schemas.ts";
import {
  createGroup,
  decideRequest,
  editGroup,
  getGroup,
  groupMembers,
  groupRequests,
  groupWatch,
  inviteToGroup,
  joinGroup,
  leaveGroup,
  listMyGroups,
  newcomers,
  removeFromGroup,
  setGroupAdmin,
  setGroupWatch,
} from "./service.ts";

const tags = ["groups"];
const member = { access: access.member(groupsPolicy.list) };
const moderate = { access: access.member(groupsPolicy.moderate) };
const manage = { access: access.member(groupsPolicy.manage) };

export default async function groupsRoutes(app: FastifyZod) {
  app.get(
    "/n/:slug/groups",
    {
      config: member,
      schema: {
        tags,
        summary: "The groups I may see (a secret group only to its members and operators), by name",
        params: slugParams,
        querystring: groupListQuery,
        response: { 200: groupListOut },
      },
    },
    async (req) => listMyGroups(memberScopeOf(req), req.query),
  );

  app.post(
    "/n/:slug/groups",
    {
      config: manage,
      schema: {
        tags,
        summary: "Create a group: open, closed or secret (operators)",
        params: slugParams,
        body: groupInput,
        response: { 201: groupOut },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return createGroup(memberScopeOf(req), req.body);
    },
  );

  app.get(
    "/n/:slug/groups/:id",
    {
      config: member,
      schema: {
        tags,
        summary: "One group (404 for a secret group to a non-member)",
        params: groupParams,
        response: { 200: groupOut },
      },
    },
    async (req) => getGroup(memberScopeOf(req), req.params.id),
  );

  app.patch(
    "/n/:slug/groups/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "Edit a group's name, description or kind, archive or restore it (operators; audited)",
        params: groupParams,
        body: groupPatch,
        response: { 200: groupOut },
      },
    },
    async (req) => editGroup(memberScopeOf(req), req.params.id, req.body),
  );

  app.put(
    "/n/:slug/groups/:id/membership",
    {
      config: member,
      schema: {
        tags,
        summary: "Join an open group at once, or ask to join a closed one",
        params: groupParams,
        response: { 200: groupOut },
      },
    },
    async (req) => joinGroup(memberScopeOf(req), req.params.id),
  );

  app.delete(
    "/n/:slug/groups/:id/membership",
    {
      config: member,
      schema: { tags, summary: "Leave a group, or take back one's request", params: groupParams },
    },
    async (req, reply) => {
      await leaveGroup(memberScopeOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    "/n/:slug/groups/:id/members",
    {
      config: member,
      schema: {
        tags,
        summary: "A group's members, admins first (an open group's: every member; others': its members)",
        params: groupParams,
        response: { 200: groupMembersOut },
      },
    },
    async (req) => groupMembers(memberScopeOf(req), req.params.id),
  );

  app.post(
    "/n/:slug/groups/:id/members",
    {
      config: moderate,
      schema: {
        tags,
        summary: "Add a member of the network to the group (operators and group admins; they are notified)",
        params: groupParams,
        body: inviteInput,
        response: { 200: groupMembersOut },
      },
    },
    async (req) => inviteToGroup(memberScopeOf(req), req.params.id, req.body.userId),
  );

  app.delete(
    "/n/:slug/groups/:id/members/:userId",
    {
      config: moderate,
      schema: {
        tags,
        summary: "Remove a member from the group (operators and group admins; audited)",
        params: groupMemberParams,
      },
    },
    async (req, reply) => {
      await removeFromGroup(memberScopeOf(req), req.params.id, req.params.userId);
      return reply.code(204).send();
    },
  );

  app.put(
    "/n/:slug/groups/:id/admins/:userId",
    {
      config: manage,
      schema: {
        tags,
        summary: "Appoint or remove a group admin (operators; employees, operators and supporters only)",
        params: groupMemberParams,
        body: adminInput,
        response: { 200: groupMembersOut },
      },
    },
    async (req) => setGroupAdmin(memberScopeOf(req), req.params.id, req.params.userId, req.body.admin),
  );

  app.get(
    "/n/:slug/groups/:id/requests",
    {
      config: moderate,
      schema: {
        tags,
        summary: "Requests to join waiting for a decision (operators and group admins)",
        params: groupParams,
        response: { 200: groupRequestsOut },
      },
    },
    async (req) => groupRequests(memberScopeOf(req), req.params.id),
  );

  app.put(
    "/n/:slug/groups/:id/requests/:userId",
    {
      config: moderate,
      schema: {
        tags,
        summary: "Approve or decline a request to join (the member is notified; audited)",
        params: groupMemberParams,
        body: decisionInput,
      },
    },
    async (req, reply) => {
      await decideRequest(memberScopeOf(req), req.params.id, req.params.userId, req.body.approve);
      return reply.code(204).send();
    },
  );

  app.get(
    "/n/:slug/groups/:id/watch",
    {
      config: member,
      schema: {
        tags,
        summary: "Whether I watch (every new post), follow normally or mute the group",
        params: groupParams,
        response: { 200: watchIO },
      },
    },
    async (req) => groupWatch(memberScopeOf(req), req.params.id),
  );

  app.put(
    "/n/:slug/groups/:id/watch",
    {
      config: member,
      schema: {
        tags,
        summary: "Watch, follow normally or mute the group (its members)",
        params: groupParams,
        body: watchIO,
        response: { 200: watchIO },
      },
    },
    async (req) => setGroupWatch(memberScopeOf(req), req.params.id, req.body.level),
  );

  app.get(
    "/n/:slug/newcomers",
    {
      config: { access: access.member(supportersPolicy.welcome) },
      schema: {
        tags,
        summary: "Members who joined in the last 30 days, to welcome (supporters and operators)",
        params: slugParams,
        response: { 200: newcomersOut },
      },
    },
    async (req) => newcomers(memberScopeOf(req)),
  );
}

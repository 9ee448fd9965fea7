import { access, networkScope } from "../../server/access.ts";
import { requestLang } from "../../server/context.ts";
import { sendCsv } from "../../server/csv-export.ts";
import type { FastifyZod } from "../../server/http.ts";
import { exportMembers } from "./export.ts";
import { membersPolicy } from "./policy.ts";
import { presentMember } from "./presenter.ts";
import {
  memberExportQuery,
  memberItemOut,
  memberListOut,
  memberListQuery,
  memberParams,
  memberPatchInput,
  myMembershipOut,
  slugParams,
} from "./schemas.ts";
import { changeMember, memberList } from "./service.ts";

const tags = ["members"];

export default async function membersRoutes(app: FastifyZod) {
  app.get(
    "/n/:slug/me",
    {
      config: { access: access.member(membersPolicy.me) },
      schema: {
        tags,
        summary: "My membership in this network",
        params: slugParams,
        response: { 200: myMembershipOut },
      },
    },
    async (req) => {
      const { network, member } = networkScope(req);
      if (!member) throw new Error("a member route reached without a member");
      return {
        network: { id: network.id, name: network.name, slug: network.slug },
        role: member.role,
        status: member.status as "active",
      };
    },
  );

  app.get(
    "/n/:slug/members",
    {
      config: { access: access.member(membersPolicy.manage) },
      schema: {
        tags,
        summary: "Members of the network, newest first (operators)",
        params: slugParams,
        querystring: memberListQuery,
        response: { 200: memberListOut },
      },
    },
    async (req) => {
      const { rows, total, nextCursor } = await memberList(networkScope(req), req.query);
      return { items: rows.map(presentMember), total, nextCursor };
    },
  );

  app.get(
    "/n/:slug/members/export.csv",
    {
      config: { access: access.member(membersPolicy.manage) },
      schema: {
        tags,
        summary: "The members list as CSV for Excel (UTF-8 with BOM, or Shift_JIS); audited (operators)",
        params: slugParams,
        querystring: memberExportQuery,
      },
    },
    async (req, reply) => {
      return sendCsv(reply, await exportMembers(networkScope(req), req.query, requestLang(req)));
    },
  );

  app.patch(
    "/n/:slug/members/:userId",
    {
      config: { access: access.member(membersPolicy.manage) },
      schema: {
        tags,
        summary:
          "Change a member's role, suspend or reinstate them (operators; not yourself, never the last operator)",
        params: memberParams,
        body: memberPatchInput,
        response: { 200: memberItemOut },
      },
    },
    async (req) => {
      const row = await changeMember(networkScope(req), req.params.userId, req.body);
      return presentMember(row);
    },
  );
}

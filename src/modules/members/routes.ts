// The caller's membership, and member administration for operators.
import { z } from "zod";
import { type AppContext, requireMember } from "../../server/context.ts";
import type { FastifyZod } from "../../server/modules.ts";
import { presentMember } from "./presenter.ts";
import {
  memberItemOut,
  memberListOut,
  memberListQuery,
  memberPatchInput,
  myMembershipOut,
} from "./schemas.ts";
import { changeMember, memberList } from "./service.ts";

const slugParams = z.object({ slug: z.string() });
const tags = ["members"];

export default async function membersRoutes(app: FastifyZod, ctx: AppContext) {
  app.get(
    "/n/:slug/me",
    {
      schema: {
        tags,
        summary: "My membership in this network",
        params: slugParams,
        response: { 200: myMembershipOut },
      },
    },
    async (req) => {
      const { network, member } = await requireMember(ctx, req, req.params.slug);
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
      schema: {
        tags,
        summary: "Members of the network, newest first (operators)",
        params: slugParams,
        querystring: memberListQuery,
        response: { 200: memberListOut },
      },
    },
    async (req) => {
      const { network } = await requireMember(ctx, req, req.params.slug, ["operator"]);
      const { rows, total, nextCursor } = await memberList(ctx, network.id, req.query);
      return { items: rows.map(presentMember), total, nextCursor };
    },
  );

  app.patch(
    "/n/:slug/members/:userId",
    {
      schema: {
        tags,
        summary:
          "Change a member's role, suspend or reinstate them (operators; not yourself, never the last operator)",
        params: z.object({ slug: z.string(), userId: z.string().min(1).max(100) }),
        body: memberPatchInput,
        response: { 200: memberItemOut },
      },
    },
    async (req) => {
      const { network, user } = await requireMember(ctx, req, req.params.slug, ["operator"]);
      const row = await changeMember(
        ctx,
        { userId: user.id, label: user.email },
        network.id,
        req.params.userId,
        req.body,
      );
      return presentMember(row);
    },
  );
}

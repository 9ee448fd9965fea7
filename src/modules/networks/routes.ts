import { z } from "zod";
import { type AppContext, findNetwork, requirePlatformAdmin, requireUser } from "../../server/context.ts";
import type { FastifyZod } from "../../server/modules.ts";
import { errors } from "../../shared/errors.ts";
import { presentNetwork, presentNotice } from "./presenter.ts";
import { allNetworks, latestNotice, myNetworks } from "./queries.ts";
import {
  adminNetworkOut,
  createNetworkInput,
  myNetworkOut,
  publicNetworkOut,
  setupInput,
} from "./schemas.ts";
import { createNetwork, findUserIdByEmail, runSetup, setNetworkStatus, setupNeeded } from "./service.ts";

export default async function networkRoutes(app: FastifyZod, ctx: AppContext) {
  app.get(
    "/setup",
    {
      schema: {
        tags: ["setup"],
        summary: "Whether first-run setup is needed",
        response: { 200: z.object({ needed: z.boolean() }) },
      },
    },
    async () => ({ needed: await setupNeeded(ctx) }),
  );

  app.post(
    "/setup",
    {
      schema: {
        tags: ["setup"],
        summary: "First run: create the platform admin and the first network",
        body: setupInput,
        response: { 201: z.object({ networkSlug: z.string() }) },
      },
    },
    async (req, reply) => {
      await runSetup(ctx, req.body);
      return reply.status(201).send({ networkSlug: req.body.network.slug });
    },
  );

  app.get(
    "/me",
    {
      schema: {
        tags: ["me"],
        summary: "The signed-in user and their networks",
        response: {
          200: z.object({
            user: z.object({
              id: z.string(),
              name: z.string(),
              email: z.string(),
              platformAdmin: z.boolean(),
              locale: z.enum(["ja", "en"]),
            }),
            networks: z.array(myNetworkOut),
          }),
        },
      },
    },
    async (req) => {
      const u = await requireUser(ctx, req);
      const networks = await myNetworks(ctx.db, u.id);
      return {
        user: { id: u.id, name: u.name, email: u.email, platformAdmin: u.platformAdmin, locale: u.locale },
        networks: networks.map((n) => ({ ...n, role: n.role as "operator" | "employee" | "alumni" })),
      };
    },
  );

  app.get(
    "/networks/:slug/public",
    {
      schema: {
        tags: ["networks"],
        summary: "Public facts of a network for its registration page: name and current privacy notice",
        params: z.object({ slug: z.string() }),
        response: { 200: publicNetworkOut },
      },
    },
    async (req) => {
      const n = await findNetwork(ctx.db, req.params.slug);
      if (n?.status !== "active") throw errors.notFound({ ja: "ネットワーク", en: "network" });
      const notice = await latestNotice(ctx.db, n.id);
      return { name: n.name, slug: n.slug, privacyNotice: notice ? presentNotice(notice) : null };
    },
  );

  app.get(
    "/admin/networks",
    {
      schema: {
        tags: ["admin"],
        summary: "All networks (platform admin)",
        response: { 200: z.object({ networks: z.array(adminNetworkOut) }) },
      },
    },
    async (req) => {
      await requirePlatformAdmin(ctx, req);
      const rows = await allNetworks(ctx.db);
      return {
        networks: rows.map((r) => ({
          ...presentNetwork(r),
          memberCount: r.memberCount,
          operatorCount: r.operatorCount,
        })),
      };
    },
  );

  app.post(
    "/admin/networks",
    {
      schema: {
        tags: ["admin"],
        summary: "Create a network (platform admin)",
        body: createNetworkInput,
        response: { 201: z.object({ id: z.string(), slug: z.string() }) },
      },
    },
    async (req, reply) => {
      const admin = await requirePlatformAdmin(ctx, req);
      const operatorId = req.body.operatorEmail
        ? await findUserIdByEmail(ctx, req.body.operatorEmail)
        : admin.id;
      const id = await createNetwork(ctx, { userId: admin.id, label: admin.email }, req.body, operatorId);
      return reply.status(201).send({ id, slug: req.body.slug });
    },
  );

  app.patch(
    "/admin/networks/:id",
    {
      schema: {
        tags: ["admin"],
        summary: "Suspend or reactivate a network (platform admin)",
        params: z.object({ id: z.string() }),
        body: z.object({ status: z.enum(["active", "suspended"]) }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      const admin = await requirePlatformAdmin(ctx, req);
      await setNetworkStatus(ctx, { userId: admin.id, label: admin.email }, req.params.id, req.body.status);
      return { ok: true as const };
    },
  );
}

import fs from "node:fs";
import { z } from "zod";
import { access, networkScope, signedInScope } from "../../server/access.ts";
import type { FastifyZod } from "../../server/http.ts";
import type { PublicScope } from "../../server/scope.ts";
import { twoFactorRequired } from "../../server/two-factor.ts";
import { errors } from "../../shared/errors.ts";
import { uploadedImage } from "../profiles/index.ts";
import { openApplications } from "../registration/index.ts";
import { branding, logoFile, removeLogo, setLogo, updateBranding } from "./branding.ts";
import { networksPolicy } from "./policy.ts";
import {
  adminNetworkOut,
  brandingInput,
  brandOut,
  createNetworkInput,
  myNetworkOut,
  networkIdParams,
  publicNetworkOut,
  setupInput,
  slugParams,
} from "./schemas.ts";
import {
  createNetwork,
  findUserIdByEmail,
  networkList,
  networksOf,
  publicNetwork,
  runSetup,
  setNetworkStatus,
  setupNeeded,
} from "./service.ts";

const admin = { access: access.platformAdmin() };
const brand = { access: access.member(networksPolicy.brand) };

export default async function networkRoutes(app: FastifyZod) {
  app.get(
    "/n/:slug/branding",
    {
      config: brand,
      schema: {
        tags: ["networks"],
        summary: "The network's logo and accent colour",
        params: slugParams,
        response: { 200: brandOut },
      },
    },
    async (req) => branding(networkScope(req)),
  );

  app.put(
    "/n/:slug/branding",
    {
      config: brand,
      schema: {
        tags: ["networks"],
        summary: "Set the accent colour (#rrggbb, or null for the product's own); audited",
        params: slugParams,
        body: brandingInput,
        response: { 200: brandOut },
      },
    },
    async (req) => updateBranding(networkScope(req), req.body),
  );

  app.post(
    "/n/:slug/branding/logo",
    {
      config: brand,
      schema: {
        tags: ["networks"],
        summary: "Upload the company logo (multipart field `file`: JPEG, PNG or WebP, at most 2 MB); audited",
        consumes: ["multipart/form-data"],
        params: slugParams,
        response: { 200: brandOut },
      },
    },
    async (req) => setLogo(networkScope(req), await uploadedImage(req)),
  );

  app.delete(
    "/n/:slug/branding/logo",
    {
      config: brand,
      schema: {
        tags: ["networks"],
        summary: "Remove the company logo; audited",
        params: slugParams,
        response: { 200: brandOut },
      },
    },
    async (req) => removeLogo(networkScope(req)),
  );

  app.get(
    "/networks/:slug/logo",
    {
      config: { access: access.public("a company's logo is public by nature; only active networks") },
      schema: { tags: ["networks"], summary: "The network's logo image (404 when none)", params: slugParams },
    },
    async (req, reply) => {
      const file = await logoFile(req.scope as PublicScope, req.params.slug);
      const stat = await fs.promises.stat(file.abs).catch(() => null);
      if (!stat?.isFile()) throw errors.notFound({ ja: "ロゴ", en: "logo" });
      return reply
        .header("cache-control", "public, max-age=86400")
        .header("content-length", stat.size)
        .type(file.mime)
        .send(fs.createReadStream(file.abs));
    },
  );

  app.get(
    "/setup",
    {
      config: { access: access.public("tells only whether first-run setup is still to be done") },
      schema: {
        tags: ["setup"],
        summary: "Whether first-run setup is needed",
        response: { 200: z.object({ needed: z.boolean() }) },
      },
    },
    async (req) => ({ needed: await setupNeeded(req.scope) }),
  );

  app.post(
    "/setup",
    {
      config: { access: access.public("first-run setup: allowed once, while no platform admin exists") },
      schema: {
        tags: ["setup"],
        summary: "First run: create the platform admin and the first network",
        body: setupInput,
        response: { 201: z.object({ networkSlug: z.string() }) },
      },
    },
    async (req, reply) => {
      await runSetup(req.scope, req.body);
      return reply.status(201).send({ networkSlug: req.body.network.slug });
    },
  );

  app.get(
    "/me",
    {
      config: { access: access.user() },
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
              twoFactor: z.object({
                /** Operators (of any network) and platform admins, unless REQUIRE_2FA=off. */
                required: z.boolean(),
                enabled: z.boolean(),
              }),
            }),
            networks: z.array(myNetworkOut),
            /** Registrations waiting for 在籍確認 (or refused) in networks I am not a member of. */
            applications: z.array(
              z.object({ slug: z.string(), name: z.string(), status: z.enum(["pending", "not_approved"]) }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const scope = signedInScope(req);
      const u = scope.user;
      const [networks, applications] = await Promise.all([
        networksOf(scope),
        openApplications(scope.db, u.id),
      ]);
      const required =
        twoFactorRequired(scope.ctx.config) &&
        (u.platformAdmin || networks.some((n) => n.role === "operator"));
      return {
        user: {
          id: u.id,
          name: u.name,
          email: u.email,
          platformAdmin: u.platformAdmin,
          locale: u.locale,
          twoFactor: { required, enabled: u.twoFactorEnabled },
        },
        networks,
        applications,
      };
    },
  );

  app.get(
    "/networks/:slug/public",
    {
      config: { access: access.public("name and privacy notice of an active network, for registration") },
      schema: {
        tags: ["networks"],
        summary: "Public facts of a network for its registration page: name and current privacy notice",
        params: slugParams,
        response: { 200: publicNetworkOut },
      },
    },
    async (req) => publicNetwork(req.scope as PublicScope, req.params.slug),
  );

  app.get(
    "/admin/networks",
    {
      config: admin,
      schema: {
        tags: ["admin"],
        summary: "All networks (platform admin)",
        response: { 200: z.object({ networks: z.array(adminNetworkOut) }) },
      },
    },
    async (req) => ({ networks: await networkList(signedInScope(req)) }),
  );

  app.post(
    "/admin/networks",
    {
      config: admin,
      schema: {
        tags: ["admin"],
        summary: "Create a network (platform admin)",
        body: createNetworkInput,
        response: { 201: z.object({ id: z.string(), slug: z.string() }) },
      },
    },
    async (req, reply) => {
      const scope = signedInScope(req);
      const operatorId = req.body.operatorEmail
        ? await findUserIdByEmail(scope, req.body.operatorEmail)
        : scope.user.id;
      const id = await createNetwork(scope, req.body, operatorId);
      return reply.status(201).send({ id, slug: req.body.slug });
    },
  );

  app.patch(
    "/admin/networks/:id",
    {
      config: admin,
      schema: {
        tags: ["admin"],
        summary: "Suspend or reactivate a network (platform admin)",
        params: networkIdParams,
        body: z.object({ status: z.enum(["active", "suspended"]) }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      await setNetworkStatus(signedInScope(req), req.params.id, req.body.status);
      return { ok: true as const };
    },
  );
}

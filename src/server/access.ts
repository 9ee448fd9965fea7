// Access rules, declared by every route in one place and checked by one hook.
//
//   app.get("/n/:slug/segments", { config: { access: access.member(segmentsPolicy.manage) }, schema }, (req) =>
//     segmentList(networkScope(req)));
//
// The hook runs before the body is validated (anonymous → 401 first), resolves who is asking,
// checks the rule and leaves the request scope (server/scope.ts) on `req.scope`. A route without a
// declaration makes the app fail to start; `declaredRoutes(app)` lists them all for the
// access-matrix test (src/test/access-matrix.test.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from "fastify";
import { errors } from "../shared/errors.ts";
import type { AppContext } from "./context.ts";
import { networkNotFound, requireUser, resolveMember, resolveToken } from "./guards.ts";
import type { Rule } from "./policy.ts";
import {
  type AnyScope,
  type MemberScope,
  publicScope,
  type Scope,
  type UserScope,
  userScope,
} from "./scope.ts";
import { assertSecondFactor } from "./two-factor.ts";

export type Access =
  /** Anyone: `why` says what makes that safe (shown in the access matrix). */
  | { kind: "public"; why: string }
  /** A signed-in user, in no particular network. */
  | { kind: "user" }
  /** The installation's platform admin. */
  | { kind: "platformAdmin" }
  /** An active member of the network `:slug` (or one of its API tokens) who passes `rule`. */
  | { kind: "network"; rule: Rule<any> };

export const access = {
  public: (why: string): Access => ({ kind: "public", why }),
  user: (): Access => ({ kind: "user" }),
  platformAdmin: (): Access => ({ kind: "platformAdmin" }),
  /** `rule` is checked without a resource here; rules on a resource are checked again in the service. */
  member: (rule: Rule<any>): Access => ({ kind: "network", rule }),
};

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    scope: AnyScope;
  }
}

export type DeclaredRoute = { method: string; url: string; access: Access; schema: RouteOptions["schema"] };

const declared = new WeakMap<FastifyInstance, DeclaredRoute[]>();

/** Every route the app registered, with its access rule. */
export function declaredRoutes(app: FastifyInstance): DeclaredRoute[] {
  return declared.get(app) ?? [];
}

/** Routes of the API documentation UI and the web UI's static files, which are public by nature. */
const isThirdPartyPublic = (url: string) =>
  url.startsWith("/api/docs") || (!url.startsWith("/api/") && url !== "/healthz");

/** Slugs as networks are created with (networks/schemas.ts); anything else names no network. */
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export function registerAccess(app: FastifyInstance, ctx: AppContext) {
  const list: DeclaredRoute[] = [];
  declared.set(app, list);
  app.addHook("onRoute", (route) => {
    let rule = route.config?.access;
    if (!rule && isThirdPartyPublic(route.url)) {
      rule = access.public("documentation or web asset");
      route.config = { ...route.config, access: rule };
    }
    if (!rule) throw new Error(`${route.method} ${route.url} declares no access rule (config.access)`);
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") list.push({ method, url: route.url, access: rule, schema: route.schema });
    }
  });
  app.decorateRequest("scope", null as any);
  app.addHook("preValidation", async (req, reply) => {
    if (req.is404) return; // the not-found handler is no route: nothing to guard, it answers 404
    const rule = req.routeOptions.config.access;
    if (!rule) throw new Error(`no access rule for ${req.method} ${req.url}`); // unreachable: onRoute refuses
    req.scope = await resolveAccess(ctx, req, reply, rule);
  });
}

async function resolveAccess(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, rule: Access) {
  switch (rule.kind) {
    case "public":
      return publicScope(ctx);
    case "user":
      return userScope(ctx, await requireUser(ctx, req, reply));
    case "platformAdmin": {
      const user = await requireUser(ctx, req, reply);
      if (!user.platformAdmin) throw errors.forbidden();
      assertSecondFactor(ctx.config, user);
      return userScope(ctx, user);
    }
    case "network": {
      const slug = (req.params as { slug?: unknown }).slug;
      if (typeof slug !== "string") throw new Error(`${req.routeOptions.url} has no :slug`);
      const scope =
        (rule.rule.tokens ? await resolveToken(ctx, req, slug) : null) ??
        (await memberOf(ctx, req, reply, slug));
      // An operator without a second factor yet: no route of the network (server/two-factor.ts).
      if (scope.member?.role === "operator") assertSecondFactor(ctx.config, scope.user);
      if (!rule.rule.check(scope, undefined)) throw errors.forbidden();
      return scope;
    }
  }
}

async function memberOf(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, slug: string) {
  if (!SLUG.test(slug)) {
    await requireUser(ctx, req, reply); // anonymous is told to sign in, as on any network route
    throw networkNotFound();
  }
  return resolveMember(ctx, req, reply, slug);
}

/** The scope of a route declared with `access.member(…)`. */
export function networkScope(req: FastifyRequest): Scope {
  const s = req.scope;
  if (!s || !("network" in s)) throw new Error(`${req.routeOptions.url} is not a network route`);
  return s;
}

/** The scope of a network route whose rule admits members only (not API tokens). */
export function memberScopeOf(req: FastifyRequest): MemberScope {
  const s = networkScope(req);
  if (!s.member || !s.user) throw new Error(`${req.routeOptions.url} admits API tokens: use networkScope`);
  return s as MemberScope;
}

/** The scope of a route declared with `access.user()` or `access.platformAdmin()`. */
export function signedInScope(req: FastifyRequest): UserScope {
  const s = req.scope;
  if (!s?.user || "network" in s) throw new Error(`${req.routeOptions.url} is not a signed-in route`);
  return s as UserScope;
}

// Forwards /api/auth/* to better-auth (a Fetch handler), for the endpoints the product uses.
import type { FastifyInstance } from "fastify";
import { errorBody, errors } from "../shared/errors.ts";
import { access } from "./access.ts";
import { AUTH_PATHS_OPEN } from "./auth.ts";
import { translateAuthError } from "./auth-errors.ts";
import { clearSignInFailures, recordSignInFailure, signInLocked, signInLockedFor } from "./auth-throttle.ts";
import { type AppContext, requestLang } from "./context.ts";
import { findUnstorable, toDetails } from "./text-guard.ts";

export async function registerAuthBridge(app: FastifyInstance, ctx: AppContext) {
  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    schema: { hide: true },
    // better-auth checks sessions, origins and rate limits on its own endpoints.
    config: { access: access.public("better-auth endpoints (AUTH_PATHS_OPEN)") },
    async handler(req, reply) {
      const url = new URL(req.url, ctx.config.baseUrl);
      const sub = url.pathname.slice("/api/auth".length);
      if (!AUTH_PATHS_OPEN.some((p) => sub === p || sub.startsWith(`${p}/`))) {
        return reply.status(404).send(errorBody(errors.notFound(), requestLang(req)));
      }
      // U+0000 or a lone surrogate would reach better-auth's queries and answer 500.
      const unstorable = findUnstorable(req.body, ["body"]);
      if (unstorable.length) {
        return reply.status(400).send(errorBody(errors.validation(toDetails(unstorable)), requestLang(req)));
      }
      // Failed sign-ins are limited per email address too, from whatever address they come.
      const email = signInEmail(ctx, sub, req.method, req.body);
      if (email) {
        const wait = await signInLockedFor(ctx.db, email);
        if (wait) {
          reply.header("retry-after", String(wait));
          return reply.status(429).send(errorBody(signInLocked(wait), requestLang(req)));
        }
      }
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) {
        if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : String(v));
      }
      // better-auth rate-limits by X-Forwarded-For: give it the address Fastify resolved (which
      // honours TRUST_PROXY), never a header the client wrote itself.
      headers.delete("x-real-ip");
      headers.set("x-forwarded-for", req.ip);
      const hasBody = req.method !== "GET" && req.body !== undefined;
      const res = await ctx.auth.handler(
        new Request(url, {
          method: req.method,
          headers,
          body: hasBody ? JSON.stringify(req.body) : undefined,
        }),
      );
      if (email && res.status === 401) await recordSignInFailure(ctx.db, email);
      else if (email && res.ok) await clearSignInFailures(ctx.db, email);
      reply.status(res.status);
      res.headers.forEach((value, key) => {
        // Fastify sets the length of what it sends (a JSON body may be rewritten below).
        if (key !== "set-cookie" && key !== "content-length") reply.header(key, value);
      });
      const cookies = res.headers.getSetCookie();
      if (cookies.length) reply.header("set-cookie", cookies);
      if (res.status >= 400 && res.headers.get("content-type")?.includes("application/json")) {
        const body = translateAuthError(res.status, await res.json().catch(() => null), {
          origin: req.headers.origin,
          baseUrl: ctx.config.baseUrl,
        });
        const lang = requestLang(req);
        if (body?.error) body.error.message = body.error.messages[lang];
        return reply.send(body);
      }
      if (res.headers.get("content-type")?.includes("application/json")) {
        const text = await res.text();
        try {
          return reply.send(withoutSessionTokens(JSON.parse(text)));
        } catch {
          return reply.send(text);
        }
      }
      return reply.send(res.body ? Buffer.from(await res.arrayBuffer()) : null);
    },
  });
}

/** The email of a password sign-in to count, when rate limits are on. */
function signInEmail(ctx: AppContext, sub: string, method: string, body: unknown): string | undefined {
  if (method !== "POST" || sub !== "/sign-in/email" || !ctx.auth.options.rateLimit?.enabled) return undefined;
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" && email.length <= 320 ? email : undefined;
}

/**
 * better-auth answers sign-in, sign-up, get-session and list-sessions with the session token in
 * the JSON. The cookie is HttpOnly so that page scripts cannot read the token; the JSON would
 * hand it to them anyway. The browser needs only the cookie.
 */
export function withoutSessionTokens(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(withoutSessionTokens);
  if (body === null || typeof body !== "object") return body;
  const { token: _token, ...rest } = body as Record<string, unknown>;
  if (rest.session && typeof rest.session === "object" && !Array.isArray(rest.session)) {
    const { token: _sessionToken, ...session } = rest.session as Record<string, unknown>;
    rest.session = session;
  }
  return rest;
}

// Cross-site request forgery: a state-changing API request that a browser sends with the session
// cookie must come from our own pages. SameSite=Lax cookies do not stop a same-site attacker (a
// sibling subdomain) and older browsers, so the Origin header (or, without one, Fetch Metadata)
// must name BASE_URL. API tokens (Authorization: Bearer) are not sent by browsers on their own,
// so they need no origin. /api/auth/* is left to better-auth's own origin check.
import type { FastifyInstance } from "fastify";
import { AppError } from "../shared/errors.ts";
import { originRefusedMessages, trustedOrigins } from "./origins.ts";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=/;

export const originRejected = (origin: string | undefined, baseUrl: string) =>
  new AppError(403, "ORIGIN_REJECTED", originRefusedMessages(origin, baseUrl));

export function registerOriginCheck(app: FastifyInstance, baseUrl: string) {
  const allowed = new Set(trustedOrigins(baseUrl));
  app.addHook("onRequest", async (req) => {
    if (!STATE_CHANGING.has(req.method)) return;
    if (!req.url.startsWith("/api/") || req.url.startsWith("/api/auth/")) return;
    if (/^bearer\s/i.test(req.headers.authorization ?? "")) return;
    if (!SESSION_COOKIE.test(req.headers.cookie ?? "")) return;
    const origin = req.headers.origin;
    const ok = origin ? allowed.has(origin) : req.headers["sec-fetch-site"] === "same-origin";
    if (!ok) throw originRejected(origin, baseUrl);
  });
}

import { access, memberScopeOf } from "../../server/access.ts";
import type { FastifyZod } from "../../server/http.ts";
import type { PublicScope } from "../../server/scope.ts";
import { notificationsPolicy } from "./policy.ts";
import {
  listOut,
  listQuery,
  prefsInput,
  prefsOut,
  readInput,
  slugParams,
  threadLevelIO,
  threadParams,
  unreadOut,
  unsubscribeOut,
  unsubscribeQuery,
} from "./schemas.ts";
import {
  myNotifications,
  myPreferences,
  myUnread,
  readNotifications,
  setThreadLevel,
  threadLevel,
  unsubscribe,
  updatePreferences,
} from "./service.ts";

const tags = ["notifications"];
const own = { access: access.member(notificationsPolicy.own) };

export default async function notificationsRoutes(app: FastifyZod) {
  // RFC 8058: mail clients unsubscribe with a form POST ("List-Unsubscribe=One-Click"); its body
  // says nothing the token does not (this parser serves this module's routes only).
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, _body, done) =>
    done(null, {}),
  );

  app.get(
    "/n/:slug/notifications",
    {
      config: own,
      schema: {
        tags,
        summary: "My notifications, newest first, with the unread count",
        params: slugParams,
        querystring: listQuery,
        response: { 200: listOut },
      },
    },
    async (req) => myNotifications(memberScopeOf(req), req.query),
  );

  app.get(
    "/n/:slug/notifications/unread",
    {
      config: own,
      schema: {
        tags,
        summary: "How many of my notifications are unread (the bell)",
        params: slugParams,
        response: { 200: unreadOut },
      },
    },
    async (req) => myUnread(memberScopeOf(req)),
  );

  app.post(
    "/n/:slug/notifications/read",
    {
      config: own,
      schema: {
        tags,
        summary: "Mark my notifications read (these, or all)",
        params: slugParams,
        body: readInput,
        response: { 200: unreadOut },
      },
    },
    async (req) => readNotifications(memberScopeOf(req), req.body.ids ?? "all"),
  );

  app.get(
    "/n/:slug/notifications/preferences",
    {
      config: own,
      schema: {
        tags,
        summary: "How I am notified of each kind, and my digest hour",
        params: slugParams,
        response: { 200: prefsOut },
      },
    },
    async (req) => myPreferences(memberScopeOf(req)),
  );

  app.put(
    "/n/:slug/notifications/preferences",
    {
      config: own,
      schema: {
        tags,
        summary: "Change how I am notified (per kind) and my digest hour",
        params: slugParams,
        body: prefsInput,
        response: { 200: prefsOut },
      },
    },
    async (req) => updatePreferences(memberScopeOf(req), req.body),
  );

  app.get(
    "/n/:slug/notifications/threads/:type/:id",
    {
      config: own,
      schema: {
        tags,
        summary: "Whether I watch, follow normally or mute a thread",
        params: threadParams,
        response: { 200: threadLevelIO },
      },
    },
    async (req) => ({ level: await threadLevel(memberScopeOf(req), req.params.type, req.params.id) }),
  );

  app.put(
    "/n/:slug/notifications/threads/:type/:id",
    {
      config: own,
      schema: {
        tags,
        summary: "Watch (every comment), follow normally, or mute a thread",
        params: threadParams,
        body: threadLevelIO,
        response: { 200: threadLevelIO },
      },
    },
    async (req) => setThreadLevel(memberScopeOf(req), req.params.type, req.params.id, req.body.level),
  );

  app.get(
    "/notifications/unsubscribe",
    {
      config: {
        access: access.public(
          "opens the unsubscribe page; changes nothing (a link prefetcher must not unsubscribe)",
        ),
      },
      schema: {
        tags,
        summary: "A mail client without one-click: the unsubscribe page, to confirm",
        querystring: unsubscribeQuery,
      },
    },
    async (req, reply) => reply.redirect(`/unsubscribe?token=${encodeURIComponent(req.query.token)}`, 303),
  );

  app.post(
    "/notifications/unsubscribe",
    {
      config: {
        access: access.public(
          "one-click unsubscribe (RFC 8058): the signed token names the member and the kind",
        ),
      },
      schema: {
        tags,
        summary: "Stop one kind of notification mail at once (List-Unsubscribe-Post)",
        querystring: unsubscribeQuery,
        response: { 200: unsubscribeOut },
      },
    },
    async (req) => unsubscribe((req.scope as PublicScope).ctx, req.query.token),
  );
}

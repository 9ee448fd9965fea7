// Builds the HTTP application: plugins, auth bridge, module routes, static web UI.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { errorBody, errors } from "../shared/errors.ts";
import { access, registerAccess } from "./access.ts";
import { registerAuthBridge } from "./auth-bridge.ts";
import { registerJsonParser } from "./body-encoding.ts";
import { type AppContext, requestLang } from "./context.ts";
import { clientErrorHandler, errorHandler, frameworkErrors } from "./http-errors.ts";
import { redactingLogger } from "./log-redact.ts";
import { modules } from "./modules.ts";
import { registerOriginCheck } from "./origin-check.ts";
import { registerTextGuard, storableValidatorCompiler } from "./text-guard.ts";

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/web");

export type App = FastifyInstance;

/** TRUST_PROXY: "false", "true" (the proxy overwrites X-Forwarded-For), a hop count, or proxy addresses. */
function trustProxy(v: string): boolean | number | string {
  if (v === "true" || v === "false") return v === "true";
  return /^\d+$/.test(v) ? Number(v) : v;
}

export async function buildApp(ctx: AppContext, opts: { serveWeb?: boolean } = {}): Promise<App> {
  const app = Fastify({
    // Logged errors without query parameters (emails, token hashes): see log-redact.ts.
    loggerInstance: redactingLogger(ctx.log) as any,
    logController: new LogController({
      disableRequestLogging: ctx.config.LOG_LEVEL !== "debug" && ctx.config.LOG_LEVEL !== "trace",
    }),
    // A hop count works at run time though Fastify's types omit it.
    trustProxy: trustProxy(ctx.config.TRUST_PROXY) as boolean | string,
    bodyLimit: 2 * 1024 * 1024,
    // Errors raised before routing (bad URL, too long parameter, too large headers) in our shape.
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(storableValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerTextGuard(app);

  app.setErrorHandler(errorHandler);
  registerOriginCheck(app, ctx.config.baseUrl);
  registerJsonParser(app);

  // Before any route: every route must declare its access rule, and the hook checks it.
  registerAccess(app, ctx);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "script-src": ["'self'"],
        // Helmet's default upgrade-insecure-requests makes a browser fetch every asset over https:
        // on a plain-http installation (a LAN host) nothing would load. Only when served over https.
        "upgrade-insecure-requests": ctx.config.baseUrl.startsWith("https:") ? [] : null,
      },
    },
  });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: "Tsunagari API", version: "0.1.0", description: "Alumni network platform API" },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
          apiToken: { type: "http", scheme: "bearer" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  app.get(
    "/healthz",
    { schema: { hide: true }, config: { access: access.public("reports only up/down") } },
    async (_req, reply) => {
      const db = await ctx.database
        .query("select 1 as ok")
        .then(() => true)
        .catch(() => false);
      const queue = await ctx.jobs.health();
      const ok = db && queue;
      return reply.status(ok ? 200 : 503).send({
        status: ok ? "ok" : "degraded",
        database: { ok: db, kind: ctx.database.kind },
        queue: { ok: queue },
      });
    },
  );

  await registerAuthBridge(app, ctx);
  for (const mod of modules)
    await app.register(async (instance) => mod(instance as any, ctx), { prefix: "/api" });

  app.setNotFoundHandler((req, reply) => {
    // The SPA answers page paths; an unknown API path or a missing file (e.g. an old asset) is a 404.
    const isFile = /\.[a-z0-9]+$/i.test(req.url.split("?")[0]);
    if (req.url.startsWith("/api/") || isFile || !opts.serveWeb || !fs.existsSync(webDir)) {
      return reply.status(404).send(errorBody(errors.notFound(), requestLang(req)));
    }
    return reply.type("text/html").sendFile("index.html", webDir);
  });
  if (opts.serveWeb && fs.existsSync(webDir)) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ["index.html"] });
  }
  return app;
}

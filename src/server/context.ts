// The services a process opens once (database, jobs, mail, file storage, auth, config, log): carried by every
// request scope as `scope.ctx` (server/scope.ts).
import type { FastifyBaseLogger, FastifyRequest } from "fastify";
import type { Database, Db } from "../db/client.ts";
import type { JobQueue } from "../jobs/queue.ts";
import type { Mailer } from "../mail/mailer.ts";
import type { Auth } from "./auth.ts";
import type { Config } from "./config.ts";
import type { FileStorage } from "./storage.ts";

export type AppContext = {
  config: Config;
  database: Database;
  db: Db;
  jobs: JobQueue;
  mailer: Mailer;
  /** Uploaded files (attachments): DATA_DIR/files by default (server/storage.ts). */
  storage: FileStorage;
  auth: Auth;
  log: FastifyBaseLogger;
  /** The installation's secret (AUTH_SECRET or DATA_DIR/auth-secret): signs unsubscribe links too. */
  secret: string;
};

/** Language for messages: the user's choice, else the browser's, else Japanese. */
export function requestLang(req: FastifyRequest): "ja" | "en" {
  if (req.viewer) return req.viewer.locale;
  const al = String(req.headers["accept-language"] ?? "");
  return /^en\b/i.test(al) ? "en" : "ja";
}

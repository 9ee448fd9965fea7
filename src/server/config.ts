import path from "node:path";
import { z } from "zod";

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Tsunagari <no-reply@tsunagari.local>"),
  /** Public URL used in links inside emails. */
  BASE_URL: z.string().url().optional(),
  /** Secret for sessions and tokens. Generated and kept in DATA_DIR when absent. */
  AUTH_SECRET: z.string().min(32).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ROLE: z.enum(["all", "web", "worker"]).default("all"),
  /**
   * The OS scheduling priority (nice) of a --role=worker process, 0–19 (default 10): on a machine
   * it shares with the web processes, background jobs (an announcement's bell rows and mails) take
   * the CPU the requests leave rather than slowing them.
   */
  WORKER_NICE: z.coerce.number().int().min(0).max(19).default(10),
  /** Set when behind a reverse proxy, so client addresses come from X-Forwarded-For (rate limits). */
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d+|[0-9a-fA-F.:/,\s]+)$/, "true, false, a number of proxies, or proxy addresses")
    .default("false"),
  /** Sign-in/sign-up rate limiting (better-auth). Only turn off for automated browser tests. */
  AUTH_RATE_LIMIT: z.enum(["on", "off"]).default("on"),
  /**
   * Two-factor authentication (TOTP) for operators and platform admins. "off" only for a local
   * demo or automated tests: operators and admins then work without a second factor.
   */
  REQUIRE_2FA: z.enum(["on", "off"]).default("on"),
  /**
   * Seconds an operator's approval or rejection mail waits before it is sent: until then the
   * operator can take the decision back (取り消す). 0 sends it at once.
   */
  DECISION_MAIL_DELAY_SECONDS: z.coerce.number().int().min(0).max(600).default(30),
  /** Memory for cached directory pages, per process, in MB (0: no cache). */
  DIRECTORY_CACHE_MB: z.coerce.number().min(0).max(4096).default(32),
  /** Cached feed stream pages and post cards, per process, in entries (0: no cache; modules/feed/cache.ts). */
  /**
   * Registration attempts from one client address per hour, all networks together (a company's
   * office behind one address registering many alumni at an event may need more).
   */
  REGISTRATION_IP_LIMIT: z.coerce.number().int().min(1).max(100_000).default(20),
  FEED_CACHE_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(20_000),
  /** Cached event list pages, per process (0: no cache; modules/events/cache.ts). */
  EVENTS_CACHE_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(2_000),
});

export type Config = z.infer<typeof schema> & { dataDir: string; baseUrl: string };

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): Config {
  const roleArg = argv.find((a) => a.startsWith("--role="))?.slice("--role=".length);
  // An empty variable counts as unset (DATABASE_URL= runs on the embedded database).
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse({ ...set, ROLE: roleArg ?? set.ROLE });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration / 設定が不正です:\n${lines}`);
  }
  const c = parsed.data;
  const any = c.HOST === "0.0.0.0" || c.HOST === "::";
  // 127.0.0.1 and ::1 are spelled localhost; the other loopback spellings are trusted too (origins.ts).
  const host = any || c.HOST === "127.0.0.1" || c.HOST === "::1" ? "localhost" : c.HOST;
  return {
    ...c,
    dataDir: path.resolve(c.DATA_DIR),
    baseUrl: (c.BASE_URL ?? `http://${host.includes(":") ? `[${host}]` : host}:${c.PORT}`).replace(/\/$/, ""),
  };
}

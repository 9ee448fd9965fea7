// Test harness: one database + app per test file (PGlite in memory, or PostgreSQL when
// TEST_DATABASE_URL is set), and helpers to make users, networks and requests.
// Every test makes its own network: tenant isolation doubles as test isolation.
import { randomBytes, randomUUID, scrypt, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { verifyPassword } from "better-auth/crypto";
import pino from "pino";
import { inject } from "vitest";
import { admitMember, updateMember } from "../modules/members/index.ts";
import { createNetwork } from "../modules/networks/index.ts";
import { createVerifiedUser } from "../server/accounts.ts";
import { type App, buildApp } from "../server/app.ts";
import type { NetworkRole, PasswordHashing } from "../server/auth.ts";
import { loadConfig } from "../server/config.ts";
import type { AppContext } from "../server/context.ts";
import { platformScope } from "../server/scope.ts";
import { closeServices, openServices } from "../server/services.ts";

export const BASE_URL = "http://localhost:3999";
export const ORIGIN = { origin: BASE_URL };

export type TestEnv = { app: App; ctx: AppContext; close: () => Promise<void> };

/**
 * `databaseUrl`: a PostgreSQL database of its own (migrated here), instead of the shared one.
 * `requireTwoFactor`: operators and platform admins need a second factor (REQUIRE_2FA=on, the
 * product's default). Off unless asked: the operators tests make sign in with a password only;
 * src/server/two-factor.test.ts tests the requirement itself.
 */
export async function createTestEnv(
  opts: {
    databaseUrl?: string;
    rateLimit?: boolean;
    trustProxy?: boolean;
    requireTwoFactor?: boolean;
    /** Seconds decision mails wait (production: 30); 0 here, so that a drain sends them. */
    decisionMailDelaySeconds?: number;
  } = {},
): Promise<TestEnv> {
  const url = opts.databaseUrl ?? process.env.TEST_DATABASE_URL;
  const config = loadConfig(
    {
      DATA_DIR: path.join(os.tmpdir(), `tsunagari-test-${randomUUID()}`),
      BASE_URL,
      AUTH_SECRET: "test-secret-test-secret-test-secret-0123456789",
      LOG_LEVEL: "silent",
      // Tests act as a reverse proxy: X-Forwarded-For gives each simulated client its address.
      TRUST_PROXY: String(opts.trustProxy ?? true),
      REQUIRE_2FA: opts.requireTwoFactor ? "on" : "off",
      DECISION_MAIL_DELAY_SECONDS: String(opts.decisionMailDelaySeconds ?? 0),
      ...(url ? { DATABASE_URL: url } : {}),
    },
    [],
  );
  // PostgreSQL is migrated once by the global setup; PGlite in memory is new per file, started
  // from the migrated dump the global setup made.
  const snapshot = url ? undefined : pgliteSnapshot();
  const ctx = await openServices(config, {
    inMemory: true,
    migrate: url ? !!opts.databaseUrl : !snapshot,
    pgliteSnapshot: snapshot,
    passwordHashing: testPasswordHashing,
    rateLimit: opts.rateLimit ?? false,
    logger: pino({ level: "silent" }),
    // Parallel test files share one PostgreSQL database: each gets its own job queue schema.
    jobSchema: url ? `pgboss_${randomUUID().replace(/-/g, "").slice(0, 12)}` : undefined,
  });
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app,
    ctx,
    close: async () => {
      await app.close();
      await closeServices(ctx);
    },
  };
}

/**
 * Passwords in tests: scrypt at N=1024 instead of better-auth's N=16384 (about 1 ms instead of
 * 120–200 ms a hash; the suite makes thousands of users and signs each in). Same API and flows;
 * only the cost differs. A hash in better-auth's own format is still verified by better-auth.
 */
const TEST_HASH = "test-scrypt$";
const scryptKey = (password: string, salt: string) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, 32, { N: 1024, r: 8, p: 1 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
const testPasswordHashing: PasswordHashing = {
  hash: async (password) => {
    const salt = randomBytes(16).toString("hex");
    return `${TEST_HASH}${salt}:${(await scryptKey(password, salt)).toString("hex")}`;
  },
  verify: async ({ hash, password }) => {
    if (!hash.startsWith(TEST_HASH)) return verifyPassword({ hash, password });
    const [salt, key] = hash.slice(TEST_HASH.length).split(":");
    return timingSafeEqual(await scryptKey(password, salt ?? ""), Buffer.from(key ?? "", "hex"));
  },
};

let snapshotBytes: Buffer | undefined;
function pgliteSnapshot(): Blob | undefined {
  const file = inject("pgliteSnapshot");
  if (!file) return undefined;
  snapshotBytes ??= fs.readFileSync(file);
  return new Blob([new Uint8Array(snapshotBytes)]);
}

let seq = 0;
export const uniq = (prefix = "t") =>
  `${prefix}${Date.now().toString(36)}${(seq++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export type TestUser = { id: string; email: string; cookie: string };

/** A verified user, signed in through the real sign-in endpoint. */
export async function makeUser(
  env: TestEnv,
  opts: {
    name?: string;
    email?: string;
    password?: string;
    platformAdmin?: boolean;
    locale?: "ja" | "en";
  } = {},
): Promise<TestUser> {
  const email = opts.email ?? `${uniq("u")}@example.com`;
  const password = opts.password ?? "correct horse battery";
  const u = await createVerifiedUser(env.ctx, {
    name: opts.name ?? "テスト 太郎",
    email,
    password,
    platformAdmin: opts.platformAdmin,
    locale: opts.locale,
  });
  const cookie = await signIn(env, email, password);
  return { id: u.id, email: u.email, cookie };
}

export async function signIn(env: TestEnv, email: string, password: string): Promise<string> {
  const res = await env.app.inject({
    method: "POST",
    url: "/api/auth/sign-in/email",
    headers: ORIGIN,
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed ${res.statusCode} ${res.body}`);
  return cookieFrom(res.headers["set-cookie"]);
}

export function cookieFrom(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return list.map((c) => c.split(";")[0]).join("; ");
}

export type TestNetwork = { id: string; slug: string; operator: TestUser };

/** A new network with its own operator. */
export async function makeNetwork(env: TestEnv, opts: { name?: string } = {}): Promise<TestNetwork> {
  const operator = await makeUser(env, { name: "運営 花子" });
  const slug = uniq("n").toLowerCase();
  const id = await createNetwork(
    platformScope(env.ctx, { userId: operator.id, label: operator.email }),
    {
      name: opts.name ?? "テスト株式会社",
      slug,
      privacyNotice: {
        body: "アルムナイネットワークの運営のために個人情報を利用します。".repeat(2),
        purposes: ["ネットワーク運営", "再雇用のご案内"],
      },
    },
    operator.id,
  );
  return { id, slug, operator };
}

/** A verified member of `network` with `role` (signed in). */
export async function makeMember(
  env: TestEnv,
  network: TestNetwork,
  role: NetworkRole,
  opts: { name?: string } = {},
): Promise<TestUser> {
  const u = await makeUser(env, { name: opts.name });
  await env.ctx.db.transaction((tx) =>
    admitMember(tx, {
      networkId: network.id,
      userId: u.id,
      role,
      verifiedVia: "operator_added",
      verifiedBy: network.operator.id,
      profile: { displayName: opts.name ?? "テスト 太郎" },
    }),
  );
  return u;
}

export async function setMemberStatus(
  env: TestEnv,
  networkId: string,
  userId: string,
  status: "active" | "suspended",
) {
  await env.ctx.db.transaction((tx) => updateMember(tx, networkId, userId, { status }));
}

type InjectOpts = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  user?: TestUser | null;
  payload?: unknown;
  headers?: Record<string, string>;
};

/** A request with the Origin header better-auth wants, as `user` (anonymous when null). */
export function call(env: TestEnv, o: InjectOpts) {
  return env.app.inject({
    method: o.method ?? "GET",
    url: o.url,
    headers: { ...ORIGIN, ...(o.user ? { cookie: o.user.cookie } : {}), ...o.headers },
    ...(o.payload !== undefined ? { payload: o.payload as any } : {}),
  });
}

/** Runs queued jobs (emails) and returns the mails sent to `to` so far. */
export async function mailsTo(env: TestEnv, to: string) {
  await env.ctx.jobs.drain();
  return env.ctx.mailer.sent.filter((m) => m.to === to);
}

export function linkIn(text: string): string {
  const m = text.match(/https?:\/\/\S+/);
  if (!m) throw new Error(`no link in mail: ${text}`);
  return m[0];
}

/**
 * A brand-new installation: in-memory PGlite, or on PostgreSQL a new database (dropped on close).
 * For what only an empty installation shows (first-run setup).
 */
export async function createFreshEnv(): Promise<TestEnv> {
  const shared = process.env.TEST_DATABASE_URL;
  if (!shared) return createTestEnv();
  const name = `tsg_fresh_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = new URL(shared);
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: shared });
  await client.connect();
  await client.query(
    `create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
  );
  admin.pathname = `/${name}`;
  const env = await createTestEnv({ databaseUrl: admin.toString() });
  return {
    ...env,
    close: async () => {
      await env.close();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

// Bad input, generated for every route from its own schema: each field of a valid body or query
// replaced by hostile values (wrong types, missing, 1 MB, NUL bytes, lone surrogates, RTL
// overrides, deep nesting, 100,000-element arrays), whole bodies that are not what they claim
// (invalid JSON, wrong content type, another charset, malformed multipart), and hostile ids.
// Expected: never a 5xx, every error in the documented shape, and the caller's network unchanged
// after every refusal.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admitTestMember } from "../modules/members/testing.ts";
import { type DeclaredRoute, declaredRoutes } from "../server/access.ts";
import { NETWORK_ROLES, type NetworkRole } from "../server/auth.ts";
import {
  call,
  createTestEnv,
  makeNetwork,
  makeUser,
  type TestEnv,
  type TestNetwork,
  type TestUser,
} from "./harness.ts";
import { validSample } from "./schema-arbitrary.ts";
import { tenantFingerprint } from "./tenant-fingerprint.ts";

let env: TestEnv;
let net: TestNetwork;
const members = {} as Record<NetworkRole, TestUser>;
let plainUser: TestUser;
let admin: TestUser;

const deep = (n: number): unknown => {
  let v: unknown = "x";
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
};

/** Values that must be refused or stored as the well-formed text they are, never crash anything. */
const HOSTILE: [string, unknown][] = [
  ["NUL", "a\u0000b"],
  ["lone high surrogate", "x\ud800"],
  ["lone low surrogate", "\udfffy"],
  ["RTL override", "\u202egpj.exe"],
  ["control character", "a\u0007b"],
  ["1 MB string", "あ".repeat(350_000)],
  ["empty string", ""],
  ["null", null],
  ["number", -1e308],
  ["boolean", true],
  ["object", { $ne: 1 }],
  ["array", ["x", 1, null]],
  ["deep nesting", deep(400)],
  ["100k-element array", Array.from({ length: 100_000 }, (_, i) => i)],
];

const HOSTILE_IDS = [
  "%00",
  "a%00b",
  "%E0%A4%A",
  "%ED%A0%80",
  "..%2F..%2Fetc",
  "x".repeat(2_000),
  "%E2%80%AE1",
];

type Case = { label: string; url: string; payload?: unknown; headers?: Record<string, string> };

function callerFor(route: DeclaredRoute): TestUser | null {
  const rule = route.access;
  if (rule.kind === "public") return null;
  if (rule.kind === "user") return plainUser;
  if (rule.kind === "platformAdmin") return admin;
  return members[NETWORK_ROLES.find((r) => rule.rule.roles.includes(r))!];
}

function urlOf(route: DeclaredRoute, query?: Record<string, unknown>, id = randomUUID()) {
  let url = route.url.replace(/:(\w+)/g, (_, p) => (p === "slug" ? net.slug : id));
  if (query) {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      for (const item of [v].flat()) search.append(k, typeof item === "string" ? item : JSON.stringify(item));
    }
    if (search.size) url += `?${search}`;
  }
  return url;
}

function casesFor(route: DeclaredRoute): Case[] {
  const cases: Case[] = [];
  const body = route.schema?.body
    ? (validSample(route.schema.body as any) as Record<string, unknown>)
    : undefined;
  const query = route.schema?.querystring
    ? (validSample(route.schema.querystring as any) as Record<string, unknown>)
    : undefined;
  const baseUrl = urlOf(route, query);
  if (body && typeof body === "object") {
    for (const key of Object.keys(body)) {
      const { [key]: _, ...without } = body;
      cases.push({ label: `body without ${key}`, url: baseUrl, payload: without });
      for (const [name, value] of HOSTILE) {
        cases.push({ label: `body.${key} = ${name}`, url: baseUrl, payload: { ...body, [key]: value } });
      }
    }
    for (const [name, value] of HOSTILE.slice(0, 6)) {
      cases.push({
        label: `extra field = ${name}`,
        url: baseUrl,
        payload: { ...body, [`x${name.length}`]: value },
      });
    }
  }
  if (route.method !== "GET" && route.method !== "DELETE") {
    const json = { "content-type": "application/json" };
    cases.push(
      { label: "invalid JSON", url: baseUrl, payload: '{"a": ', headers: json },
      { label: "JSON null", url: baseUrl, payload: "null", headers: json },
      { label: "JSON array", url: baseUrl, payload: "[1,2]", headers: json },
      { label: "text/plain", url: baseUrl, payload: "hello", headers: { "content-type": "text/plain" } },
      {
        label: "form-encoded",
        url: baseUrl,
        payload: "a=b",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      },
      {
        label: "Shift_JIS charset",
        url: baseUrl,
        payload: JSON.stringify(body ?? {}),
        headers: { "content-type": "application/json; charset=shift_jis" },
      },
      {
        label: "invalid UTF-8",
        url: baseUrl,
        payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
        headers: json,
      },
      {
        label: "malformed multipart",
        url: baseUrl,
        payload: '--zz\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc',
        headers: { "content-type": "multipart/form-data; boundary=zz" },
      },
    );
  }
  if (query) {
    for (const key of Object.keys(query)) {
      for (const [name, value] of HOSTILE.slice(0, 7)) {
        cases.push({
          label: `query.${key} = ${name}`,
          url: urlOf(route, { ...query, [key]: value }),
          payload: body,
        });
      }
    }
  }
  cases.push({
    label: "unknown query parameter with NUL",
    url: `${baseUrl}${baseUrl.includes("?") ? "&" : "?"}zz=%00`,
    payload: body,
  });
  if (/:(?!slug)\w+/.test(route.url)) {
    for (const id of HOSTILE_IDS) {
      const url = route.url.replace(/:(\w+)/g, (_, p) => (p === "slug" ? net.slug : id));
      cases.push({ label: `id ${id.slice(0, 20)}`, url, payload: body });
    }
  }
  return cases;
}

const apiRoutes = () =>
  declaredRoutes(env.app).filter((r) => r.url.startsWith("/api/") && !/^\/api\/(docs|auth)\b/.test(r.url));

beforeAll(async () => {
  env = await createTestEnv();
  net = await makeNetwork(env);
  members.operator = net.operator;
  members.employee = await admitTestMember(env, net, "employee");
  members.alumni = await admitTestMember(env, net, "alumni");
  plainUser = await makeUser(env);
  admin = await makeUser(env, { platformAdmin: true });
  // Members are marked active on their first request, outside the request's transaction: do it
  // now, so that no refused request below sees that write.
  for (const u of Object.values(members)) await call(env, { url: `/api/n/${net.slug}/me`, user: u });
  await new Promise((r) => setTimeout(r, 300));
}, 120_000);

afterAll(() => env?.close());

describe("generated bad input", () => {
  it("never answers 5xx, always in the documented error shape, and a refusal changes nothing", async () => {
    const failures: string[] = [];
    let cases = 0;
    let refused = 0;
    let state = await tenantFingerprint(env.ctx, net.id);
    // The digest of the network is read again only when the database wrote anything since the
    // last reading (its WAL position moved): most refusals write nothing at all.
    let wal = "";
    const wrote = async () => {
      const [{ lsn }] = await env.ctx.database.query<{ lsn: string }>(
        "select pg_current_wal_insert_lsn()::text as lsn",
      );
      const moved = lsn !== wal;
      wal = lsn;
      return moved;
    };
    await wrote();
    for (const route of apiRoutes()) {
      for (const c of casesFor(route)) {
        cases++;
        const res = await call(env, {
          method: route.method as any,
          url: c.url,
          user: callerFor(route),
          ...(c.payload !== undefined ? { payload: c.payload as any } : {}),
          headers: c.headers,
        });
        const where = `${route.method} ${route.url} [${c.label}] → ${res.statusCode}`;
        if (res.statusCode >= 500) failures.push(`${where}: ${res.body.slice(0, 200)}`);
        if (res.statusCode >= 400) {
          refused++;
          const e = res.json().error;
          const shaped =
            typeof e?.code === "string" &&
            typeof e?.message === "string" &&
            typeof e?.messages?.ja === "string" &&
            typeof e?.messages?.en === "string";
          if (!shaped) failures.push(`${where}: not in the error shape: ${res.body.slice(0, 200)}`);
          if (route.method !== "GET" && (await wrote())) {
            const after = await tenantFingerprint(env.ctx, net.id);
            const changed = Object.keys(after).filter((t) => after[t] !== state[t]);
            if (changed.length) failures.push(`${where}: refused but changed ${changed.join(", ")}`);
            state = after;
          }
        } else {
          // An accepted request may change the network: a write, or a GET that is audited (exports).
          if (await wrote()) state = await tenantFingerprint(env.ctx, net.id);
        }
      }
    }
    console.log(`bad input: ${apiRoutes().length} routes, ${cases} generated cases, ${refused} refused`);
    expect(failures).toEqual([]);
    expect(cases).toBeGreaterThan(1000);
  }, 600_000);
});

// The access matrix, generated from the routes the app registers: every route declares its access
// rule (server/access.ts), and every route is called, with a valid body generated from its own
// schema, as anonymous, as each role its rule refuses and admits, as a member of another network,
// with API tokens, and with ids that belong to another network. Expected: 401 / 403 / 404 where
// refused, never a 5xx, never a byte of the other network's data, and the other network's rows
// unchanged. A new route is covered the day it is registered.
import { randomUUID } from "node:crypto";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestInquiry } from "../modules/inquiries/testing.ts";
import { admitTestMember } from "../modules/members/testing.ts";
import { consentToOffers, makeTestOpportunity } from "../modules/opportunities/testing.ts";
import { register } from "../modules/registration/testing.ts";
import { uploadRoster } from "../modules/roster/testing.ts";
import { type DeclaredRoute, declaredRoutes, registerAccess } from "../server/access.ts";
import { NETWORK_ROLES, type NetworkRole } from "../server/auth.ts";
import {
  call,
  createTestEnv,
  makeNetwork,
  makeUser,
  type TestEnv,
  type TestNetwork,
  type TestUser,
  uniq,
} from "./harness.ts";
import { validSample } from "./schema-arbitrary.ts";
import { tenantFingerprint } from "./tenant-fingerprint.ts";

let env: TestEnv;
let A: TestNetwork;
let B: TestNetwork;
const members = {} as Record<NetworkRole, TestUser>;
let plainUser: TestUser;
let admin: TestUser;
let tokenA: string;
let tokenB: string;
/** Strings that exist only in network B: none may appear in any answer about network A. */
let markers: string[];
/** Ids of network B's rows, replayed in network A's routes. */
let foreignIds: string[];

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
let requests = 0;

async function send(
  route: DeclaredRoute,
  url: string,
  who: { user?: TestUser | null; token?: string; seesAllNetworks?: boolean },
) {
  requests++;
  const body = route.schema?.body ? validSample(route.schema.body as any) : undefined;
  const res = await call(env, {
    method: route.method as Method,
    url,
    user: who.user ?? null,
    ...(body !== undefined ? { payload: body } : {}),
    headers: who.token ? { authorization: `Bearer ${who.token}` } : {},
  });
  for (const m of who.seesAllNetworks ? [] : markers) {
    if (res.body.includes(m)) throw new Error(`${route.method} ${url} leaked "${m}" of another network`);
  }
  return res;
}

const paramsOf = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]);

/** The route's URL in network `slug`, every other parameter set to `id`, its query from its schema. */
function urlFor(route: DeclaredRoute, slug: string, id: string) {
  let url = route.url.replace(/:(\w+)/g, (_, p) => (p === "slug" ? slug : encodeURIComponent(id)));
  const q = route.schema?.querystring ? validSample(route.schema.querystring as any) : undefined;
  if (q && typeof q === "object") {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) {
      for (const item of [v].flat()) if (item !== undefined && item !== null) search.append(k, String(item));
    }
    if (search.size) url += `?${search}`;
  }
  return url;
}

const apiRoutes = () =>
  declaredRoutes(env.app).filter((r) => r.url.startsWith("/api/") && !/^\/api\/(docs|auth)\b/.test(r.url));

beforeAll(async () => {
  env = await createTestEnv();
  const mark = uniq("漏洩");
  const asciiMark = uniq("leak");
  A = await makeNetwork(env);
  B = await makeNetwork(env, { name: `B社${mark}` });
  members.operator = A.operator;
  members.employee = await admitTestMember(env, A, "employee");
  members.alumni = await admitTestMember(env, A, "alumni");
  plainUser = await makeUser(env);
  admin = await makeUser(env, { platformAdmin: true });
  const op = (n: TestNetwork, method: Method, path: string, payload?: unknown) =>
    call(env, { method, url: `/api/n/${n.slug}${path}`, user: n.operator, payload });
  tokenA = (await op(A, "POST", "/api-tokens", { name: "HR" })).json().token;

  // Network B holds one row of every kind, each carrying the marker where it has text.
  const bAlumna = await admitTestMember(env, B, "alumni", { name: `秘密 花子${mark}` });
  await uploadRoster(
    env,
    B.slug,
    B.operator,
    ["社員番号,氏名,入社日,退職日,最終所属", `Z001,秘密 次郎${mark},2010/4/1,2018/3/31,機密部${mark}`].join(
      "\r\n",
    ),
  );
  const segment = (
    await op(B, "POST", "/segments", { name: `セグメント${mark}`, filter: { q: "営業" } })
  ).json();
  const invited = (
    await op(B, "POST", "/invitations", {
      invitees: [{ email: `${asciiMark}@example.com`, name: `招待 ${mark}` }],
    })
  ).json();
  const token = (await op(B, "POST", "/api-tokens", { name: `トークン${mark}` })).json();
  tokenB = token.token;
  const registrant = await makeUser(env, { name: `登録 ${mark}` });
  await register(env, B.slug, registrant, {
    name: `登録 ${mark}`,
    joinYm: "2001-04",
    leaveYm: "2003-03",
    consent: {
      noticeVersion: 1,
      directory: true,
      rehire: false,
      freelance: false,
      events: false,
      surveys: false,
    },
  });
  const inquiry = await openTestInquiry(env, B.slug, bAlumna, { subject: `問い合わせ${mark}` });
  const savedReply = (
    await op(B, "POST", "/saved-replies", { title: `定型文${mark}`, body: `本文${mark}` })
  ).json();
  const dm = (await op(B, "POST", "/messages", { userIds: [bAlumna.id], body: `メッセージ${mark}` })).json();
  const group = (
    await op(B, "POST", "/groups", { name: `グループ${mark}`, kind: "secret", description: `説明${mark}` })
  ).json();
  await op(B, "POST", `/groups/${group.id}/members`, { userId: bAlumna.id });
  const groupPost = (
    await op(B, "POST", "/posts", {
      kind: "news",
      body: `グループ投稿${mark}`,
      audience: { type: "group", groupId: group.id },
    })
  ).json();
  // A posting and a referral of it (リファラル), their ids replayed in A's routes.
  const posting = await makeTestOpportunity(env, B, { title: `募集${mark}` });
  await consentToOffers(env, B, bAlumna, { rehire: true, freelance: true });
  const referral = (
    await op(B, "POST", `/opportunities/${posting.id}/referrals`, {
      userId: bAlumna.id,
      why: `推薦理由${mark}`,
      relationship: "worked_together",
    })
  ).json();
  const roster = (await op(B, "GET", "/roster")).json().items;
  const regs = (await op(B, "GET", "/registrations")).json().items;
  foreignIds = [
    B.id,
    B.operator.id,
    bAlumna.id,
    registrant.id,
    segment.id,
    invited.created[0].id,
    token.id,
    roster[0].id,
    regs[0].id,
    inquiry.id,
    savedReply.id,
    dm.conversationId,
    dm.message.id,
    group.id,
    groupPost.id,
    posting.id,
    referral.id,
  ];
  expect(foreignIds.every((x) => typeof x === "string" && x.length > 0)).toBe(true);
  markers = [mark, asciiMark, B.slug, bAlumna.email, B.operator.email, registrant.email];
}, 120_000);

afterAll(() => env?.close());

describe("access matrix", () => {
  it("refuses to register a route without an access rule", async () => {
    const app = Fastify();
    registerAccess(app, env.ctx);
    expect(() => app.get("/api/n/:slug/forgotten", async () => ({}))).toThrow(/declares no access rule/);
    await app.close().catch(() => {});
  });

  it("knows every API route, each with a rule, and a valid input for each", () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(48);
    const unsampled = routes.flatMap((r) =>
      (["body", "querystring"] as const)
        .filter((k) => r.schema?.[k] && validSample(r.schema[k] as any) === undefined)
        .map((k) => `${r.method} ${r.url} (${k})`),
    );
    expect(unsampled).toEqual([]);
  });

  it("answers every route as its rule says, for every kind of caller", async () => {
    const before = await tenantFingerprint(env.ctx, B.id);
    const failures: string[] = [];
    const expectStatus = (route: DeclaredRoute, who: string, status: number, ok: (s: number) => boolean) => {
      if (!ok(status)) failures.push(`${route.method} ${route.url} as ${who}: ${status}`);
    };
    const admitted = (s: number) => s < 500 && s !== 401 && s !== 403;
    for (const route of apiRoutes()) {
      const url = urlFor(route, A.slug, randomUUID());
      const rule = route.access;
      const anon = (await send(route, url, {})).statusCode;
      if (rule.kind === "public") {
        expectStatus(route, "anonymous", anon, (s) => s < 500);
        continue;
      }
      expectStatus(route, "anonymous", anon, (s) => s === 401);
      if (rule.kind === "user") {
        expectStatus(
          route,
          "a signed-in user",
          (await send(route, url, { user: plainUser })).statusCode,
          admitted,
        );
        continue;
      }
      if (rule.kind === "platformAdmin") {
        expectStatus(
          route,
          "a user",
          (await send(route, url, { user: plainUser })).statusCode,
          (s) => s === 403,
        );
        expectStatus(
          route,
          "an operator",
          (await send(route, url, { user: A.operator })).statusCode,
          (s) => s === 403,
        );
        expectStatus(
          route,
          "the platform admin",
          (await send(route, url, { user: admin, seesAllNetworks: true })).statusCode,
          admitted,
        );
        continue;
      }
      for (const role of NETWORK_ROLES) {
        const status = (await send(route, url, { user: members[role] })).statusCode;
        if (rule.rule.roles.includes(role)) expectStatus(route, role, status, admitted);
        else expectStatus(route, `${role} (refused)`, status, (s) => s === 403);
      }
      const outsider = (await send(route, url, { user: B.operator })).statusCode;
      expectStatus(route, "an operator of another network", outsider, (s) => s === 404);
      const userOutside = (await send(route, url, { user: plainUser })).statusCode;
      expectStatus(route, "a user of no network", userOutside, (s) => s === 404);
      const withToken = (await send(route, url, { token: tokenA })).statusCode;
      expectStatus(
        route,
        "the network's API token",
        withToken,
        rule.rule.tokens ? admitted : (s) => s === 401,
      );
      if (rule.rule.tokens) {
        const foreignToken = (await send(route, url, { token: tokenB })).statusCode;
        expectStatus(route, "another network's token", foreignToken, (s) => s === 404);
      }
      // Ids of the other network, in every id parameter, by a member this route admits.
      if (paramsOf(route.url).some((p) => p !== "slug")) {
        const role = NETWORK_ROLES.find((r) => rule.rule.roles.includes(r))!;
        for (const id of foreignIds) {
          const status = (await send(route, urlFor(route, A.slug, id), { user: members[role] })).statusCode;
          expectStatus(
            route,
            `${role} with another network's id ${id}`,
            status,
            (s) => s === 404 || s === 400,
          );
        }
      }
    }
    console.log(`access matrix: ${apiRoutes().length} routes, ${requests} requests`);
    expect(failures).toEqual([]);
    expect(await tenantFingerprint(env.ctx, B.id)).toEqual(before);
  }, 300_000);
});

import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { profile } from "../../db/schema/index.ts";
import { shownNames } from "../../shared/names.ts";
import {
  ALWAYS_VISIBLE,
  PROFILE_FIELDS,
  type ProfileField,
  VISIBILITIES,
  type Visibility,
} from "../../shared/profile.ts";
import {
  call,
  createTestEnv,
  makeNetwork,
  setMemberStatus,
  type TestEnv,
  type TestUser,
} from "../../test/harness.ts";
import { admitTestMember, multipartFile } from "../members/testing.ts";
import { IMAGES } from "./testing.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

const FULL = {
  displayName: "山田 花子",
  displayNameKana: "ヤマダ ハナコ",
  nameWhileEmployed: "鈴木 花子",
  nameKana: "スズキ ハナコ",
  joinYm: "2010-04",
  leaveYm: "2019-03",
  departments: ["人事部", "営業企画部"],
  currentCompany: "株式会社つぎのて",
  industry: "hr_services",
  jobType: "hr",
  skills: ["採用", "労務"],
  location: "東京都",
  bio: "人事一筋 15 年。採用のご相談に乗れます。",
  links: [{ label: "note", url: "https://note.com/hanako" }],
  openTo: ["rehire", "mentoring"],
  contactChannel: "サイト内メッセージ",
  contactHours: "平日 20 時以降",
};

const EDITABLE = PROFILE_FIELDS.filter((f) => !ALWAYS_VISIBLE.includes(f));
const keyOf = (f: ProfileField) => (f === "photo" ? "photoUrl" : f);
/** What each kind of viewer is allowed to see (written out, not derived from the code under test). */
const SEES: Record<string, Visibility[]> = {
  operator: ["operators", "members"],
  alumni: ["members"],
  employee: ["members"],
};

async function setup() {
  const net = await makeNetwork(env);
  const other = await makeNetwork(env);
  const owner = await admitTestMember(env, net, "alumni", { name: "山田 花子" });
  const alumni = await admitTestMember(env, net, "alumni", { name: "佐藤 次郎" });
  const employee = await admitTestMember(env, net, "employee", { name: "田中 三郎" });
  const outsider = await admitTestMember(env, other, "alumni", { name: "別社 四郎" });
  const up = await call(env, {
    method: "POST",
    url: `/api/n/${net.slug}/profiles/me/photo`,
    user: owner,
    ...multipartFile(IMAGES.png, { filename: "me.png" }),
  });
  expect(up.statusCode).toBe(200);
  return { net, other, owner, alumni, employee, outsider, operator: net.operator };
}

function put(slug: string, user: TestUser, payload: unknown) {
  return call(env, { method: "PUT", url: `/api/n/${slug}/profiles/me`, user, payload });
}

describe("own profile", () => {
  it("starts from the admitted profile with default visibilities; an operator without a profile row gets one named after the account", async () => {
    const { net, owner, operator } = await setup();
    const me = await call(env, { url: `/api/n/${net.slug}/profiles/me`, user: owner });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      userId: owner.id,
      displayName: "山田 花子",
      joinYm: "2012-04",
      leaveYm: "2020-03",
      visibility: { displayName: "members", location: "operators", bio: "members" },
    });
    expect(me.json().photoUrl).toMatch(new RegExp(`^/api/n/${net.slug}/profiles/${owner.id}/photo\\?v=`));
    // Members from before profiles existed have no row (new operators get one when admitted).
    await env.ctx.db
      .delete(profile)
      .where(and(eq(profile.networkId, net.id), eq(profile.userId, operator.id)));
    const op = await call(env, { url: `/api/n/${net.slug}/profiles/me`, user: operator });
    expect(op.statusCode).toBe(200);
    expect(op.json()).toMatchObject({
      displayName: "運営 花子",
      skills: [],
      photoUrl: null,
      updatedAt: null,
    });
    const saved = await put(net.slug, operator, { displayName: "運営担当 花子" });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().displayName).toBe("運営担当 花子");
  });

  it("PUT replaces the whole profile, normalises text and keeps the photo", async () => {
    const { net, owner } = await setup();
    const res = await put(net.slug, owner, {
      ...FULL,
      displayName: "  山田　花子 ",
      skills: [" ＴｙｐｅＳｃｒｉｐｔ ", "typescript", "採用", "", "ｶﾞｲﾄﾞ作成", "採用"],
      departments: ["人事部", " 人事部 "],
      links: [{ label: "", url: "https://example.com/me" }],
      openTo: ["speaking", "rehire", "rehire"],
      bio: "一行目\r\n二行目  ",
      currentCompany: "",
      visibility: { bio: "private", skills: "operators" },
    });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.displayName).toBe("山田 花子");
    expect(p.skills).toEqual(["TypeScript", "採用", "ガイド作成"]);
    expect(p.departments).toEqual(["人事部"]);
    expect(p.links).toEqual([{ label: "example.com", url: "https://example.com/me" }]);
    expect(p.openTo).toEqual(["rehire", "speaking"]);
    expect(p.bio).toBe("一行目\n二行目");
    expect(p.currentCompany).toBeNull();
    expect(p.visibility).toMatchObject({
      bio: "private",
      skills: "operators",
      location: "operators",
      photo: "members",
    });
    expect(p.photoUrl).not.toBeNull();

    const again = await put(net.slug, owner, { displayName: "山田 花子" });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({
      skills: [],
      bio: null,
      joinYm: null,
      links: [],
      visibility: { bio: "members", skills: "members" },
    });
    expect(again.json().photoUrl).toBe(p.photoUrl);
  });

  it("rejects invalid input with clear details and changes nothing", async () => {
    const { net, owner } = await setup();
    expect((await put(net.slug, owner, FULL)).statusCode).toBe(200);
    const bad: [string, Record<string, unknown>][] = [
      ["displayName", { displayName: "   " }],
      ["displayName", { displayName: "あ".repeat(51) }],
      ["skills", { skills: Array.from({ length: 31 }, (_, i) => `skill${i}`) }],
      ["skills.0", { skills: ["x".repeat(51)] }],
      ["bio", { bio: "あ".repeat(2001) }],
      [
        "links",
        { links: Array.from({ length: 6 }, (_, i) => ({ label: `l${i}`, url: `https://e.com/${i}` })) },
      ],
      ["links.0.url", { links: [{ label: "x", url: "javascript:alert(1)" }] }],
      ["links.0.url", { links: [{ label: "x", url: "ftp://example.com/file" }] }],
      ["openTo.0", { openTo: ["golf"] }],
      ["industry", { industry: "fishing" }],
      ["jobType", { jobType: "ninja" }],
      ["joinYm", { joinYm: "2010-13" }],
      ["leaveYm", { joinYm: "2015-04", leaveYm: "2014-03" }],
      ["leaveYm", { leaveYm: "2999-01" }],
      ["contactHours", { contactHours: "夜".repeat(101) }],
      ["visibility.displayName", { visibility: { displayName: "private" } }],
      ["visibility.bio", { visibility: { bio: "everyone" } }],
      ["visibility", { visibility: { favouriteColour: "members" } }],
    ];
    for (const [path, change] of bad) {
      const res = await put(net.slug, owner, { ...FULL, ...change });
      expect(res.statusCode, `${path} ${JSON.stringify(change).slice(0, 60)}`).toBe(400);
      const err = res.json().error;
      expect(err.code).toBe("VALIDATION_FAILED");
      expect(err.messages.ja).toBeTruthy();
      expect(err.details.map((d: any) => d.path).join(" ")).toContain(path);
    }
    const ok = await put(net.slug, owner, {
      ...FULL,
      bio: "あ".repeat(2000),
      skills: Array(30)
        .fill(0)
        .map((_, i) => `s${i}`),
    });
    expect(ok.statusCode).toBe(200);
    const me = (await call(env, { url: `/api/n/${net.slug}/profiles/me`, user: owner })).json();
    expect(me.skills).toHaveLength(30);
    expect(me.bio).toHaveLength(2000);
  });
});

describe("what each viewer sees", () => {
  const configs: [string, (f: ProfileField, i: number) => Visibility][] = [
    ["all private", () => "private"],
    ["all operators", () => "operators"],
    ["all members", () => "members"],
    ["mixed", (_f, i) => VISIBILITIES[i % 3]],
  ];

  for (const [name, pick] of configs) {
    it(`${name}: owner, operator, alumni, employee, other network, anonymous`, async () => {
      const s = await setup();
      const visibility = Object.fromEntries(EDITABLE.map((f, i) => [f, pick(f, i)]));
      expect((await put(s.net.slug, s.owner, { ...FULL, visibility })).statusCode).toBe(200);
      const url = `/api/n/${s.net.slug}/profiles/${s.owner.id}`;

      const own = await call(env, { url, user: s.owner });
      expect(own.statusCode).toBe(200);
      expect(Object.keys(own.json()).sort()).toEqual(
        ["userId", ...ALWAYS_VISIBLE, ...EDITABLE.map(keyOf), "visibility", "updatedAt"].sort(),
      );
      expect(own.json().bio).toBe(FULL.bio);

      for (const [kind, viewer] of [
        ["operator", s.operator],
        ["alumni", s.alumni],
        ["employee", s.employee],
      ] as const) {
        const res = await call(env, { url, user: viewer });
        expect(res.statusCode).toBe(200);
        const body = res.json();
        const expected = [
          "userId",
          ...ALWAYS_VISIBLE,
          ...EDITABLE.filter((f) => SEES[kind].includes(visibility[f])).map(keyOf),
        ];
        expect(Object.keys(body).sort(), kind).toEqual(expected.sort());
        expect(body.displayName).toBe(FULL.displayName);
        expect(body.displayNameKana).toBe(FULL.displayNameKana);
        const withoutId = res.body.split(s.owner.id).join("");
        for (const f of EDITABLE) {
          if (!SEES[kind].includes(visibility[f])) {
            const v = (FULL as any)[f];
            // Nowhere but in the random user id (where a short code such as "hr" may occur by chance).
            if (typeof v === "string") expect(withoutId, `${kind} ${f}`).not.toContain(v);
          } else if (f !== "photo") {
            expect(body[f], `${kind} ${f}`).toEqual((FULL as any)[f]);
          }
        }
      }

      expect((await call(env, { url, user: s.outsider })).statusCode).toBe(404);
      const elsewhere = await call(env, {
        url: `/api/n/${s.other.slug}/profiles/${s.owner.id}`,
        user: s.outsider,
      });
      expect(elsewhere.statusCode).toBe(404);
      expect(elsewhere.body).not.toContain(FULL.displayName);
      expect((await call(env, { url, user: null })).statusCode).toBe(401);
    });
  }

  it('a field set to "only me" is absent for operators and other members', async () => {
    const s = await setup();
    await put(s.net.slug, s.owner, { ...FULL, visibility: { bio: "private", contactHours: "private" } });
    for (const viewer of [s.operator, s.alumni, s.employee]) {
      const res = await call(env, { url: `/api/n/${s.net.slug}/profiles/${s.owner.id}`, user: viewer });
      expect(res.json()).not.toHaveProperty("bio");
      expect(res.json()).not.toHaveProperty("contactHours");
      expect(res.json()).not.toHaveProperty("visibility");
      expect(res.body).not.toContain("人事一筋");
    }
  });

  it("a hidden name while employed does not lend its reading to today's name", async () => {
    const s = await setup();
    // No reading of today's name; the name while employed shown to operators only, its reading to members.
    await put(s.net.slug, s.owner, {
      ...FULL,
      displayNameKana: "",
      visibility: { nameWhileEmployed: "operators", nameKana: "members" },
    });
    const url = `/api/n/${s.net.slug}/profiles/${s.owner.id}`;
    const seen = (await call(env, { url, user: s.alumni })).json();
    expect(seen).not.toHaveProperty("nameWhileEmployed");
    expect(seen.nameKana).toBe(FULL.nameKana);
    expect(seen.displayNameKana).toBeNull();
    // What the profile page shows (src/web/routes/profile/ProfileDetails.tsx) from what it was given.
    expect(shownNames(seen)).toEqual({ reading: null, former: null, formerReading: null });
    expect(shownNames((await call(env, { url, user: s.operator })).json())).toEqual({
      reading: null,
      former: FULL.nameWhileEmployed,
      formerReading: FULL.nameKana,
    });
  });
});

describe("directory consent and suspension", () => {
  it("a member without directory consent is 404 to other members, visible to operators and themselves", async () => {
    const net = await makeNetwork(env);
    const hidden = await admitTestMember(env, net, "alumni", { name: "非公開 五郎", directory: false });
    const noConsent = await admitTestMember(env, net, "alumni", { name: "同意なし 六郎", directory: null });
    const alumni = await admitTestMember(env, net, "alumni");
    const employee = await admitTestMember(env, net, "employee");
    for (const target of [hidden, noConsent]) {
      const url = `/api/n/${net.slug}/profiles/${target.id}`;
      for (const viewer of [alumni, employee]) {
        const res = await call(env, { url, user: viewer });
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toMatch(/五郎|六郎/);
      }
      expect((await call(env, { url, user: net.operator })).statusCode).toBe(200);
      expect((await call(env, { url, user: target })).statusCode).toBe(200);
    }
  });

  it("a suspended member is 404 to other members and still visible to operators", async () => {
    const net = await makeNetwork(env);
    const target = await admitTestMember(env, net, "alumni", { name: "停止 七郎" });
    const alumni = await admitTestMember(env, net, "alumni");
    const url = `/api/n/${net.slug}/profiles/${target.id}`;
    expect((await call(env, { url, user: alumni })).statusCode).toBe(200);
    await setMemberStatus(env, net.id, target.id, "suspended");
    expect((await call(env, { url, user: alumni })).statusCode).toBe(404);
    expect((await call(env, { url, user: net.operator })).json().displayName).toBe("停止 七郎");
    expect((await call(env, { url: `/api/n/${net.slug}/profiles/me`, user: target })).statusCode).toBe(404);
  });

  it("an unknown user id is 404", async () => {
    const net = await makeNetwork(env);
    const res = await call(env, { url: `/api/n/${net.slug}/profiles/nobody`, user: net.operator });
    expect(res.statusCode).toBe(404);
  });
});

describe("OpenAPI", () => {
  it("documents the profile routes from the zod schemas", async () => {
    const doc = (await call(env, { url: "/api/docs/json" })).json();
    const put = doc.paths["/api/n/{slug}/profiles/me"].put;
    const body = put.requestBody.content["application/json"].schema;
    expect(body.required).toContain("displayName");
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(["skills", "links", "visibility"]));
    expect(body.properties.skills.description).toContain("At most 30 items of at most 50 characters");
    expect(doc.paths["/api/n/{slug}/profiles/{userId}"].get.responses["200"]).toBeTruthy();
    expect(doc.paths["/api/n/{slug}/members"].get).toBeTruthy();
  });
});

describe("guards on own-profile routes", () => {
  it("anonymous → 401, member of another network → 404", async () => {
    const net = await makeNetwork(env);
    const other = await makeNetwork(env);
    const outsider = await admitTestMember(env, other, "alumni");
    const routes = [
      { method: "GET" as const, url: `/api/n/${net.slug}/profiles/me` },
      { method: "PUT" as const, url: `/api/n/${net.slug}/profiles/me`, payload: FULL },
    ];
    for (const r of routes) {
      expect((await call(env, { ...r, user: null })).statusCode).toBe(401);
      expect((await call(env, { ...r, user: outsider })).statusCode).toBe(404);
    }
  });
});

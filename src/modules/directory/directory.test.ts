// Directory search through the HTTP API: filters, paging, sorting, suggestions, and privacy for
// every way of reaching a member (search, filter, count, suggestion, profile by id).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directoryChange } from "../../db/schema/index.ts";
import { shownNames } from "../../shared/names.ts";
import {
  call,
  createTestEnv,
  makeMember,
  makeNetwork,
  setMemberStatus,
  type TestEnv,
  type TestNetwork,
  type TestUser,
} from "../../test/harness.ts";
import { admitTestMember } from "../members/testing.ts";
import { pageCacheStats } from "./cache.ts";
import { findPage, prepareSearch } from "./queries.ts";
import { CHANGE_ROWS_MAX, syncDirectory } from "./sync.ts";
import { addPeople, addPerson, PEOPLE } from "./testing.ts";

let env: TestEnv;
let net: TestNetwork;
let member: TestUser;
let employee: TestUser;
let ids: Record<string, string>;
let keyOf: Record<string, string>;

beforeAll(async () => {
  env = await createTestEnv();
  net = await makeNetwork(env);
  member = await makeMember(env, net, "alumni");
  employee = await makeMember(env, net, "employee");
  ids = await addPeople(env, net, PEOPLE);
  keyOf = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
});
afterAll(() => env?.close());

const url = (path: string, params: Record<string, string | string[]> = {}, slug = net.slug) => {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of [v].flat()) sp.append(k, x);
  return `/api/n/${slug}/directory${path}?${sp}`;
};

async function find(params: Record<string, string | string[]>, user: TestUser = member) {
  const res = await call(env, { url: url("", { limit: "50", ...params }), user });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  return { keys: body.items.map((i: any) => keyOf[i.userId]).filter(Boolean) as string[], body };
}

async function count(params: Record<string, string | string[]>, user: TestUser = member) {
  const res = await call(env, { url: url("/count", params), user });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().total as number;
}

const LISTED = PEOPLE.filter((p) => p.directory !== false && p.status !== "suspended").map((p) => p.key);
const ACTIVE = PEOPLE.filter((p) => p.status !== "suspended").map((p) => p.key);
/** The network's operator and employee: staff are listed to members until they choose otherwise. */
const STAFF = 2;

describe("who appears", () => {
  it("members see listed, active members only; operators see every active member", async () => {
    expect((await find({})).keys.sort()).toEqual([...LISTED].sort());
    expect((await find({}, employee)).keys.sort()).toEqual([...LISTED].sort());
    expect((await find({}, net.operator)).keys.sort()).toEqual([...ACTIVE].sort());
    // Counts agree with the results: the listed alumni and the staff (the viewer, an alumna who
    // never opted in, is operators' only).
    expect(await count({})).toBe(LISTED.length + STAFF);
  });

  it("lists the staff who run the network to members, until they opt out", async () => {
    const staff = (await find({ q: "運営" })).body.items.map((i: any) => i.userId);
    expect(staff).toContain(net.operator.id);
    const profile = await call(env, { url: `/api/n/${net.slug}/profiles/${net.operator.id}`, user: member });
    expect(profile.statusCode).toBe(200);
    expect(profile.json().displayName).toBe("運営 花子");
    // Their own choice counts: an employee who turns the directory off disappears for members.
    const consent = {
      acceptNoticeVersion: 1,
      directory: false,
      rehire: false,
      freelance: false,
      events: false,
      surveys: false,
    };
    const put = await call(env, {
      method: "PUT",
      url: `/api/n/${net.slug}/consent`,
      user: employee,
      payload: consent,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(await count({})).toBe(LISTED.length + STAFF - 1);
    const hidden = await call(env, { url: `/api/n/${net.slug}/profiles/${employee.id}`, user: member });
    expect(hidden.statusCode).toBe(404);
    const back = await call(env, {
      method: "PUT",
      url: `/api/n/${net.slug}/consent`,
      user: employee,
      payload: { ...consent, directory: true },
    });
    expect(back.statusCode).toBe(200);
    expect(await count({})).toBe(LISTED.length + STAFF);
  });

  it("cards carry only the fields the viewer may see", async () => {
    const { body } = await find({ q: "山田" });
    const yamada = body.items.find((i: any) => i.userId === ids.yamada);
    expect(yamada.displayName).toBe("山田 花子");
    expect(yamada.skills).toEqual(["採用", "労務管理"]);
    expect(yamada).not.toHaveProperty("location"); // default: operators only
    expect(yamada.openTo).toEqual([]); // default: all members (what one is open to is meant to be found)
    const asOperator = (await find({ q: "山田" }, net.operator)).body.items.find(
      (i: any) => i.userId === ids.yamada,
    );
    expect(asOperator.location).toBe("東京都渋谷区");
    const kato = (await find({ q: "加藤" }, net.operator)).body.items[0];
    expect(kato).not.toHaveProperty("skills"); // "only me": not even operators
  });

  it("401 anonymous, 404 for a member of another network, and nothing of this network leaks", async () => {
    expect((await call(env, { url: url("", { q: "山田" }), user: null })).statusCode).toBe(401);
    expect((await call(env, { url: url("/count"), user: null })).statusCode).toBe(401);
    expect((await call(env, { url: url("/suggest", { field: "skills" }), user: null })).statusCode).toBe(401);
    const other = await makeNetwork(env);
    const outsider = await makeMember(env, other, "alumni");
    for (const path of ["", "/count", "/suggest"]) {
      const res = await call(env, { url: url(path, { field: "skills", q: "山田" }), user: outsider });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain("山田");
    }
    // The outsider's own directory is empty of this network's people.
    const own = await call(env, { url: url("", { q: "山田" }, other.slug), user: outsider });
    expect(own.json().total).toBe(0);
    const opOwn = await call(env, { url: url("", {}, other.slug), user: other.operator });
    expect(opOwn.json().items.map((i: any) => i.userId)).not.toContain(ids.yamada);
  });
});

describe("filters", () => {
  it("cohort by join year, with hidden join months not matching", async () => {
    const s2010 = (await find({ joinFrom: "2010", joinTo: "2019" })).keys.sort();
    expect(s2010).toEqual(["kato", "matsumoto", "sato", "smith", "takahashi", "watanabe", "yamada"].sort());
    // 伊藤 (2008) shows her join month to operators only, 田中 (2003) to nobody.
    expect((await find({ joinFrom: "2000", joinTo: "2009" })).keys).toEqual([]);
    expect((await find({ joinFrom: "2000", joinTo: "2009" }, net.operator)).keys).toEqual(["ito"]);
    expect((await find({ joinTo: "1999" })).keys.sort()).toEqual(["kobayashi", "suzuki"]);
    expect(await count({ joinFrom: "2010", joinTo: "2019" })).toBe(7);
  });

  it("department, industry, job type, skills (all), location (prefix), open to (all)", async () => {
    expect((await find({ department: "人事部" })).keys).toEqual(["yamada"]);
    expect((await find({ department: ["人事部", "経理部"] })).keys.sort()).toEqual(["tanaka", "yamada"]);
    expect((await find({ department: "ﾏｰｹﾃｨﾝｸﾞ部" })).keys.sort()).toEqual(["sato", "watanabe"]);
    expect((await find({ industry: "it" })).keys).toEqual(["takahashi"]);
    expect((await find({ jobType: ["hr", "design"] })).keys.sort()).toEqual(["ito", "nakamura", "yamada"]);
    expect((await find({ skill: "react" })).keys).toEqual(["takahashi"]);
    expect((await find({ skill: ["React", "ＴｙｐｅＳｃｒｉｐｔ"] })).keys).toEqual(["takahashi"]);
    expect((await find({ skill: ["React", "SEO"] })).keys).toEqual([]);
    expect((await find({ location: "東京" })).keys).toEqual(["takahashi"]);
    expect((await find({ location: "東京" }, net.operator)).keys.sort()).toEqual(["takahashi", "yamada"]);
    expect((await find({ openTo: "freelance" })).keys).toEqual(["takahashi"]);
    // 伊藤 is open to mentoring, shown to operators only: members' filter must not reveal it.
    expect((await find({ openTo: "mentoring" })).keys).toEqual(["takahashi"]);
    expect((await find({ openTo: "mentoring" }, net.operator)).keys.sort()).toEqual(["ito", "takahashi"]);
    expect((await find({ openTo: ["mentoring", "speaking"] }, net.operator)).keys).toEqual(["ito"]);
  });

  it("filters that would reveal a hidden value never match that member for members", async () => {
    expect((await find({ skill: "機械学習" })).keys).toEqual([]); // 加藤: only me
    expect((await find({ skill: "機械学習" }, net.operator)).keys).toEqual([]);
    expect((await find({ skill: "プロジェクトマネジメント" })).keys).toEqual([]); // 松本: operators
    expect((await find({ skill: "プロジェクトマネジメント" }, net.operator)).keys).toEqual(["matsumoto"]);
    expect((await find({ location: "京都" }, net.operator)).keys).toEqual([]); // 松本: only me
    expect(await count({ skill: "プロジェクトマネジメント" })).toBe(0);
  });

  it("text and filters combine", async () => {
    expect((await find({ q: "マーケティング", joinFrom: "2016" })).keys).toEqual(["watanabe"]);
    expect((await find({ q: "人事", jobType: "hr", joinTo: "2009" }, net.operator)).keys).toEqual(["ito"]);
  });

  it("rejects bad filters with a clear error", async () => {
    const cases: Record<string, string>[] = [
      { joinFrom: "2020", joinTo: "2010" },
      { joinFrom: "abc" },
      { industry: "spaceflight" },
      { openTo: "golf" },
      { sort: "random" },
      { limit: "500" },
    ];
    for (const params of cases) {
      const res = await call(env, { url: url("", params), user: member });
      expect(res.statusCode, JSON.stringify(params)).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
      expect(res.json().error.messages.ja).toBeTruthy();
    }
    const bad = await call(env, { url: url("", { cursor: "nonsense" }), user: member });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("INVALID_CURSOR");
  });

  it("odd text is searched literally, never as syntax", async () => {
    for (const q of ["'", "\\", "%", "_", "a & b", "!(x)", ":*", "   ", "😀", "人事'部"]) {
      const res = await call(env, { url: url("", { q }), user: member });
      expect(res.statusCode, q).toBe(200);
    }
    // Punctuation alone is no search at all (and never a LIKE wildcard).
    expect((await find({ q: "%" })).body.total).toBe(LISTED.length + STAFF);
    expect((await find({ q: "人事%" })).keys).toEqual((await find({ q: "人事" })).keys);
    expect((await find({ q: "人_部" })).keys).toEqual((await find({ q: "人 部" })).keys);
  });
});

describe("sorting and paging", () => {
  it("pages by name (reading) without gaps or repeats, total on the first page", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let first = true;
    do {
      const res = await call(env, {
        url: url("", { sort: "name", limit: "4", ...(cursor ? { cursor } : {}) }),
        user: net.operator,
      });
      const body = res.json();
      if (first)
        expect(body.total).toBe(ACTIVE.length + 3); // + the operator, member and employee
      else expect(body.total).toBeNull();
      first = false;
      seen.push(...body.items.map((i: any) => keyOf[i.userId] ?? "?"));
      cursor = body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.filter((k) => k !== "?").sort()).toEqual([...ACTIVE].sort());
    expect(seen).toHaveLength(ACTIVE.length + 3);
    // By reading: あいうえお order (伊藤 イトウ before 加藤 カトウ before 佐藤 さとう).
    const all = (await find({ sort: "name" }, net.operator)).keys;
    expect(all.indexOf("ito")).toBeLessThan(all.indexOf("kato"));
    expect(all.indexOf("kato")).toBeLessThan(all.indexOf("sato"));
  });

  it("pages by relevance and by most recent member", async () => {
    for (const sort of ["relevance", "recent"]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const res = await call(env, {
          url: url("", {
            q: sort === "relevance" ? "部" : "",
            sort,
            limit: "2",
            ...(cursor ? { cursor } : {}),
          }),
          user: member,
        });
        expect(res.statusCode, res.body).toBe(200);
        seen.push(...res.json().items.map((i: any) => i.userId));
        cursor = res.json().nextCursor ?? undefined;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      const total = (await find({ q: sort === "relevance" ? "部" : "", sort })).body.total;
      expect(seen.length).toBe(total);
    }
    const recent = (await find({ sort: "recent" })).keys;
    expect(recent[0]).toBe("smith"); // added last
  });

  it("caps the total and the ranked set of a very broad search, never the pages by name", async () => {
    const scope = { networkId: net.id, audience: "operators" as const };
    const broad = prepareSearch(scope, { q: "部" });
    const all = await findPage(env.ctx.db, broad, "relevance", null, 50);
    expect(all.capped).toBe(false);
    const capped = await findPage(env.ctx.db, broad, "relevance", null, 2, 3);
    expect(capped).toMatchObject({ total: 3, capped: true });
    expect(capped.hits).toHaveLength(3); // limit + 1: there is a next page
    const byName = await findPage(env.ctx.db, prepareSearch(scope, {}), "name", null, 50, 3);
    expect(byName).toMatchObject({ total: 3, capped: true });
    expect(byName.hits.length).toBe(ACTIVE.length + 3); // the page itself is not capped
    const api = (await find({ q: "部" })).body;
    expect(api.totalCapped).toBe(false);
  });

  it("a cursor of another sort is refused", async () => {
    const page = (await call(env, { url: url("", { sort: "name", limit: "2" }), user: member })).json();
    const res = await call(env, { url: url("", { sort: "recent", cursor: page.nextCursor }), user: member });
    expect(res.json().error.code).toBe("INVALID_CURSOR");
  });
});

describe("suggestions", () => {
  const suggest = async (field: string, q: string, user: TestUser = member) => {
    const res = await call(env, { url: url("/suggest", { field, q }), user });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as { label: string; key: string; count: number }[];
  };

  it("offers labels in use, normalised, most used first, with counts per audience", async () => {
    expect(await suggest("skills", "re")).toEqual([{ label: "React", key: "react", count: 1 }]);
    expect(await suggest("skills", "ＲＥ", net.operator)).toEqual([
      { label: "React", key: "react", count: 2 },
    ]);
    expect((await suggest("departments", "ﾏｰｹ")).map((s) => [s.label, s.count])).toEqual([
      ["マーケティング部", 2],
    ]);
    expect((await suggest("skills", "")).length).toBeGreaterThan(5);
  });

  it("never suggests a hidden value", async () => {
    expect(await suggest("skills", "機械")).toEqual([]);
    expect(await suggest("skills", "機械", net.operator)).toEqual([]);
    expect(await suggest("skills", "プロジェクト")).toEqual([]);
    expect((await suggest("skills", "プロジェクト", net.operator)).map((s) => s.label)).toEqual([
      "プロジェクトマネジメント",
    ]);
    expect(await suggest("location", "東京")).toEqual([{ label: "東京都港区", key: "東京都港区", count: 1 }]);
    expect(await suggest("location", "京都", net.operator)).toEqual([]);
    expect(await suggest("skills", "人事制度", net.operator)).toEqual([]); // suspended
  });
});

describe("the directory follows every change at once", () => {
  it("hiding a field, withdrawing consent, suspension and reinstatement", async () => {
    const n = await makeNetwork(env);
    const viewer = await makeMember(env, n, "alumni");
    const owner = await makeMember(env, n, "alumni", { name: "森 春香" });
    const person = { key: "mori", displayName: "森 春香", skills: ["Salesforce"], joinYm: "2014-04" };
    // Owner's profile through the real routes.
    const put = (body: unknown) =>
      call(env, { method: "PUT", url: `/api/n/${n.slug}/profiles/me`, user: owner, payload: body });
    const consent = (directory: boolean) =>
      call(env, {
        method: "PUT",
        url: `/api/n/${n.slug}/consent`,
        user: owner,
        payload: {
          acceptNoticeVersion: 1,
          directory,
          rehire: false,
          freelance: false,
          events: false,
          surveys: false,
        },
      });
    const q = async (params: Record<string, string | string[]>, who = viewer) =>
      (await call(env, { url: url("", params, n.slug), user: who })).json();
    const sug = async () =>
      (
        await call(env, { url: url("/suggest", { field: "skills", q: "sales" }, n.slug), user: viewer })
      ).json().items;

    expect(
      (await put({ displayName: person.displayName, skills: person.skills, joinYm: person.joinYm }))
        .statusCode,
    ).toBe(200);
    expect((await q({ q: "salesforce" })).total).toBe(0); // no consent yet
    expect((await q({ q: "salesforce" }, n.operator)).total).toBe(1);
    expect((await consent(true)).statusCode).toBe(200);
    expect((await q({ q: "salesforce" })).total).toBe(1);
    expect(await sug()).toHaveLength(1);

    await put({
      displayName: person.displayName,
      skills: person.skills,
      joinYm: person.joinYm,
      visibility: { skills: "private" },
    });
    expect((await q({ q: "salesforce" })).total).toBe(0);
    expect((await q({ skill: "Salesforce" })).total).toBe(0);
    expect(await sug()).toEqual([]);
    expect((await q({ q: "森" })).total).toBe(1); // still listed, by name

    await put({ displayName: person.displayName, skills: ["Salesforce", "HubSpot"], joinYm: person.joinYm });
    expect((await q({ skill: ["salesforce", "hubspot"] })).total).toBe(1);

    await consent(false);
    expect((await q({ q: "森" })).total).toBe(0);
    expect((await q({ q: "森" }, n.operator)).total).toBe(1);
    const profile = await call(env, { url: `/api/n/${n.slug}/profiles/${owner.id}`, user: viewer });
    expect(profile.statusCode).toBe(404);
    await consent(true);

    await setMemberStatus(env, n.id, owner.id, "suspended");
    expect((await q({ q: "森" })).total).toBe(0);
    expect((await q({ q: "森" }, n.operator)).total).toBe(0);
    expect(await sug()).toEqual([]);
    await setMemberStatus(env, n.id, owner.id, "active");
    expect((await q({ q: "森" })).total).toBe(1);
    expect(await sug()).toHaveLength(1);
  });

  it("a member added later is found; other networks' people never are", async () => {
    const n = await makeNetwork(env);
    const viewer = await makeMember(env, n, "alumni");
    await addPerson(env, n, { key: "late", displayName: "遅野 来人", skills: ["Kotlin"] });
    const res = await call(env, { url: url("", { q: "kotlin" }, n.slug), user: viewer });
    expect(res.json().total).toBe(1);
    const here = await call(env, { url: url("", { q: "kotlin" }), user: member });
    expect(here.json().total).toBe(0);
  });

  it("cached pages are shared within an audience only, never across networks, and never outlive a change", async () => {
    const n = await makeNetwork(env);
    const [a, b] = [await makeMember(env, n, "alumni"), await makeMember(env, n, "alumni")];
    await addPerson(env, n, { key: "c1", displayName: "蔵前 一葉", skills: ["Terraform"] });
    await addPerson(env, n, { key: "c2", displayName: "蔵前 二葉", skills: ["Terraform"], directory: false });
    const other = await makeNetwork(env);
    const outsider = await makeMember(env, other, "alumni");
    const q = async (who: TestUser, slug = n.slug) =>
      (await call(env, { url: url("", { q: "terraform" }, slug), user: who })).json().total;
    const queries = () => pageCacheStats(env.ctx)?.queries ?? 0;

    expect(await q(a)).toBe(1);
    const computed = queries();
    expect(await q(b)).toBe(1); // the same page, from the cache
    expect(queries()).toBe(computed);
    expect(await q(n.operator)).toBe(2); // operators' page is another one
    expect(queries()).toBe(computed + 1);
    expect(await q(outsider, other.slug)).toBe(0);

    await addPerson(env, n, { key: "c3", displayName: "蔵前 三葉", skills: ["Terraform"] });
    expect(await q(b)).toBe(2);
    expect(await q(n.operator)).toBe(3);
    expect(await q(outsider, other.slug)).toBe(0);
    await call(env, {
      method: "PUT",
      url: `/api/n/${n.slug}/profiles/me`,
      user: a,
      payload: { displayName: "蔵前 四葉", skills: ["terraform"] },
    });
    expect(await q(b)).toBe(2); // no consent yet: listed for operators only
    expect(await q(n.operator)).toBe(4);
  });
  it("keeps a cached page through changes that cannot concern it, and recomputes it after one that can", async () => {
    const n = await makeNetwork(env);
    const [a, b] = [await makeMember(env, n, "alumni"), await makeMember(env, n, "alumni")];
    const save = async (who: TestUser, body: Record<string, unknown>) => {
      const res = await call(env, {
        method: "PUT",
        url: `/api/n/${n.slug}/profiles/me`,
        user: who,
        payload: body,
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await save(a, { displayName: "栗原 ひかり", skills: ["Elixir"], bio: "決済基盤" });
    await save(b, { displayName: "桐谷 まこと", skills: ["Haskell"] });
    const stats = () => pageCacheStats(env.ctx) ?? { queries: 0, checks: 0, unchanged: 0 };
    const look = async (params: Record<string, string>) => {
      const res = await call(env, { url: url("", params, n.slug), user: n.operator });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const bySkill = { skill: "elixir" };
    const byText = { q: "決済" };
    expect((await look(bySkill)).total).toBe(1);
    expect((await look(byText)).total).toBe(1);

    // b changes, matching neither search before or after: both pages are served as they were.
    let before = stats();
    await save(b, { displayName: "桐谷 まこと", skills: ["Haskell", "OCaml"], bio: "型の話" });
    expect((await look(bySkill)).total).toBe(1);
    expect((await look(byText)).total).toBe(1);
    expect(stats().queries - before.queries).toBe(0);
    expect(stats().unchanged - before.unchanged).toBe(2);

    // b now matches (the row as it is after): recomputed.
    before = stats();
    await save(b, { displayName: "桐谷 まこと", skills: ["Elixir"] });
    expect((await look(bySkill)).total).toBe(2);
    // b no longer matches (the row as it was before): recomputed.
    await save(b, { displayName: "桐谷 まこと", skills: ["Haskell"] });
    expect((await look(bySkill)).total).toBe(1);
    expect(stats().queries - before.queries).toBe(2);

    // a, on the page, changes what the card shows but still matches: the page shows the new card.
    await save(a, { displayName: "栗原 ひかり", skills: ["Elixir"], bio: "決済基盤と請求" });
    const card = (await look(byText)).items[0];
    expect(card.bio).toContain("請求");

    // A bulk change (a roster import, the loader) leaves no page standing.
    before = stats();
    const many = Array.from({ length: CHANGE_ROWS_MAX + 1 }, (_, i) => `nobody-${i}`);
    await env.ctx.db.transaction((tx) => syncDirectory(tx, n.id, many));
    expect((await look(bySkill)).total).toBe(1);
    expect(stats().queries - before.queries).toBe(1);

    // Versions no longer recorded count as changes.
    before = stats();
    await save(b, { displayName: "桐谷 まこと", skills: ["Haskell"], bio: "もう一度" });
    await env.ctx.db.delete(directoryChange).where(eq(directoryChange.networkId, n.id));
    expect((await look(byText)).total).toBe(1);
    expect(stats().queries - before.queries).toBe(1);
  });
  it("follows an account rename on the cards, but keeps a display name the member chose", async () => {
    const n = await makeNetwork(env);
    const u = await makeMember(env, n, "alumni", { name: "旧名 太郎" });
    const v = await makeMember(env, n, "alumni", { name: "本名 三郎" });
    const chosen = await call(env, {
      method: "PUT",
      url: `/api/n/${n.slug}/profiles/me`,
      user: v,
      payload: { displayName: "サブ・ロー" },
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    const names = async (q: string) =>
      (await call(env, { url: url("", { q }, n.slug), user: n.operator }))
        .json()
        .items.map((i: any) => i.displayName);
    const rename = async (who: TestUser, name: string) => {
      const res = await call(env, {
        method: "POST",
        url: "/api/auth/update-user",
        user: who,
        payload: { name },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    expect(await names("旧名")).toEqual(["旧名 太郎"]);
    await rename(u, "新名 次郎");
    expect(await names("新名")).toEqual(["新名 次郎"]);
    expect(await names("旧名")).toEqual([]);
    await rename(v, "改名 四郎");
    expect(await names("サブ")).toEqual(["サブ・ロー"]);
  });
  it("finds names written with variant kanji by their common form, and the other way round", async () => {
    const n = await makeNetwork(env);
    const viewer = await makeMember(env, n, "alumni");
    const taka = await addPerson(env, n, { key: "taka", displayName: "髙橋 一郎" });
    const zaki = await addPerson(env, n, { key: "zaki", displayName: "山崎 花子" });
    const found = async (q: string) =>
      (await call(env, { url: url("", { q }, n.slug), user: viewer })).json().items.map((i: any) => i.userId);
    expect(await found("高橋")).toEqual([taka]);
    expect(await found("髙橋")).toEqual([taka]);
    expect(await found("山﨑")).toEqual([zaki]);
    const card = (await call(env, { url: url("", { q: "高橋" }, n.slug), user: viewer })).json().items[0];
    expect(card.displayName).toBe("髙橋 一郎"); // shown as written
  });

  it("shows today's name with its reading, the name while employed only when it differs, and sorts by today's reading", async () => {
    const n = await makeNetwork(env);
    const viewer = await makeMember(env, n, "alumni");
    const azuma = await addPerson(env, n, {
      key: "azuma",
      displayName: "東 夏美",
      displayNameKana: "アズマ ナツミ",
      nameWhileEmployed: "松村 夏美",
      nameKana: "マツムラ ナツミ",
    });
    const same = await addPerson(env, n, {
      key: "same",
      displayName: "井上 健",
      displayNameKana: "イノウエ ケン",
      nameWhileEmployed: "井上　健",
      nameKana: "イノウエ ケン",
    });
    const noReading = await addPerson(env, n, {
      key: "noreading",
      displayName: "岡 真由",
      nameWhileEmployed: "石田 真由",
      nameKana: "イシダ マユ",
    });
    const kaneko = await addPerson(env, n, {
      key: "kaneko",
      displayName: "金子 純",
      displayNameKana: "カネコ ジュン",
      nameKana: "カネコ ジュン",
    });
    const cards = (await call(env, { url: url("", { sort: "name" }, n.slug), user: viewer })).json().items;
    const mine = cards.filter((c: any) => [azuma, same, noReading, kaneko].includes(c.userId));
    // アズマ, イノウエ, カネコ by reading; 岡 has no reading of today's name (not イシダ): after them.
    expect(mine.map((c: any) => c.userId)).toEqual([azuma, same, kaneko, noReading]);
    expect(mine[0]).toMatchObject({
      displayNameKana: "アズマ ナツミ",
      nameWhileEmployed: "松村 夏美",
      nameKana: "マツムラ ナツミ",
    });
    expect(mine[1].displayNameKana).toBe("イノウエ ケン");
    expect(mine[1]).not.toHaveProperty("nameWhileEmployed");
    expect(mine[1]).not.toHaveProperty("nameKana");
    expect(mine[3].displayNameKana).toBeNull();
    expect(mine[3].nameWhileEmployed).toBe("石田 真由");
    // The former name still finds her.
    const found = (await call(env, { url: url("", { q: "松村" }, n.slug), user: viewer })).json().items;
    expect(found.map((c: any) => c.userId)).toEqual([azuma]);
  });

  it("shows no reading once its owner cleared it, even when the name while employed is the same name", async () => {
    const n = await makeNetwork(env);
    const viewer = await makeMember(env, n, "alumni");
    const owner = await admitTestMember(env, n, "alumni", { name: "石井 涼" }); // listed
    const save = (displayNameKana: string) =>
      call(env, {
        method: "PUT",
        url: `/api/n/${n.slug}/profiles/me`,
        user: owner,
        payload: {
          displayName: "石井 涼",
          displayNameKana,
          nameWhileEmployed: "石井 涼",
          nameKana: "イシイ リョウ",
        },
      });
    const cardOf = async () =>
      (await call(env, { url: url("", { sort: "name" }, n.slug), user: viewer }))
        .json()
        .items.find((c: any) => c.userId === owner.id);
    const profileOf = async () =>
      (await call(env, { url: `/api/n/${n.slug}/profiles/${owner.id}`, user: viewer })).json();
    expect((await save("イシイ リョウ")).statusCode).toBe(200);
    expect((await cardOf()).displayNameKana).toBe("イシイ リョウ");
    const cleared = await save("");
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().displayNameKana).toBeNull(); // stored as no reading
    const card = await cardOf();
    expect(card.displayNameKana ?? null).toBeNull();
    expect(JSON.stringify(card)).not.toContain("イシイ");
    // The profile page derives the reading from what it is given (src/web/routes/profile/ProfileDetails.tsx).
    const seen = await profileOf();
    expect(seen.nameKana).toBe("イシイ リョウ");
    expect(shownNames(seen).reading).toBeNull();
  });

  it("does not show the reading of a hidden name while employed as today's reading", async () => {
    const n = await makeNetwork(env);
    const viewer = await makeMember(env, n, "alumni");
    // 旧姓 shown to operators only, its reading to members: members must not see マツムラ under 東.
    const azuma = await addPerson(env, n, {
      key: "hidden",
      displayName: "東 夏美",
      nameWhileEmployed: "松村 夏美",
      nameKana: "マツムラ ナツミ",
      visibility: { nameWhileEmployed: "operators", nameKana: "members" },
    });
    const cardFor = async (user: any) =>
      (await call(env, { url: url("", { sort: "name" }, n.slug), user }))
        .json()
        .items.find((c: any) => c.userId === azuma);
    const seen = await cardFor(viewer);
    expect(seen.displayName).toBe("東 夏美");
    expect(seen.displayNameKana ?? null).toBeNull();
    expect(JSON.stringify(seen)).not.toContain("マツムラ");
    // Nor is she found or sorted by it.
    const byKana = (await call(env, { url: url("", { q: "マツムラ" }, n.slug), user: viewer })).json().items;
    expect(byKana.map((c: any) => c.userId)).not.toContain(azuma);
    // Operators see both names: the reading goes with the name while employed.
    expect(await cardFor(n.operator)).toMatchObject({
      nameWhileEmployed: "松村 夏美",
      nameKana: "マツムラ ナツミ",
      displayNameKana: null,
    });
  });
});

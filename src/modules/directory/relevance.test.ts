// The relevance test set: Japanese and mixed queries over the fixed people of testing.ts, each
// with the members it must find and those it must not, as an ordinary member and as an operator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createTestEnv,
  makeMember,
  makeNetwork,
  type TestEnv,
  type TestNetwork,
  type TestUser,
} from "../../test/harness.ts";
import { addPeople, PEOPLE } from "./testing.ts";

let env: TestEnv;
let net: TestNetwork;
let viewer: TestUser;
let ids: Record<string, string>;
let names: Record<string, string>;

beforeAll(async () => {
  env = await createTestEnv();
  net = await makeNetwork(env);
  viewer = await makeMember(env, net, "alumni");
  ids = await addPeople(env, net, PEOPLE);
  names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
});
afterAll(() => env?.close());

async function search(q: string, user: TestUser = viewer): Promise<string[]> {
  const res = await call(env, {
    url: `/api/n/${net.slug}/directory?limit=50&q=${encodeURIComponent(q)}`,
    user,
  });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  expect(body.total).toBe(body.items.length);
  return body.items.map((i: { userId: string }) => names[i.userId] ?? i.userId);
}

type Case = [query: string, hits: string[], nonHits: string[]];

/** As a member: only what members may see. */
const MEMBER_CASES: Case[] = [
  ["マーケティング", ["sato", "watanabe", "smith"], ["suzuki", "yamada"]],
  ["ﾏｰｹﾃｨﾝｸﾞ", ["sato", "watanabe", "smith"], ["suzuki"]],
  ["まーけてぃんぐ", ["sato", "watanabe"], ["yamada"]],
  ["marketing", ["sato", "watanabe", "smith"], ["suzuki"]],
  ["Marketing", ["smith", "sato"], ["tanaka"]],
  ["人事", ["yamada", "ito"], ["yamamoto", "suzuki"]],
  ["人事部", ["yamada"], ["ito", "yamamoto"]],
  ["人事部長", ["yamada"], ["ito"]],
  ["部長", ["yamada"], ["suzuki"]],
  ["営業資料", ["suzuki"], ["kobayashi", "smith"]],
  ["営業 企画", ["kobayashi"], ["suzuki"]],
  ["人事 営業", [], ["yamada", "suzuki"]],
  ["ＷＥＢ", ["sato"], ["takahashi"]],
  ["web", ["sato"], ["takahashi"]],
  ["react", ["takahashi"], ["yoshida"]],
  ["React", ["takahashi"], ["yoshida"]],
  ["ＲＥＡＣＴ", ["takahashi"], ["yoshida"]],
  ["typescript", ["takahashi"], ["sato"]],
  ["node.js", ["takahashi"], ["sato"]],
  ["採用", ["yamada"], ["ito"]],
  ["機械学習", [], ["kato"]],
  ["研修", ["ito"], ["yamada"]],
  ["コーチング", ["ito"], ["yamada"]],
  ["こーちんぐ", ["ito"], []],
  ["財務", ["tanaka"], ["yamada"]],
  ["経理", ["tanaka"], ["suzuki"]],
  ["エンジニア", ["takahashi"], ["yoshida"]],
  ["フロントエンド", ["takahashi"], ["yoshida"]],
  ["デザイン", ["nakamura"], ["yamada"]],
  ["ui", ["nakamura"], ["takahashi"]],
  ["山田", ["yamada"], ["yamamoto"]],
  ["やまだ", ["yamada"], []],
  ["ヤマダ", ["yamada"], []],
  ["花子", ["yamada"], []],
  ["鈴木商事", ["suzuki"], []],
  ["東京", ["takahashi"], ["yamada"]], // 山田 keeps her location to operators (the default)
  ["大阪", ["sato"], []],
  ["プロジェクトマネジメント", [], ["matsumoto"]],
  ["京都", [], ["matsumoto"]],
  ["seo", ["sato"], []],
  ["Google Analytics", ["sato"], []],
  ["人材", ["yamada", "ito"], ["suzuki"]],
  ["ｼﾞｮﾝ", ["smith"], []],
  ["拓也", [], ["yamamoto"]],
];

/** As an operator: what operators may see (not "only me" fields; everyone active, listed or not). */
const OPERATOR_CASES: Case[] = [
  ["東京", ["yamada", "takahashi"], ["sato"]],
  ["react", ["takahashi", "yoshida"], []],
  ["プロジェクトマネジメント", ["matsumoto"], []],
  ["京都", [], ["matsumoto"]],
  ["機械学習", [], ["kato"]],
  ["拓也", [], ["yamamoto"]],
];

function check(kind: string, cases: Case[], who: () => TestUser) {
  describe(`relevance as ${kind}`, () => {
    it.each(cases)("%s", async (q, hits, nonHits) => {
      const found = await search(q, who());
      for (const h of hits) expect(found, `${q} should find ${h}`).toContain(h);
      for (const n of nonHits) expect(found, `${q} should not find ${n}`).not.toContain(n);
      if (!hits.length) expect(found.filter((f) => PEOPLE.some((p) => p.key === f))).toEqual([]);
    });
  });
}

check("a member", MEMBER_CASES, () => viewer);
check("an operator", OPERATOR_CASES, () => net.operator);

describe("ranking", () => {
  it("puts a name match first", async () => {
    expect((await search("山田"))[0]).toBe("yamada");
    expect((await search("smith"))[0]).toBe("smith");
  });
  it("puts skills and departments before a mention in the bio", async () => {
    const found = await search("フロントエンド");
    expect(found).toEqual(["takahashi"]);
    const mkt = await search("ブランド");
    expect(mkt[0]).toBe("watanabe");
  });
  it("puts the whole phrase before scattered words", async () => {
    const found = await search("営業 資料");
    expect(found[0]).toBe("suzuki");
  });
});

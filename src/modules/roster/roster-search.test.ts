// Searching the roster: normalised matching over name, kana, employee number, department and
// email; state filter; keyset pagination by employee number or by reading.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestEnv, makeNetwork, type TestEnv, type TestNetwork } from "../../test/harness.ts";
import { uploadRoster } from "./testing.ts";

let env: TestEnv;
let net: TestNetwork;
beforeAll(async () => {
  env = await createTestEnv();
  net = await makeNetwork(env);
  const csv = [
    "社員番号,氏名,フリガナ,入社日,退職日,最終所属,メールアドレス",
    "0003,山田 太郎,ヤマダ タロウ,2015/4/1,2020/3/31,営業部 第一課,taro.yamada@example.com",
    "0001,佐藤 花子,サトウ ハナコ,2010/4/1,2019/9/30,人事部,hanako@example.jp",
    "0002,鈴木 一郎,スズキ イチロウ,2001/4/1,2012/9/30,開発本部・基盤開発部,",
    "0010,青木 100%,アオキ,2001/4/1,2012/9/30,経理部,",
    "A-5,ｲﾄｳ ｹﾝ,ｲﾄｳ ｹﾝ,2001/4/1,2012/9/30,営業部,ken_ito@example.com",
  ].join("\n");
  const res = await uploadRoster(env, net.slug, net.operator, csv);
  if (res.statusCode !== 200) throw new Error(res.body);
});
afterAll(() => env?.close());

const search = async (qs: string) => {
  const res = await call(env, { url: `/api/n/${net.slug}/roster?${qs}`, user: net.operator });
  expect(res.statusCode).toBe(200);
  return res.json();
};
const numbers = async (qs: string) => (await search(qs)).items.map((i: any) => i.employeeNumber);
const q = (s: string) => `q=${encodeURIComponent(s)}`;

describe("roster search", () => {
  it("matches names with or without spaces, in kanji, katakana, hiragana and half-width kana", async () => {
    expect(await numbers(q("山田太郎"))).toEqual(["0003"]);
    expect(await numbers(q("山田　太郎"))).toEqual(["0003"]);
    expect(await numbers(q("やまだ"))).toEqual(["0003"]);
    expect(await numbers(q("ﾔﾏﾀﾞ"))).toEqual(["0003"]);
    expect(await numbers(q("イトウ"))).toEqual(["A-5"]);
    expect(await numbers(q("いとう けん"))).toEqual(["A-5"]);
  });

  it("matches employee numbers, departments and emails; several terms must all match", async () => {
    expect(await numbers(q("０００２"))).toEqual(["0002"]);
    expect(await numbers(q("a-5"))).toEqual(["A-5"]);
    expect(await numbers(q("営業部"))).toEqual(["0003", "A-5"]);
    expect(await numbers(q("基盤開発"))).toEqual(["0002"]);
    expect(await numbers(q("第一課"))).toEqual(["0003"]);
    expect(await numbers(q("EXAMPLE.JP"))).toEqual(["0001"]);
    expect(await numbers(q("営業 いとう"))).toEqual(["A-5"]);
    expect(await numbers(q("営業 さとう"))).toEqual([]);
  });

  it("treats % and _ literally", async () => {
    expect(await numbers(q("100%"))).toEqual(["0010"]);
    expect(await numbers(q("%"))).toEqual(["0010"]);
    expect(await numbers(q("ken_"))).toEqual(["A-5"]);
    expect(await numbers(q("_"))).toEqual(["A-5"]);
  });

  it("pages by employee number with a stable total", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await search(`limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.total).toBe(5);
      seen.push(...page.items.map((i: any) => i.employeeNumber));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["0001", "0002", "0003", "0010", "A-5"]);
  });

  it("pages by reading (kana) order", async () => {
    const first = await search("sort=name&limit=3");
    const second = await search(`sort=name&limit=3&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((i: any) => i.nameKana)).toEqual([
      "アオキ",
      "イトウ ケン",
      "サトウ ハナコ",
      "スズキ イチロウ",
      "ヤマダ タロウ",
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it("filters by state and rejects a bad cursor or state", async () => {
    expect((await search("status=not_invited")).total).toBe(5);
    expect((await search("status=member")).total).toBe(0);
    const bad = await call(env, { url: `/api/n/${net.slug}/roster?cursor=garbage`, user: net.operator });
    expect(bad.statusCode).toBe(400);
    const badState = await call(env, { url: `/api/n/${net.slug}/roster?status=gone`, user: net.operator });
    expect(badState.statusCode).toBe(400);
  });
});

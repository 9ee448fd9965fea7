// The roster as CSV: the import's own columns (so the file goes back in unchanged), the state
// columns after them, the list's search/state/order, UTF-8 with BOM or Shift_JIS, audited, and
// never a row of another network.
import { and, eq } from "drizzle-orm";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, rosterEntry, user } from "../../db/schema/index.ts";
import {
  call,
  createTestEnv,
  makeMember,
  makeNetwork,
  type TestEnv,
  type TestNetwork,
} from "../../test/harness.ts";
import { uploadRoster } from "./testing.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

const HEADER = "社員番号,氏名,フリガナ,入社日,退職日,最終所属,メールアドレス";
const SAMPLE = [
  HEADER,
  "A003,鈴木 一郎,,2001.4.1,2012-09-30,開発本部,ichiro@example.jp",
  "A001,山田 太郎,ヤマダ タロウ,2015/4/1,2020/3/31,営業部,taro@example.com",
  'A002,佐藤 花子,サトウ ハナコ,2010年4月1日,20190930,"人事部, 採用課",',
].join("\r\n");

const exportUrl = (slug: string, qs = "") => `/api/n/${slug}/roster/export.csv${qs}`;
const lines = (body: Buffer) =>
  body
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");

async function rosterNetwork(csv = SAMPLE): Promise<TestNetwork> {
  const net = await makeNetwork(env);
  const res = await uploadRoster(env, net.slug, net.operator, csv);
  expect(res.statusCode, res.body).toBe(200);
  return net;
}

/** Links roster row `employeeNumber` to a new member, as an approval would. */
async function linkMember(net: TestNetwork, employeeNumber: string) {
  const u = await makeMember(env, net, "alumni");
  const [row] = await env.ctx.db
    .select({ id: rosterEntry.id })
    .from(rosterEntry)
    .where(and(eq(rosterEntry.networkId, net.id), eq(rosterEntry.employeeNumber, employeeNumber)));
  await env.ctx.db.update(rosterEntry).set({ linkedUserId: u.id }).where(eq(rosterEntry.id, row.id));
  return u;
}

describe("roster CSV export", () => {
  it("writes the import's columns, then the state columns, UTF-8 with a BOM, in the list's order", async () => {
    const net = await rosterNetwork();
    await linkMember(net, "A002");
    const a001 = (await call(env, { url: `/api/n/${net.slug}/roster?q=A001`, user: net.operator })).json()
      .items[0].id;
    const invited = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/invitations`,
      user: net.operator,
      payload: { rosterEntryIds: [a001] },
    });
    expect(invited.json().created, invited.body).toHaveLength(1);
    const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
    const res = await call(env, { url: exportUrl(net.slug), user: net.operator });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(
      new RegExp(`^attachment; filename="roster-${net.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
    );
    expect(res.headers["cache-control"]).toBe("no-store");
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(lines(res.rawPayload)).toEqual([
      `${HEADER},状態,招待日,メンバー登録`,
      `A001,山田 太郎,ヤマダ タロウ,2015-04-01,2020-03-31,営業部,taro@example.com,招待中,${today},未`,
      'A002,佐藤 花子,サトウ ハナコ,2010-04-01,2019-09-30,"人事部, 採用課",,メンバー,,済',
      "A003,鈴木 一郎,,2001-04-01,2012-09-30,開発本部,ichiro@example.jp,未招待,,未",
    ]);
  });

  it("goes back in through the import unchanged", async () => {
    const net = await rosterNetwork();
    const before = (await call(env, { url: `/api/n/${net.slug}/roster`, user: net.operator })).json().items;
    const file = (await call(env, { url: exportUrl(net.slug), user: net.operator })).rawPayload;
    const sjis = (await call(env, { url: exportUrl(net.slug, "?encoding=shift_jis"), user: net.operator }))
      .rawPayload;
    for (const bytes of [file, sjis]) {
      const res = await uploadRoster(env, net.slug, net.operator, bytes);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ rows: 3, created: 0, updated: 3 });
    }
    const after = (await call(env, { url: `/api/n/${net.slug}/roster`, user: net.operator })).json().items;
    expect(after).toEqual(before);
  });

  it("writes Shift_JIS bytes that decode to the same text, and refuses rows Shift_JIS cannot hold", async () => {
    const net = await rosterNetwork();
    const utf8 = (await call(env, { url: exportUrl(net.slug), user: net.operator })).rawPayload;
    const res = await call(env, { url: exportUrl(net.slug, "?encoding=shift_jis"), user: net.operator });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=Shift_JIS");
    expect(res.rawPayload[0]).not.toBe(0xef); // no BOM
    // 社 in Shift_JIS is 0x8E 0xD0: the bytes are Shift_JIS, not UTF-8.
    expect([...res.rawPayload.subarray(0, 2)]).toEqual([0x8e, 0xd0]);
    expect(iconv.decode(res.rawPayload, "Shift_JIS")).toBe(utf8.toString("utf8").slice(1));

    const odd = await rosterNetwork(
      [HEADER, "Z001,𠮷野 一郎,,2015/4/1,2020/3/31,,", "Z002,山田 二郎,,2015/4/1,2020/3/31,,"].join("\n"),
    );
    const refused = await call(env, { url: exportUrl(odd.slug, "?encoding=shift_jis"), user: odd.operator });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: "ROSTER_EXPORT_NOT_SHIFT_JIS",
      details: { total: 1, rows: [{ employeeNumber: "Z001", field: "name" }] },
    });
    expect(refused.json().error.messages.ja).toContain("UTF-8 で書き出してください");
    const ok = await call(env, { url: exportUrl(odd.slug), user: odd.operator });
    expect(lines(ok.rawPayload)[1]).toContain("𠮷野 一郎");
  });

  it("applies the list's search, state and order", async () => {
    const net = await rosterNetwork();
    await linkMember(net, "A003");
    const numbers = async (qs: string) => {
      const res = await call(env, { url: exportUrl(net.slug, qs), user: net.operator });
      expect(res.statusCode, res.body).toBe(200);
      return lines(res.rawPayload)
        .slice(1)
        .map((l) => l.split(",")[0]);
    };
    expect(await numbers("?q=%E4%BD%90%E8%97%A4")).toEqual(["A002"]); // 佐藤
    expect(await numbers("?q=example.com")).toEqual(["A001"]);
    expect(await numbers("?status=member")).toEqual(["A003"]);
    expect(await numbers("?state=not_invited")).toEqual(["A001", "A002"]);
    // By reading: さとう, やまだ, then 鈴木 (no kana: its name key, kanji after kana).
    expect(await numbers("?sort=name")).toEqual(["A002", "A001", "A003"]);
    expect(await numbers("?q=%E3%81%84%E3%81%AA%E3%81%84")).toEqual([]); // いない: the header only
    const bad = await call(env, { url: exportUrl(net.slug, "?encoding=latin1"), user: net.operator });
    expect(bad.statusCode).toBe(400);

    const audits = await env.ctx.db
      .select({ data: auditLog.data, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(and(eq(auditLog.networkId, net.id), eq(auditLog.action, "roster.exported")));
    expect(audits.map((a) => a.data)).toContainEqual({
      rows: 1,
      encoding: "utf8",
      filters: { q: "佐藤", sort: "employeeNumber" },
    });
    expect(audits.map((a) => a.data)).toContainEqual({
      rows: 1,
      encoding: "utf8",
      filters: { status: "member", sort: "employeeNumber" },
    });
    expect(audits).toHaveLength(6); // the refused encoding is not an export
    expect(audits.every((a) => a.actor === net.operator.id)).toBe(true);
  });

  it("has English headers the import also reads, for an operator who uses English", async () => {
    const net = await rosterNetwork();
    await env.ctx.db.update(user).set({ locale: "en" }).where(eq(user.id, net.operator.id));
    const res = await call(env, { url: exportUrl(net.slug, "?q=A001"), user: net.operator });
    expect(lines(res.rawPayload)).toEqual([
      "employee_number,name,name_kana,join_date,leave_date,department,email,state,invited_at,member",
      "A001,山田 太郎,ヤマダ タロウ,2015-04-01,2020-03-31,営業部,taro@example.com,not invited,,no",
    ]);
    const back = await uploadRoster(env, net.slug, net.operator, res.rawPayload);
    expect(back.json()).toMatchObject({ rows: 1, created: 0, updated: 1 });
  });

  it("is for this network's operators only, and never holds another network's rows", async () => {
    const net = await rosterNetwork();
    const other = await rosterNetwork(`${HEADER}\r\nX999,別人 花子,,2015/4/1,2020/3/31,,`);
    const alumni = await makeMember(env, net, "alumni");
    const employee = await makeMember(env, net, "employee");
    expect((await call(env, { url: exportUrl(net.slug), user: null })).statusCode).toBe(401);
    expect((await call(env, { url: exportUrl(net.slug), user: alumni })).statusCode).toBe(403);
    expect((await call(env, { url: exportUrl(net.slug), user: employee })).statusCode).toBe(403);
    const foreign = await call(env, { url: exportUrl(net.slug), user: other.operator });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain("山田");
    const mine = (await call(env, { url: exportUrl(net.slug), user: net.operator })).rawPayload.toString();
    expect(mine).not.toContain("X999");
    expect(mine).not.toContain("別人");
    const theirs = (await call(env, { url: exportUrl(other.slug), user: other.operator })).rawPayload;
    expect(lines(theirs)).toHaveLength(2);
  });
});

// Correcting a roster row by hand and deleting one: the import's rules, the matching keys the
// import derives, unique employee numbers and emails, audited, one network only.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, rosterEntry } from "../../db/schema/index.ts";
import {
  call,
  createTestEnv,
  makeMember,
  makeNetwork,
  type TestEnv,
  type TestNetwork,
  type TestUser,
} from "../../test/harness.ts";
import { uploadRoster } from "./testing.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

const SAMPLE = [
  "社員番号,氏名,フリガナ,入社日,退職日,最終所属,メールアドレス",
  "A001,山田 太郎,ヤマダ タロウ,2015/4/1,2020/3/31,営業部,taro@example.com",
  "A002,佐藤 花子,サトウ ハナコ,2010/4/1,2019/9/30,人事部,hanako@example.com",
].join("\r\n");

async function rosterNetwork(): Promise<TestNetwork> {
  const net = await makeNetwork(env);
  expect((await uploadRoster(env, net.slug, net.operator, SAMPLE)).statusCode).toBe(200);
  return net;
}

async function stored(net: TestNetwork, employeeNumber: string) {
  const [row] = await env.ctx.db
    .select()
    .from(rosterEntry)
    .where(and(eq(rosterEntry.networkId, net.id), eq(rosterEntry.employeeNumber, employeeNumber)));
  return row;
}

const edit = (net: TestNetwork, id: string, payload: unknown, user: TestUser | null = net.operator) =>
  call(env, { method: "PATCH", url: `/api/n/${net.slug}/roster/${id}`, user, payload });
const remove = (net: TestNetwork, id: string, user: TestUser | null = net.operator) =>
  call(env, { method: "DELETE", url: `/api/n/${net.slug}/roster/${id}`, user });

async function audits(net: TestNetwork, action: string) {
  return env.ctx.db
    .select({ targetId: auditLog.targetId, data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.networkId, net.id), eq(auditLog.action, action)));
}

describe("editing a roster row", () => {
  it("corrects fields as the import would store them, recomputes the matching keys, audits the field names", async () => {
    const net = await rosterNetwork();
    const row = await stored(net, "A001");
    const res = await edit(net, row.id, {
      name: "山田　太朗",
      nameKana: "ﾔﾏﾀﾞ ﾀｲﾛｳ",
      joinDate: "平成27年4月1日",
      leaveDate: "2021/3/31",
      department: "  営業本部  ",
      email: "Taro.Yamada@Example.com",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: row.id,
      employeeNumber: "A001",
      name: "山田 太朗",
      nameKana: "ヤマダ タイロウ",
      joinDate: "2015-04-01",
      leaveDate: "2021-03-31",
      department: "営業本部",
      email: "taro.yamada@example.com",
      state: "not_invited",
    });
    const after = await stored(net, "A001");
    expect(after).toMatchObject({ nameKey: "山田太朗", kanaKey: "やまだたいろう" });
    // The keys are exactly the import's: importing the same values gives the same row.
    const again = await uploadRoster(
      env,
      net.slug,
      net.operator,
      "社員番号,氏名,フリガナ,入社日,退職日,最終所属,メールアドレス\nA001,山田　太朗,ﾔﾏﾀﾞ ﾀｲﾛｳ,平成27年4月1日,2021/3/31,  営業本部  ,Taro.Yamada@Example.com\n",
    );
    expect(again.json()).toMatchObject({ updated: 1 });
    const reimported = await stored(net, "A001");
    for (const k of [
      "name",
      "nameKana",
      "nameKey",
      "kanaKey",
      "joinDate",
      "leaveDate",
      "department",
      "email",
    ])
      expect(reimported[k as keyof typeof reimported], k).toEqual(after[k as keyof typeof after]);

    const [entry] = await audits(net, "roster.row_updated");
    expect(entry).toEqual({
      targetId: row.id,
      data: {
        fields: ["name", "nameKana", "leaveDate", "department", "email"],
        linked: false,
      },
    });
    // Clearing optional fields; a field left out keeps its value; nothing changed → no audit row.
    const cleared = await edit(net, row.id, { nameKana: null, email: "" });
    expect(cleared.json()).toMatchObject({ nameKana: null, email: null, department: "営業本部" });
    expect(await stored(net, "A001")).toMatchObject({ kanaKey: null });
    expect((await edit(net, row.id, { department: "営業本部" })).statusCode).toBe(200);
    expect(await audits(net, "roster.row_updated")).toHaveLength(2);
  });

  it("refuses invalid values with the import's codes and sentences, changing nothing", async () => {
    const net = await rosterNetwork();
    const row = await stored(net, "A001");
    const cases: [unknown, [string, string][]][] = [
      [{ name: "" }, [["REQUIRED", "name"]]],
      [{ employeeNumber: "   " }, [["REQUIRED", "employeeNumber"]]],
      [{ joinDate: "2015/2/30" }, [["DATE_NONEXISTENT", "joinDate"]]],
      [{ joinDate: "someday" }, [["DATE_FORMAT", "joinDate"]]],
      [{ leaveDate: "2999/1/1" }, [["DATE_IN_FUTURE", "leaveDate"]]],
      [{ leaveDate: "2010/1/1" }, [["LEAVE_BEFORE_JOIN", "leaveDate"]]],
      [{ email: "bad@" }, [["EMAIL_FORMAT", "email"]]],
      [{ department: "部".repeat(201) }, [["TOO_LONG", "department"]]],
      [
        { name: "", email: "x" },
        [
          ["REQUIRED", "name"],
          ["EMAIL_FORMAT", "email"],
        ],
      ],
    ];
    for (const [body, expected] of cases) {
      const res = await edit(net, row.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      const err = res.json().error;
      expect(err.code).toBe("ROSTER_ROW_INVALID");
      expect(err.details.errors.map((e: any) => [e.code, e.field]).sort()).toEqual([...expected].sort());
    }
    const res = await edit(net, row.id, { joinDate: "2015/2/30" });
    expect(res.json().error.details.errors[0].messages).toEqual({
      ja: "入社日「2015/2/30」は存在しない日付です。",
      en: 'The join date "2015/2/30" does not exist in the calendar.',
    });
    for (const body of [
      {},
      { unknown: "x" },
      { name: 3 },
      { name: "a\u0000b" },
      { email: "x".repeat(1001) },
    ]) {
      const r = await edit(net, row.id, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.code).toBe("VALIDATION_FAILED");
    }
    const after = await stored(net, "A001");
    expect(after).toEqual(row);
    expect(await audits(net, "roster.row_updated")).toHaveLength(0);
  });

  it("refuses an employee number or an email another row of the network has (ja/en), not another network's", async () => {
    const net = await rosterNetwork();
    const other = await rosterNetwork();
    const a1 = await stored(net, "A001");
    const taken = await edit(net, a1.id, { employeeNumber: "Ａ００２" }); // NFKC: A002
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({
      code: "ROSTER_EMPLOYEE_NUMBER_TAKEN",
      messages: {
        ja: expect.stringContaining("社員番号「A002」は名簿の別の行で使われています"),
        en: expect.stringContaining('The employee number "A002" is already used'),
      },
      details: { field: "employeeNumber" },
    });
    const email = await edit(net, a1.id, { email: "HANAKO@example.com" });
    expect(email.statusCode).toBe(409);
    expect(email.json().error.code).toBe("ROSTER_EMAIL_TAKEN");
    expect(await stored(net, "A001")).toEqual(a1);
    // Its own values, and another network's, are no conflict.
    expect((await edit(net, a1.id, { employeeNumber: "A001", email: "taro@example.com" })).statusCode).toBe(
      200,
    );
    const renumbered = await edit(net, a1.id, { employeeNumber: "A100" });
    expect(renumbered.json()).toMatchObject({ employeeNumber: "A100" });
    expect((await stored(other, "A001")).name).toBe("山田 太郎");
  });

  it("keeps a linked row's member and says the row is one", async () => {
    const net = await rosterNetwork();
    const m = await makeMember(env, net, "alumni");
    const row = await stored(net, "A002");
    await env.ctx.db.update(rosterEntry).set({ linkedUserId: m.id }).where(eq(rosterEntry.id, row.id));
    const res = await edit(net, row.id, { department: "人事部 採用課" });
    expect(res.json()).toMatchObject({ state: "member", department: "人事部 採用課" });
    expect((await stored(net, "A002")).linkedUserId).toBe(m.id);
    expect((await audits(net, "roster.row_updated"))[0].data).toEqual({
      fields: ["department"],
      linked: true,
    });
  });
});

describe("deleting a roster row", () => {
  it("deletes a row nobody is linked to, audited; refuses a linked one", async () => {
    const net = await rosterNetwork();
    const a1 = await stored(net, "A001");
    const a2 = await stored(net, "A002");
    const m = await makeMember(env, net, "alumni");
    await env.ctx.db.update(rosterEntry).set({ linkedUserId: m.id }).where(eq(rosterEntry.id, a2.id));

    const linked = await remove(net, a2.id);
    expect(linked.statusCode).toBe(409);
    expect(linked.json().error.code).toBe("ROSTER_ENTRY_IS_MEMBER");
    expect(linked.json().error.messages.ja).toContain("削除できません");
    expect(await stored(net, "A002")).toBeTruthy();

    expect((await remove(net, a1.id)).statusCode).toBe(204);
    expect(await stored(net, "A001")).toBeUndefined();
    expect((await remove(net, a1.id)).statusCode).toBe(404);
    expect((await edit(net, a1.id, { name: "x" })).statusCode).toBe(404);
    expect(await audits(net, "roster.row_deleted")).toEqual([
      { targetId: a1.id, data: { employeeNumber: "A001" } },
    ]);
  });

  it("edits and deletes for this network's operators only", async () => {
    const net = await rosterNetwork();
    const other = await rosterNetwork();
    const row = await stored(net, "A001");
    const alumni = await makeMember(env, net, "alumni");
    const employee = await makeMember(env, net, "employee");
    for (const u of [null, alumni, employee, other.operator]) {
      const want = u === null ? 401 : u === other.operator ? 404 : 403;
      expect((await edit(net, row.id, { name: "乗っ取り" }, u)).statusCode).toBe(want);
      expect((await remove(net, row.id, u)).statusCode).toBe(want);
    }
    // The other network's operator, through their own network, with this network's row id.
    expect((await edit(other, row.id, { name: "乗っ取り" })).statusCode).toBe(404);
    expect((await remove(other, row.id)).statusCode).toBe(404);
    expect(await stored(net, "A001")).toEqual(row);
  });
});

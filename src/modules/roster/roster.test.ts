// Roster import and search through the HTTP API, on PGlite (and PostgreSQL with TEST_DATABASE_URL).
import { and, eq } from "drizzle-orm";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, rosterEntry } from "../../db/schema/index.ts";
import { call, createTestEnv, makeMember, makeNetwork, type TestEnv } from "../../test/harness.ts";
import { generateRosterCsv, multipart, uploadRoster } from "./testing.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

const HEADER = "社員番号,氏名,フリガナ,入社日,退職日,最終所属,メールアドレス";
const SAMPLE = [
  HEADER,
  "A001,山田 太郎,ヤマダ タロウ,2015/4/1,2020/3/31,営業部,taro@example.com",
  "A002,佐藤 花子,ｻﾄｳ ﾊﾅｺ,2010年4月1日,20190930,人事部 採用課,",
  "A003,鈴木 一郎,,2001.4.1,2012-09-30,開発本部,ichiro@Example.jp",
].join("\r\n");

describe("roster routes: who may call them", () => {
  it("anonymous 401, alumni/employee 403, operator of another network 404", async () => {
    const net = await makeNetwork(env);
    const other = await makeNetwork(env);
    const alum = await makeMember(env, net, "alumni");
    const employee = await makeMember(env, net, "employee");
    const routes = [
      (u: any) => uploadRoster(env, net.slug, u, SAMPLE),
      (u: any) => call(env, { url: `/api/n/${net.slug}/roster`, user: u }),
      (u: any) => call(env, { url: `/api/n/${net.slug}/roster/imports`, user: u }),
    ];
    for (const r of routes) {
      expect((await r(null)).statusCode).toBe(401);
      expect((await r(alum)).statusCode).toBe(403);
      expect((await r(employee)).statusCode).toBe(403);
      const res = await r(other.operator);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain("山田");
    }
    const list = await call(env, { url: `/api/n/${net.slug}/roster`, user: net.operator });
    expect(list.json().total).toBe(0);
    const nope = await call(env, { url: "/api/n/no-such-network/roster", user: net.operator });
    expect(nope.statusCode).toBe(404);
  });
});

describe("roster import", () => {
  it("imports a Shift_JIS CRLF file from Excel, records the import and the audit entry", async () => {
    const net = await makeNetwork(env);
    const res = await uploadRoster(env, net.slug, net.operator, iconv.encode(SAMPLE, "cp932"), {
      filename: "退職者名簿.csv",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      encoding: "shift_jis",
      rows: 3,
      created: 3,
      updated: 0,
      dryRun: false,
    });
    const list = (await call(env, { url: `/api/n/${net.slug}/roster`, user: net.operator })).json();
    expect(list.total).toBe(3);
    expect(list.items[1]).toMatchObject({
      employeeNumber: "A002",
      name: "佐藤 花子",
      nameKana: "サトウ ハナコ",
      joinDate: "2010-04-01",
      leaveDate: "2019-09-30",
      department: "人事部 採用課",
      email: null,
      state: "not_invited",
      invitedAt: null,
    });
    expect(list.items[2].email).toBe("ichiro@example.jp");
    const [row] = await env.ctx.db
      .select()
      .from(rosterEntry)
      .where(and(eq(rosterEntry.networkId, net.id), eq(rosterEntry.employeeNumber, "A002")));
    expect(row).toMatchObject({ nameKey: "佐藤花子", kanaKey: "さとうはなこ" });

    const imports = (
      await call(env, { url: `/api/n/${net.slug}/roster/imports`, user: net.operator })
    ).json();
    expect(imports.items).toEqual([
      expect.objectContaining({
        filename: "退職者名簿.csv",
        encoding: "shift_jis",
        rowCount: 3,
        created: 3,
        by: "運営 花子",
      }),
    ]);
    const logs = await env.ctx.db.select().from(auditLog).where(eq(auditLog.networkId, net.id));
    expect(logs.map((l) => l.action)).toContain("roster.import");
    expect(logs.find((l) => l.action === "roster.import")?.actorUserId).toBe(net.operator.id);
  });

  it("imports UTF-8 with a BOM and English headers", async () => {
    const net = await makeNetwork(env);
    const csv =
      "\ufeffemployee_number,name,join_date,leave_date,email\n1001,Alice Smith,2015-04-01,2016-03-31,alice@example.com\n";
    const res = await uploadRoster(env, net.slug, net.operator, csv);
    expect(res.json()).toMatchObject({ encoding: "utf-8-bom", rows: 1, created: 1 });
  });

  it("rejects an invalid file with per-line errors in ja and en, and imports nothing", async () => {
    const net = await makeNetwork(env);
    const bad = [
      HEADER,
      "B001,山田 太郎,,2015/2/30,2020/3/31,,",
      "B002,佐藤 花子,,2016/4/1,2015/4/1,,",
      "B003,田中 健,,2015/4/1,2999/1/1,,",
      "B001,鈴木 一郎,,2015/4/1,2016/4/1,,",
      "B005,高橋 美咲,,2015/4/1,2016/4/1,,bad@",
      "B006,伊藤 翔太,,2015/4/1,2016/4/1,,",
    ].join("\n");
    const res = await uploadRoster(env, net.slug, net.operator, bad);
    expect(res.statusCode).toBe(422);
    const err = res.json().error;
    expect(err.code).toBe("ROSTER_INVALID");
    expect(err.message).toContain("何も取り込まれていません");
    expect(err.details.rows).toBe(6);
    expect(err.details.totalErrors).toBe(6);
    expect(err.details.errors.map((e: any) => [e.line, e.code, e.field])).toEqual([
      [2, "DATE_NONEXISTENT", "joinDate"],
      [2, "DUPLICATE_EMPLOYEE_NUMBER", "employeeNumber"],
      [3, "LEAVE_BEFORE_JOIN", "leaveDate"],
      [4, "DATE_IN_FUTURE", "leaveDate"],
      [5, "DUPLICATE_EMPLOYEE_NUMBER", "employeeNumber"],
      [6, "EMAIL_FORMAT", "email"],
    ]);
    expect(err.details.errors[0].messages).toEqual({
      ja: "入社日「2015/2/30」は存在しない日付です。",
      en: 'The join date "2015/2/30" does not exist in the calendar.',
    });
    expect(err.messages.en).toContain("nothing was imported");
    const anon = await uploadRoster(env, net.slug, null, bad, { lang: "en" });
    expect(anon.json().error.message).toBe("Please sign in.");
    const list = (await call(env, { url: `/api/n/${net.slug}/roster`, user: net.operator })).json();
    expect(list.total).toBe(0);
    const imports = (
      await call(env, { url: `/api/n/${net.slug}/roster/imports`, user: net.operator })
    ).json();
    expect(imports.items).toEqual([]);
  });

  it("rejects an empty file, a wrong header and a request without a file", async () => {
    const net = await makeNetwork(env);
    const empty = await uploadRoster(env, net.slug, net.operator, "");
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.details.errors[0].code).toBe("EMPTY_FILE");
    const wrong = await uploadRoster(env, net.slug, net.operator, "番号,名前\n1,山田\n");
    expect(wrong.json().error.details.errors[0]).toMatchObject({ line: 1, code: "HEADER_MISSING_COLUMN" });
    const other = multipart("x.csv", SAMPLE, "document");
    const noFileField = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/roster/import`,
      user: net.operator,
      payload: Buffer.from(`--x\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--x--\r\n`),
      headers: { "content-type": "multipart/form-data; boundary=x" },
    });
    expect(noFileField.statusCode).toBe(400);
    expect(noFileField.json().error.code).toBe("ROSTER_FILE_MISSING");
    const json = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/roster/import`,
      user: net.operator,
      payload: { file: SAMPLE },
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe("ROSTER_FILE_MISSING");
    // any field name carrying a file is accepted (browsers always send "file" from our UI)
    const anyName = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/roster/import`,
      user: net.operator,
      ...other,
    });
    expect(anyName.statusCode).toBe(200);
  });

  it("dry run validates and counts without writing", async () => {
    const net = await makeNetwork(env);
    await uploadRoster(env, net.slug, net.operator, SAMPLE);
    const more = `${SAMPLE}\r\nA004,中村 陽菜,,2018/4/1,2021/3/31,,\r\n`;
    const dry = await uploadRoster(env, net.slug, net.operator, more, { dryRun: true });
    expect(dry.json()).toMatchObject({ rows: 4, created: 1, updated: 3, dryRun: true });
    const list = (await call(env, { url: `/api/n/${net.slug}/roster`, user: net.operator })).json();
    expect(list.total).toBe(3);
    const imports = (
      await call(env, { url: `/api/n/${net.slug}/roster/imports`, user: net.operator })
    ).json();
    expect(imports.items).toHaveLength(1);
  });

  it("re-import updates rows by employee number and keeps values of columns the file lacks", async () => {
    const net = await makeNetwork(env);
    await uploadRoster(env, net.slug, net.operator, SAMPLE);
    const next = [
      "社員番号,氏名,入社日,退職日,部署",
      "A001,山田 太郎,2015/4/1,2021/3/31,営業企画部",
      "A009,渡辺 健,2012/4/1,2014/3/31,経理部",
    ].join("\n");
    const res = await uploadRoster(env, net.slug, net.operator, next);
    expect(res.json()).toMatchObject({ encoding: "utf-8", rows: 2, created: 1, updated: 1 });
    const items = (await call(env, { url: `/api/n/${net.slug}/roster`, user: net.operator })).json().items;
    expect(items.map((i: any) => i.employeeNumber)).toEqual(["A001", "A002", "A003", "A009"]);
    expect(items[0]).toMatchObject({
      leaveDate: "2021-03-31",
      department: "営業企画部",
      email: "taro@example.com",
      nameKana: "ヤマダ タロウ",
    });
  });

  it("does not touch another network's roster with the same employee numbers", async () => {
    const a = await makeNetwork(env);
    const b = await makeNetwork(env);
    await uploadRoster(env, a.slug, a.operator, SAMPLE);
    const res = await uploadRoster(env, b.slug, b.operator, SAMPLE.replace("営業部", "別会社営業部"));
    expect(res.json()).toMatchObject({ created: 3, updated: 0 });
    const items = (await call(env, { url: `/api/n/${a.slug}/roster?q=A001`, user: a.operator })).json().items;
    expect(items[0].department).toBe("営業部");
  });

  it("imports 10,000 rows in seconds, and re-imports them as updates", async () => {
    const net = await makeNetwork(env);
    const csv = iconv.encode(generateRosterCsv(10_000), "cp932");
    const t0 = performance.now();
    const res = await uploadRoster(env, net.slug, net.operator, csv);
    const first = performance.now() - t0;
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ encoding: "shift_jis", rows: 10_000, created: 10_000, updated: 0 });
    const t1 = performance.now();
    const again = await uploadRoster(
      env,
      net.slug,
      net.operator,
      generateRosterCsv(10_000, { deptSuffix: "二課" }),
    );
    const second = performance.now() - t1;
    expect(again.json()).toMatchObject({ rows: 10_000, created: 0, updated: 10_000 });
    const kind = env.ctx.database.kind;
    console.log(
      `[roster] 10k-row import on ${kind}: ${Math.round(first)} ms (server ${res.json().durationMs} ms); re-import ${Math.round(second)} ms (server ${again.json().durationMs} ms)`,
    );
    expect(first).toBeLessThan(30_000);
    const list = (
      await call(env, { url: `/api/n/${net.slug}/roster?q=二課&limit=1`, user: net.operator })
    ).json();
    expect(list.total).toBe(10_000);
    const t2 = performance.now();
    const search = (
      await call(env, { url: `/api/n/${net.slug}/roster?q=やまだ 営業`, user: net.operator })
    ).json();
    console.log(
      `[roster] search in 10k rows on ${kind}: ${Math.round(performance.now() - t2)} ms, ${search.total} hits`,
    );
    expect(search.total).toBeGreaterThan(0);
    expect(
      search.items.every((i: any) => i.name.startsWith("山田") && i.department.startsWith("営業部")),
    ).toBe(true);
  });
});

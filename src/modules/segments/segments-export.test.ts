// A segment's members as CSV: the members export's columns, exactly the members the segment page
// lists (active, matching as operators see them, hidden fields left out), audited, one network only.
import { and, eq } from "drizzle-orm";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema/index.ts";
import {
  call,
  createTestEnv,
  makeMember,
  makeNetwork,
  type TestEnv,
  type TestNetwork,
} from "../../test/harness.ts";
import { addPeople } from "../directory/testing.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

const MEMBERS_HEADER =
  "氏名,表示名,メールアドレス,役割,状態,入社年月,退職年月,確認方法,確認日時,最終利用,登録日時";
const lines = (body: Buffer) =>
  body
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
const exportUrl = (net: TestNetwork, id: string, qs = "") =>
  `/api/n/${net.slug}/segments/${id}/export.csv${qs}`;

async function hrNetwork() {
  const net = await makeNetwork(env);
  const ids = await addPeople(env, net, [
    { key: "listed", displayName: "人事 一郎", jobType: "hr", joinYm: "2012-04" },
    { key: "unlisted", displayName: "人事 二郎", jobType: "hr", joinYm: "2013-04", directory: false },
    { key: "suspended", displayName: "人事 三郎", jobType: "hr", status: "suspended" },
    { key: "marketer", displayName: "広報 四郎", jobType: "marketing" },
    {
      key: "private",
      displayName: "人事 五郎",
      jobType: "hr",
      joinYm: "2014-04",
      visibility: { joinYm: "private" },
    },
  ]);
  const seg = await call(env, {
    method: "POST",
    url: `/api/n/${net.slug}/segments`,
    user: net.operator,
    payload: { name: "人事職", filter: { jobType: ["hr"] } },
  });
  expect(seg.statusCode, seg.body).toBe(201);
  return { net, ids, segment: seg.json() as { id: string; count: number } };
}

describe("segment CSV export", () => {
  it("exports the page's members with the members export's columns, newest first, hidden fields left out", async () => {
    const { net, segment } = await hrNetwork();
    const res = await call(env, { url: exportUrl(net, segment.id), user: net.operator });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(
      /^attachment; filename="segment-.+-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = lines(res.rawPayload);
    expect(header).toBe(MEMBERS_HEADER);
    const cells = rows.map((l) => l.split(","));
    expect(cells.map((c) => c[0])).toEqual(["人事 五郎", "人事 二郎", "人事 一郎"]);
    expect(cells.map((c) => [c[3], c[4], c[5]])).toEqual([
      ["アルムナイ", "利用中", ""], // joinYm kept to themselves
      ["アルムナイ", "利用中", "2013-04"],
      ["アルムナイ", "利用中", "2012-04"],
    ]);
    // Exactly the members the segment page shows.
    const page = (
      await call(env, { url: `/api/n/${net.slug}/segments/${segment.id}/members`, user: net.operator })
    )
      .json()
      .items.map((c: any) => c.displayName)
      .sort();
    expect(page).toEqual(cells.map((c) => c[0]).sort());
    expect(segment.count).toBe(3);
  });

  it("writes Shift_JIS that decodes to the same text, and audits every export", async () => {
    const { net, segment } = await hrNetwork();
    const utf8 = (await call(env, { url: exportUrl(net, segment.id), user: net.operator })).rawPayload;
    const sjis = await call(env, {
      url: exportUrl(net, segment.id, "?encoding=shift_jis"),
      user: net.operator,
    });
    expect(sjis.headers["content-type"]).toBe("text/csv; charset=Shift_JIS");
    expect([...sjis.rawPayload.subarray(0, 2)]).toEqual([0x8e, 0x81]); // 氏 in Shift_JIS
    expect(iconv.decode(sjis.rawPayload, "Shift_JIS")).toBe(utf8.toString("utf8").slice(1));
    expect(
      (await call(env, { url: exportUrl(net, segment.id, "?encoding=ebcdic"), user: net.operator }))
        .statusCode,
    ).toBe(400);
    const audits = await env.ctx.db
      .select({ targetId: auditLog.targetId, data: auditLog.data, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(and(eq(auditLog.networkId, net.id), eq(auditLog.action, "segments.exported")));
    expect(audits.map((a) => a.data)).toEqual([
      { name: "人事職", rows: 3, encoding: "utf8" },
      { name: "人事職", rows: 3, encoding: "shift_jis" },
    ]);
    expect(audits.every((a) => a.targetId === segment.id && a.actor === net.operator.id)).toBe(true);
  });

  it("writes a name that would start an Excel formula as text", async () => {
    const { net } = await hrNetwork();
    await addPeople(env, net, [
      { key: "evil", displayName: '=HYPERLINK("http://evil.example","人事")', jobType: "hr" },
    ]);
    const seg = (
      await call(env, {
        method: "POST",
        url: `/api/n/${net.slug}/segments`,
        user: net.operator,
        payload: { name: "人事職（全員）", filter: { jobType: ["hr"] } },
      })
    ).json();
    const file = lines((await call(env, { url: exportUrl(net, seg.id), user: net.operator })).rawPayload);
    expect(file[1].startsWith(`"'=HYPERLINK(""http://evil.example"",""人事"")","'=HYPERLINK(`)).toBe(true);
  });

  it("is for this network's operators only and never exports another network's members", async () => {
    const a = await hrNetwork();
    const b = await hrNetwork();
    const alumni = await makeMember(env, a.net, "alumni");
    const employee = await makeMember(env, a.net, "employee");
    expect((await call(env, { url: exportUrl(a.net, a.segment.id), user: null })).statusCode).toBe(401);
    expect((await call(env, { url: exportUrl(a.net, a.segment.id), user: alumni })).statusCode).toBe(403);
    expect((await call(env, { url: exportUrl(a.net, a.segment.id), user: employee })).statusCode).toBe(403);
    expect((await call(env, { url: exportUrl(a.net, a.segment.id), user: b.net.operator })).statusCode).toBe(
      404,
    );
    // b's operator, through b, with a's segment id: not found, nothing of a's.
    const cross = await call(env, { url: exportUrl(b.net, a.segment.id), user: b.net.operator });
    expect(cross.statusCode).toBe(404);
    expect(cross.body).not.toContain("人事");
    expect(
      (await call(env, { url: exportUrl(a.net, "no-such-segment"), user: a.net.operator })).statusCode,
    ).toBe(404);
    // The same names in both networks: a's file has a's three members, by their emails.
    const aFile = lines(
      (await call(env, { url: exportUrl(a.net, a.segment.id), user: a.net.operator })).rawPayload,
    );
    const bFile = lines(
      (await call(env, { url: exportUrl(b.net, b.segment.id), user: b.net.operator })).rawPayload,
    );
    const emails = (file: string[]) => file.slice(1).map((l) => l.split(",")[2]);
    expect(emails(aFile)).toHaveLength(3);
    expect(emails(aFile).filter((e) => emails(bFile).includes(e))).toEqual([]);
  });
});

import { and, eq } from "drizzle-orm";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, member, profile } from "../../db/schema/index.ts";
import { loadNetworkScope } from "../../server/guards.ts";
import { PROFILE_FIELD_DEFAULTS } from "../../shared/profile.ts";
import {
  call,
  createTestEnv,
  makeMember,
  makeNetwork,
  type TestEnv,
  type TestUser,
} from "../../test/harness.ts";
import { changeMember } from "./service.ts";
import { admitTestMember } from "./testing.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

const patch = (slug: string, user: TestUser | null, userId: string, payload: unknown) =>
  call(env, { method: "PATCH", url: `/api/n/${slug}/members/${userId}`, user, payload });

async function auditActions(networkId: string, targetId: string) {
  const rows = await env.ctx.db
    .select({ action: auditLog.action, data: auditLog.data, actor: auditLog.actorUserId })
    .from(auditLog)
    .where(and(eq(auditLog.networkId, networkId), eq(auditLog.targetId, targetId)));
  return rows;
}

describe("GET /n/:slug/me", () => {
  it("returns the network, role and status; 401 anonymous; 404 for another network", async () => {
    const net = await makeNetwork(env, { name: "つながり商事" });
    const other = await makeNetwork(env);
    const employee = await admitTestMember(env, net, "employee");
    const res = await call(env, { url: `/api/n/${net.slug}/me`, user: employee });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      network: { id: net.id, name: "つながり商事", slug: net.slug },
      role: "employee",
      status: "active",
    });
    expect((await call(env, { url: `/api/n/${net.slug}/me`, user: null })).statusCode).toBe(401);
    const outside = await call(env, { url: `/api/n/${other.slug}/me`, user: employee });
    expect(outside.statusCode).toBe(404);
    expect(outside.body).not.toContain(other.id);
  });
});

describe("member list (operators)", () => {
  async function setup() {
    const net = await makeNetwork(env);
    const yamada = await admitTestMember(env, net, "alumni", { name: "山田 太郎" });
    const suzuki = await admitTestMember(env, net, "alumni", { name: "Suzuki Hanako" });
    const tanaka = await admitTestMember(env, net, "employee", { name: "田中 一郎" });
    // a display name different from the account name
    await call(env, {
      method: "PUT",
      url: `/api/n/${net.slug}/profiles/me`,
      user: tanaka,
      payload: { displayName: "ﾀﾅｶ社員" },
    });
    const other = await makeNetwork(env);
    await admitTestMember(env, other, "alumni", { name: "山田 別人" });
    return { net, other, yamada, suzuki, tanaka };
  }
  const list = (slug: string, user: TestUser, qs = "") =>
    call(env, { url: `/api/n/${slug}/members${qs}`, user });

  it("lists this network's members, newest first, with their details", async () => {
    const s = await setup();
    const res = await list(s.net.slug, s.net.operator);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(4);
    expect(body.nextCursor).toBeNull();
    expect(body.items.map((i: any) => i.userId)).toEqual([
      s.tanaka.id,
      s.suzuki.id,
      s.yamada.id,
      s.net.operator.id,
    ]);
    const y = body.items.find((i: any) => i.userId === s.yamada.id);
    expect(y).toMatchObject({
      name: "山田 太郎",
      displayName: "山田 太郎",
      email: s.yamada.email,
      role: "alumni",
      status: "active",
      joinYm: "2012-04",
      leaveYm: "2020-03",
      verifiedVia: "operator_added",
    });
    expect(new Date(y.verifiedAt).getTime()).toBeGreaterThan(0);
    expect(new Date(y.createdAt).getTime()).toBeGreaterThan(0);
    expect(body.items.find((i: any) => i.userId === s.tanaka.id).displayName).toBe("タナカ社員");
    // last active is recorded in the background after a request
    await expect
      .poll(async () => {
        const items = (await list(s.net.slug, s.net.operator)).json().items;
        return items.find((i: any) => i.userId === s.net.operator.id).lastActiveAt;
      })
      .not.toBeNull();
    expect(res.body).not.toContain("山田 別人");
  });

  it("does not show operators the join/leave months a member keeps to themselves", async () => {
    const s = await setup();
    await env.ctx.db
      .update(profile)
      .set({ visibility: { ...PROFILE_FIELD_DEFAULTS, joinYm: "private", leaveYm: "operators" } })
      .where(and(eq(profile.networkId, s.net.id), eq(profile.userId, s.yamada.id)));
    const y = (await list(s.net.slug, s.net.operator))
      .json()
      .items.find((i: any) => i.userId === s.yamada.id);
    expect(y.joinYm).toBeNull();
    expect(y.leaveYm).toBe("2020-03");
  });

  it("searches name, display name and email, ignoring width, case and spaces", async () => {
    const s = await setup();
    const ids = async (q: string) =>
      (await list(s.net.slug, s.net.operator, `?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((i: any) => i.userId);
    expect(await ids("山田")).toEqual([s.yamada.id]);
    expect(await ids("山田太郎")).toEqual([s.yamada.id]);
    expect(await ids("ＳＵＺＵＫＩ　hanako")).toEqual([s.suzuki.id]);
    expect(await ids("タナカ")).toEqual([s.tanaka.id]);
    expect(await ids(s.suzuki.email.split("@")[0].toUpperCase())).toEqual([s.suzuki.id]);
    expect(await ids("%")).toEqual([]);
    expect(await ids("別人")).toEqual([]);
    const res = await list(s.net.slug, s.net.operator, "?q=%E5%B1%B1%E7%94%B0");
    expect(res.json().total).toBe(1);
  });

  it("finds names written with variant kanji either way (高橋 ↔ 髙橋)", async () => {
    const s = await setup();
    const u = await makeMember(env, s.net, "alumni", { name: "髙橋 一郎" });
    const ids = async (q: string) =>
      (await list(s.net.slug, s.net.operator, `?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((i: any) => i.userId);
    expect(await ids("高橋")).toEqual([u.id]);
    expect(await ids("髙橋 一郎")).toEqual([u.id]);
  });

  it("exports the list as CSV for Excel: UTF-8 with a BOM or Shift_JIS, filtered, audited", async () => {
    const s = await setup();
    const res = await call(env, { url: `/api/n/${s.net.slug}/members/export.csv`, user: s.net.operator });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="members-.+\.csv"$/);
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "氏名,表示名,メールアドレス,役割,状態,入社年月,退職年月,確認方法,確認日時,最終利用,登録日時",
    );
    expect(lines).toHaveLength(1 + 4); // the operator and three members; not the other network's
    expect(lines.some((l) => l.startsWith("田中 一郎,タナカ社員,") && l.includes(",社員,利用中,"))).toBe(
      true,
    );
    expect(lines.join("\n")).not.toContain("山田 別人");

    const sjis = await call(env, {
      url: `/api/n/${s.net.slug}/members/export.csv?encoding=shift_jis&role=employee`,
      user: s.net.operator,
    });
    expect(sjis.headers["content-type"]).toBe("text/csv; charset=Shift_JIS");
    const decoded = iconv.decode(sjis.rawPayload, "Shift_JIS").trimEnd().split("\r\n");
    expect(decoded).toHaveLength(2);
    expect(decoded[1]).toMatch(/^田中 一郎,/);

    const refused = await call(env, { url: `/api/n/${s.net.slug}/members/export.csv`, user: s.yamada });
    expect(refused.statusCode).toBe(403);
    const audits = await env.ctx.db
      .select({ data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.networkId, s.net.id), eq(auditLog.action, "members.exported")));
    expect(audits.map((a) => (a.data as { rows: number }).rows).sort()).toEqual([1, 4]);
  });

  it("filters by role and status", async () => {
    const s = await setup();
    const r1 = (await list(s.net.slug, s.net.operator, "?role=alumni")).json();
    expect(r1.total).toBe(2);
    expect(r1.items.every((i: any) => i.role === "alumni")).toBe(true);
    await patch(s.net.slug, s.net.operator, s.suzuki.id, { status: "suspended" });
    const r2 = (await list(s.net.slug, s.net.operator, "?status=suspended")).json();
    expect(r2.items.map((i: any) => i.userId)).toEqual([s.suzuki.id]);
    const r3 = (await list(s.net.slug, s.net.operator, "?role=alumni&status=active")).json();
    expect(r3.items.map((i: any) => i.userId)).toEqual([s.yamada.id]);
    expect((await list(s.net.slug, s.net.operator, "?role=boss")).statusCode).toBe(400);
  });

  it("pages with a keyset cursor: every member once, in order, with the total", async () => {
    const net = await makeNetwork(env);
    for (let i = 0; i < 6; i++) await admitTestMember(env, net, "alumni", { name: `頁 ${i}` });
    const all = (await list(net.slug, net.operator, "?limit=100")).json();
    expect(all.total).toBe(7);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const qs: string = `?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const page = (await list(net.slug, net.operator, qs)).json();
      expect(page.total).toBe(7);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((i: any) => i.userId));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(all.items.map((i: any) => i.userId));
    const bad = await list(net.slug, net.operator, "?cursor=garbage");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("INVALID_CURSOR");
    const forged = Buffer.from(JSON.stringify(["'; drop table member; --", "x"])).toString("base64url");
    expect((await list(net.slug, net.operator, `?cursor=${forged}`)).json().error.code).toBe(
      "INVALID_CURSOR",
    );
    expect((await list(net.slug, net.operator, "?limit=0")).statusCode).toBe(400);
    expect((await list(net.slug, net.operator, "?limit=101")).statusCode).toBe(400);
  });
});

describe("changing members (operators)", () => {
  it("changes a role, audited, effective on the member's next request", async () => {
    const net = await makeNetwork(env);
    const a = await admitTestMember(env, net, "alumni");
    const res = await patch(net.slug, net.operator, a.id, { role: "employee" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ userId: a.id, role: "employee", status: "active" });
    expect((await call(env, { url: `/api/n/${net.slug}/me`, user: a })).json().role).toBe("employee");
    expect(await auditActions(net.id, a.id)).toEqual([
      { action: "member.role_change", data: { from: "alumni", to: "employee" }, actor: net.operator.id },
    ]);
    const op = await patch(net.slug, net.operator, a.id, { role: "operator" });
    expect(op.json().role).toBe("operator");
    expect((await call(env, { url: `/api/n/${net.slug}/members`, user: a })).statusCode).toBe(200);
  });

  it("suspends (the member's next request is refused) and reinstates", async () => {
    const net = await makeNetwork(env);
    const a = await admitTestMember(env, net, "alumni");
    expect((await call(env, { url: `/api/n/${net.slug}/me`, user: a })).statusCode).toBe(200);
    const s = await patch(net.slug, net.operator, a.id, { status: "suspended" });
    expect(s.statusCode).toBe(200);
    expect(s.json().status).toBe("suspended");
    expect((await call(env, { url: `/api/n/${net.slug}/me`, user: a })).statusCode).toBe(404);
    expect((await call(env, { url: `/api/n/${net.slug}/profiles/me`, user: a })).statusCode).toBe(404);
    const r = await patch(net.slug, net.operator, a.id, { status: "active" });
    expect(r.json().status).toBe("active");
    expect((await call(env, { url: `/api/n/${net.slug}/me`, user: a })).statusCode).toBe(200);
    expect((await auditActions(net.id, a.id)).map((x) => x.action).sort()).toEqual([
      "member.reinstate",
      "member.suspend",
    ]);
  });

  it("an operator cannot change their own role or suspend themselves", async () => {
    const net = await makeNetwork(env);
    await admitTestMember(env, net, "operator");
    for (const body of [{ role: "alumni" }, { status: "suspended" }]) {
      const res = await patch(net.slug, net.operator, net.operator.id, body);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe("MEMBER_SELF_CHANGE");
      expect(res.json().error.messages.en).toContain("your own role");
    }
    const me = await call(env, { url: `/api/n/${net.slug}/me`, user: net.operator });
    expect(me.json().role).toBe("operator");
  });

  it("the last active operator can never be demoted or suspended", async () => {
    const net = await makeNetwork(env);
    const system = { userId: null, label: "system" };
    for (const change of [{ role: "alumni" as const }, { status: "suspended" as const }]) {
      await expect(
        changeMember(await loadNetworkScope(env.ctx, { id: net.id }, system), net.operator.id, change),
      ).rejects.toMatchObject({
        status: 409,
        code: "LAST_OPERATOR",
      });
    }
    // a suspended second operator does not count
    const b = await admitTestMember(env, net, "operator");
    await patch(net.slug, net.operator, b.id, { status: "suspended" });
    await expect(
      changeMember(await loadNetworkScope(env.ctx, { id: net.id }, system), net.operator.id, {
        role: "employee",
      }),
    ).rejects.toMatchObject({
      code: "LAST_OPERATOR",
    });
    // with two active operators one of them may go
    await patch(net.slug, net.operator, b.id, { status: "active" });
    const ok = await changeMember(await loadNetworkScope(env.ctx, { id: net.id }, system), net.operator.id, {
      role: "employee",
    });
    expect(ok.role).toBe("employee");
  });

  it("two operators demoting each other at once: one wins, one operator remains", async () => {
    const net = await makeNetwork(env);
    const b = await admitTestMember(env, net, "operator");
    const [r1, r2] = await Promise.all([
      patch(net.slug, net.operator, b.id, { role: "alumni" }),
      patch(net.slug, b, net.operator.id, { role: "alumni" }),
    ]);
    const codes = [r1, r2].map((r) => r.statusCode).sort();
    expect(codes[0]).toBe(200);
    expect([403, 409]).toContain(codes[1]);
    const ops = await env.ctx.db
      .select({ id: member.userId })
      .from(member)
      .where(
        and(eq(member.organizationId, net.id), eq(member.role, "operator"), eq(member.status, "active")),
      );
    expect(ops).toHaveLength(1);
  });

  it("rejects an empty or invalid change; unknown or other-network targets are 404", async () => {
    const net = await makeNetwork(env);
    const other = await makeNetwork(env);
    const a = await admitTestMember(env, net, "alumni");
    const stranger = await admitTestMember(env, other, "alumni");
    expect((await patch(net.slug, net.operator, a.id, {})).statusCode).toBe(400);
    expect((await patch(net.slug, net.operator, a.id, { role: "admin" })).statusCode).toBe(400);
    expect((await patch(net.slug, net.operator, a.id, { status: "deleted" })).statusCode).toBe(400);
    expect((await patch(net.slug, net.operator, stranger.id, { role: "employee" })).statusCode).toBe(404);
    expect((await patch(net.slug, net.operator, "nobody", { role: "employee" })).statusCode).toBe(404);
    expect(await auditActions(other.id, stranger.id)).toEqual([]);
  });
});

describe("guards on operator routes", () => {
  it("anonymous → 401, alumni and employees → 403, operators of another network → 404", async () => {
    const net = await makeNetwork(env);
    const other = await makeNetwork(env);
    const alumni = await admitTestMember(env, net, "alumni");
    const employee = await admitTestMember(env, net, "employee");
    const routes = [
      { method: "GET" as const, url: `/api/n/${net.slug}/members` },
      {
        method: "PATCH" as const,
        url: `/api/n/${net.slug}/members/${alumni.id}`,
        payload: { role: "employee" },
      },
    ];
    for (const r of routes) {
      expect((await call(env, { ...r, user: null })).statusCode).toBe(401);
      expect((await call(env, { ...r, user: alumni })).statusCode).toBe(403);
      expect((await call(env, { ...r, user: employee })).statusCode).toBe(403);
      const res = await call(env, { ...r, user: other.operator });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(alumni.email);
    }
    expect((await call(env, { url: `/api/n/${net.slug}/me`, user: alumni })).json().role).toBe("alumni");
  });
});

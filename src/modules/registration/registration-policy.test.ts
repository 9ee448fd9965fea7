// The network's registration policy: strict by default (name + months goes to the queue; the
// employee number or the verified email the roster has admits), lenient on the operators' choice;
// the person a registration names is told at their roster address; the settings route.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, member } from "../../db/schema/index.ts";
import {
  call,
  createTestEnv,
  mailsTo,
  makeMember,
  makeNetwork,
  makeUser,
  type TestEnv,
  type TestNetwork,
  uniq,
} from "../../test/harness.ts";
import { form, loadRoster, register, rosterWithEmail, setPolicy } from "./testing.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

/** A network of its own name (so its notices can be told from other tests'), roster loaded. */
async function rosterNetwork(csv?: string): Promise<TestNetwork & { name: string }> {
  const name = `商事${uniq("")}`;
  const net = await makeNetwork(env, { name });
  await loadRoster(env, net, csv);
  return { ...net, name };
}

async function isMember(net: TestNetwork, userId: string) {
  const rows = await env.ctx.db
    .select({ id: member.id })
    .from(member)
    .where(and(eq(member.organizationId, net.id), eq(member.userId, userId)));
  return rows.length === 1;
}

/** Every "registered in your name" notice about this network, wherever it went. */
async function notices(net: { name: string }) {
  await env.ctx.jobs.drain();
  return env.ctx.mailer.sent.filter((m) =>
    m.subject.startsWith(`${net.name} アルムナイネットワーク：あなたの名前で`),
  );
}

const settingsUrl = (net: TestNetwork) => `/api/n/${net.slug}/settings/registration`;

describe("strict policy (the default)", () => {
  it("name + join and leave months goes to the queue", async () => {
    const net = await rosterNetwork();
    const u = await makeUser(env);
    const res = await register(
      env,
      net.slug,
      u,
      form({ name: "高橋美咲", joinYm: "2016-04", leaveYm: "2023-06" }),
    );
    expect(res.json()).toEqual({ status: "pending" });
    expect(await isMember(net, u.id)).toBe(false);
    const get = await call(env, { url: settingsUrl(net), user: net.operator });
    expect(get.json()).toEqual({ policy: "strict" });
  });

  it("employee number + name is approved", async () => {
    const net = await rosterNetwork();
    const u = await makeUser(env);
    expect((await register(env, net.slug, u, form({ employeeNumber: "A001" }))).json().status).toBe(
      "approved",
    );
    expect(await isMember(net, u.id)).toBe(true);
  });

  it("the verified email the roster has (any case) + name is approved, months not needed", async () => {
    const u = await makeUser(env);
    const net = await rosterNetwork(rosterWithEmail(u.email.toUpperCase()));
    const res = await register(env, net.slug, u, form({ leaveYm: "2018-09" }));
    expect(res.json()).toEqual({ status: "approved" });
    expect(await isMember(net, u.id)).toBe(true);
    // The registrant is the roster address: no notice, only the "approved" mail.
    expect(await notices(net)).toEqual([]);
    expect((await mailsTo(env, u.email)).map((m) => m.subject)).toEqual([
      `${net.name} アルムナイネットワーク：登録が承認されました`,
    ]);
  });

  it("another person's roster email does not approve", async () => {
    const net = await rosterNetwork(rosterWithEmail("taro@roster.example"));
    const u = await makeUser(env);
    expect((await register(env, net.slug, u, form({}))).json().status).toBe("pending");
  });
});

describe("lenient policy (chosen by the operators)", () => {
  it("approves name + join and leave months again; near misses still wait", async () => {
    const net = await rosterNetwork();
    await setPolicy(env, net, "lenient");
    const u = await makeUser(env);
    const res = await register(
      env,
      net.slug,
      u,
      form({ name: "高橋美咲", joinYm: "2016-04", leaveYm: "2023-06" }),
    );
    expect(res.json()).toEqual({ status: "approved" });
    expect(await isMember(net, u.id)).toBe(true);
    const wrongNumber = await makeUser(env);
    expect((await register(env, net.slug, wrongNumber, form({ employeeNumber: "A999" }))).json().status).toBe(
      "pending",
    );
    const oneMonth = await makeUser(env);
    expect((await register(env, net.slug, oneMonth, form({ leaveYm: "2018-04" }))).json().status).toBe(
      "pending",
    );
  });
});

describe("the person a registration names is told at their roster address", () => {
  const roster = "yamada.taro@roster.example";
  const accountName = "<b>偽</b> https://evil.example/login";

  it("when it waits in the queue: only to the roster address, the registrant's name as plain text", async () => {
    const net = await rosterNetwork(rosterWithEmail(roster));
    const u = await makeUser(env, { name: accountName });
    expect((await register(env, net.slug, u, form({}))).json().status).toBe("pending");
    const sent = await notices(net);
    expect(sent.map((m) => m.to)).toEqual([roster]);
    const [m] = sent;
    expect(m.text).toContain(accountName);
    expect(m.text).toContain("山田 太郎");
    expect(m.text).toContain("運営事務局が在籍確認を行っています");
    expect(m.text).toContain("The operators are verifying the registration");
    expect(m.text).toContain("人事担当");
    expect(m.html).not.toContain("<b>");
    expect(m.html).toContain("&lt;b&gt;偽&lt;<span>/</span>b&gt;");
    expect(m.html).not.toMatch(/<a |https?:\/\/evil/);
    // The registrant gets what everyone in the queue gets.
    expect((await mailsTo(env, u.email)).map((x) => x.subject)).toEqual([
      `${net.name} アルムナイネットワーク：登録申請を受け付けました`,
    ]);
  });

  it("when it is approved at once (employee number)", async () => {
    const net = await rosterNetwork(rosterWithEmail(roster));
    const u = await makeUser(env, { name: "山田 太郎" });
    expect((await register(env, net.slug, u, form({ employeeNumber: "A001" }))).json().status).toBe(
      "approved",
    );
    const sent = await notices(net);
    expect(sent.map((m) => m.to)).toEqual([roster]);
    expect(sent[0].text).toContain("メンバーとして承認されています");
    expect(sent[0].text).toContain("It matched the roster and was admitted as a member");
  });

  it("not to a namesake with other months, nor when the roster has no address", async () => {
    const net = await rosterNetwork(rosterWithEmail(roster));
    const u = await makeUser(env);
    expect((await register(env, net.slug, u, form({ joinYm: "2012-04" }))).json().status).toBe("pending");
    expect(await notices(net)).toEqual([]);
    const bare = await rosterNetwork();
    await register(env, bare.slug, await makeUser(env), form({}));
    expect(await notices(bare)).toEqual([]);
  });

  it("tells the registrant nothing new: same answer and mail with or without a roster address", async () => {
    const withAddress = await rosterNetwork(rosterWithEmail(roster));
    const without = await rosterNetwork();
    const a = await makeUser(env);
    const b = await makeUser(env);
    const ra = await register(env, withAddress.slug, a, form({}));
    const rb = await register(env, without.slug, b, form({}));
    expect([ra.statusCode, ra.body]).toEqual([rb.statusCode, rb.body]);
    const [ma] = await mailsTo(env, a.email);
    const [mb] = await mailsTo(env, b.email);
    const plain = (s: string, net: { name: string }) => s.replaceAll(net.name, "N");
    expect(plain(ma.text, withAddress)).toBe(plain(mb.text, without));
    expect((await mailsTo(env, a.email)).length).toBe(1);
  });
});

describe("the settings route", () => {
  it("operators read and change it; each change is audited once", async () => {
    const net = await rosterNetwork();
    const put = (policy: unknown) =>
      call(env, { method: "PUT", url: settingsUrl(net), user: net.operator, payload: { policy } });
    const changed = await put("lenient");
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ policy: "lenient" });
    expect((await call(env, { url: settingsUrl(net), user: net.operator })).json()).toEqual({
      policy: "lenient",
    });
    expect((await put("lenient")).statusCode).toBe(200);
    expect((await put("strict")).statusCode).toBe(200);
    const audits = await env.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.networkId, net.id), eq(auditLog.action, "registration.policy_change")))
      .orderBy(auditLog.createdAt);
    expect(audits.map((a) => [a.actorUserId, a.data])).toEqual([
      [net.operator.id, { from: "strict", to: "lenient" }],
      [net.operator.id, { from: "lenient", to: "strict" }],
    ]);
  });

  it("400 on an invalid value, and nothing changes", async () => {
    const net = await rosterNetwork();
    for (const payload of [{ policy: "open" }, { policy: "" }, {}, { policy: "LENIENT" }]) {
      const res = await call(env, { method: "PUT", url: settingsUrl(net), user: net.operator, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
    }
    expect((await call(env, { url: settingsUrl(net), user: net.operator })).json()).toEqual({
      policy: "strict",
    });
  });

  it("operators only: 401 anonymous, 403 alumni and employees, 404 another network's operator", async () => {
    const net = await rosterNetwork();
    const other = await rosterNetwork();
    const body = { policy: "lenient" };
    expect((await call(env, { url: settingsUrl(net) })).statusCode).toBe(401);
    expect((await call(env, { method: "PUT", url: settingsUrl(net), payload: body })).statusCode).toBe(401);
    for (const role of ["alumni", "employee"] as const) {
      const m = await makeMember(env, net, role);
      expect((await call(env, { url: settingsUrl(net), user: m })).statusCode).toBe(403);
      expect(
        (await call(env, { method: "PUT", url: settingsUrl(net), user: m, payload: body })).statusCode,
      ).toBe(403);
    }
    const foreign = await call(env, {
      method: "PUT",
      url: settingsUrl(net),
      user: other.operator,
      payload: body,
    });
    expect(foreign.statusCode).toBe(404);
    expect((await call(env, { url: settingsUrl(net), user: net.operator })).json()).toEqual({
      policy: "strict",
    });
  });
});

// Inviting leavers: guards, roster invitations with skips, emails in ja/en, list, revoke, expiry.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, networkInvitation } from "../../db/schema/index.ts";
import {
  call,
  createTestEnv,
  linkIn,
  mailsTo,
  makeMember,
  makeNetwork,
  makeUser,
  type TestEnv,
  uniq,
} from "../../test/harness.ts";
import { admitMember } from "../members/index.ts";
import { uploadRoster } from "../roster/testing.ts";
import { REMINDER_JOB, type ReminderJob, remindInvitation } from "./reminders.ts";
import { CONSENT, inviteByEmail } from "./testing.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

const rosterCsv = (p: string) =>
  [
    "社員番号,氏名,フリガナ,入社日,退職日,最終所属,メールアドレス",
    `R1,山田 太郎,ヤマダ タロウ,2015/4/1,2024/3/31,営業部,${p}-taro@example.com`,
    "R2,佐藤 花子,サトウ ハナコ,2012/4/1,2023/9/30,人事部,",
    `R3,鈴木 一郎,スズキ イチロウ,2010/4/1,2020/3/31,開発部,${p}-ichiro@example.com`,
  ].join("\n");

async function rosterIds(net: { slug: string; operator: any }) {
  const items = (await call(env, { url: `/api/n/${net.slug}/roster`, user: net.operator })).json().items;
  return Object.fromEntries(items.map((i: any) => [i.employeeNumber, i])) as Record<string, any>;
}

describe("invitation routes: who may call them", () => {
  it("anonymous 401, alumni 403, operator of another network 404, nothing leaked", async () => {
    const net = await makeNetwork(env);
    const other = await makeNetwork(env);
    const alum = await makeMember(env, net, "alumni");
    const { id } = await inviteByEmail(env, net, `${uniq("g")}@example.com`);
    const routes = [
      (u: any) =>
        call(env, {
          method: "POST",
          url: `/api/n/${net.slug}/invitations`,
          user: u,
          payload: { invitees: [{ email: "x@example.com" }] },
        }),
      (u: any) => call(env, { url: `/api/n/${net.slug}/invitations`, user: u }),
      (u: any) => call(env, { method: "POST", url: `/api/n/${net.slug}/invitations/${id}/revoke`, user: u }),
      (u: any) => call(env, { url: `/api/n/${net.slug}/api-tokens`, user: u }),
      (u: any) =>
        call(env, { method: "POST", url: `/api/n/${net.slug}/api-tokens`, user: u, payload: { name: "HR" } }),
      (u: any) => call(env, { method: "DELETE", url: `/api/n/${net.slug}/api-tokens/${id}`, user: u }),
    ];
    for (const r of routes) {
      expect((await r(null)).statusCode).toBe(401);
      expect((await r(alum)).statusCode).toBe(403);
      const res = await r(other.operator);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain("example.com");
    }
    // The other network's operator cannot revoke through their own network either.
    const cross = await call(env, {
      method: "POST",
      url: `/api/n/${other.slug}/invitations/${id}/revoke`,
      user: other.operator,
    });
    expect(cross.statusCode).toBe(404);
    const list = (await call(env, { url: `/api/n/${net.slug}/invitations`, user: net.operator })).json();
    expect(list.items[0].status).toBe("pending");
    expect(
      (await call(env, { method: "POST", url: "/api/invitations/whatever-token/accept", payload: CONSENT }))
        .statusCode,
    ).toBe(401);
  });

  it("rejects a request that names nobody", async () => {
    const net = await makeNetwork(env);
    const res = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/invitations`,
      user: net.operator,
      payload: {},
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION_FAILED");
  });
});

describe("inviting from the roster", () => {
  it("invites with the roster email, skips with a code, mails a link in Japanese, updates roster state", async () => {
    const net = await makeNetwork(env, { name: "つなぐ商事" });
    const p = uniq("r");
    await uploadRoster(env, net.slug, net.operator, rosterCsv(p));
    const ids = await rosterIds(net);
    const already = await makeMember(env, net, "alumni");
    const res = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/invitations`,
      user: net.operator,
      payload: {
        rosterEntryIds: [ids.R1.id, ids.R2.id, "no-such-entry"],
        invitees: [
          { email: already.email },
          { email: `${p}-TARO@example.com` },
          { email: `${p}-new@example.com`, name: "新井 さくら" },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.created.map((c: any) => c.email)).toEqual([`${p}-taro@example.com`, `${p}-new@example.com`]);
    expect(body.skipped.map((s: any) => [s.ref, s.code])).toEqual([
      [ids.R2.id, "NO_EMAIL"],
      ["no-such-entry", "ROSTER_ENTRY_NOT_FOUND"],
      [`${p}-taro@example.com`, "DUPLICATE"],
      [already.email, "ALREADY_MEMBER"],
    ]);
    expect(body.skipped[0].messages.ja).toContain("メールアドレス");
    const days = (new Date(body.created[0].expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);

    const [mail] = await mailsTo(env, `${p}-taro@example.com`);
    expect(mail.subject).toBe("つなぐ商事 アルムナイネットワーク：ご招待");
    expect(mail.text).toContain("山田 太郎 様");
    expect(mail.text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日\(.\) \d{2}:\d{2}（日本時間） まで/);
    const url = linkIn(mail.text);
    expect(url).toMatch(/^http:\/\/localhost:3999\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = url.split("/invite/")[1];
    const stored = await env.ctx.db
      .select()
      .from(networkInvitation)
      .where(eq(networkInvitation.networkId, net.id));
    expect(stored.some((s) => s.tokenHash === token || JSON.stringify(s).includes(token))).toBe(false);

    const info = await call(env, { url: `/api/invitations/${token}` });
    expect(info.json()).toMatchObject({
      networkName: "つなぐ商事",
      networkSlug: net.slug,
      name: "山田 太郎",
      role: "alumni",
    });
    expect(info.json().privacyNotice.version).toBe(1);

    let roster = await rosterIds(net);
    expect(roster.R1).toMatchObject({ state: "invited", invitedAt: expect.any(String) });
    expect(roster.R3.state).toBe("not_invited");
    const invited = (
      await call(env, { url: `/api/n/${net.slug}/roster?status=invited`, user: net.operator })
    ).json();
    expect(invited.items.map((i: any) => i.employeeNumber)).toEqual(["R1"]);

    const invitee = await makeUser(env, { name: "山田 太郎（個人）" });
    const ok = await call(env, {
      method: "POST",
      url: `/api/invitations/${token}/accept`,
      user: invitee,
      payload: CONSENT,
    });
    expect(ok.statusCode).toBe(200);
    roster = await rosterIds(net);
    expect(roster.R1.state).toBe("member");
    const members = (
      await call(env, { url: `/api/n/${net.slug}/roster?state=member`, user: net.operator })
    ).json();
    expect(members.total).toBe(1);
    const again = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/invitations`,
      user: net.operator,
      payload: { rosterEntryIds: [ids.R1.id] },
    });
    expect(again.json().skipped).toEqual([
      expect.objectContaining({ ref: ids.R1.id, code: "ALREADY_MEMBER" }),
    ]);
    const logs = await env.ctx.db.select().from(auditLog).where(eq(auditLog.networkId, net.id));
    // the second request invited nobody, so it changed nothing and left no audit entry
    expect(logs.filter((l) => l.action === "invitation.create")).toHaveLength(1);
    expect(logs.find((l) => l.action === "invitation.create")).toMatchObject({
      actorUserId: net.operator.id,
    });
  });

  it("writes the mail in English when asked, with the link and a readable expiry", async () => {
    const net = await makeNetwork(env, { name: "Tsunagari Inc." });
    const email = `${uniq("en")}@example.com`;
    const res = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/invitations`,
      user: net.operator,
      payload: {
        invitees: [{ email, name: "Alice Smith" }],
        locale: "en",
        expiresInDays: 3,
        role: "employee",
      },
    });
    expect(res.statusCode).toBe(201);
    const [mail] = await mailsTo(env, email);
    expect(mail.subject).toBe("Tsunagari Inc. alumni network: your invitation");
    expect(mail.text).toContain("Dear Alice Smith,");
    expect(mail.text).toMatch(/until \w{3}, \w+ \d{1,2}, \d{4}(,| at) \d{1,2}:\d{2} [AP]M \(Japan time\)/);
    const token = linkIn(mail.text).split("/invite/")[1];
    const info = (await call(env, { url: `/api/invitations/${token}` })).json();
    expect(info.role).toBe("employee");
    const days = (new Date(info.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(2.9);
    expect(days).toBeLessThanOrEqual(3);
  });

  it("a new invitation to the same person replaces the old link", async () => {
    const net = await makeNetwork(env);
    const email = `${uniq("re")}@example.com`;
    const first = await inviteByEmail(env, net, email);
    const second = await inviteByEmail(env, net, email);
    expect((await call(env, { url: `/api/invitations/${first.token}` })).statusCode).toBe(404);
    expect((await call(env, { url: `/api/invitations/${second.token}` })).statusCode).toBe(200);
    const items = (await call(env, { url: `/api/n/${net.slug}/invitations`, user: net.operator })).json()
      .items;
    expect(items.map((i: any) => i.status)).toEqual(["pending", "revoked"]);
  });
});

describe("revoke and expiry", () => {
  it("a revoked invitation stops working; an accepted one cannot be revoked", async () => {
    const net = await makeNetwork(env);
    const a = await inviteByEmail(env, net, `${uniq("rv")}@example.com`);
    const r = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/invitations/${a.id}/revoke`,
      user: net.operator,
    });
    expect(r.json()).toEqual({ ok: true });
    const info = await call(env, { url: `/api/invitations/${a.token}` });
    expect(info.statusCode).toBe(404);
    expect(info.json().error.code).toBe("INVITATION_INVALID");
    const u = await makeUser(env);
    const acc = await call(env, {
      method: "POST",
      url: `/api/invitations/${a.token}/accept`,
      user: u,
      payload: CONSENT,
    });
    expect(acc.json().error.code).toBe("INVITATION_INVALID");
    const revoked = (
      await call(env, { url: `/api/n/${net.slug}/invitations?status=revoked`, user: net.operator })
    ).json();
    expect(revoked.items.map((i: any) => i.id)).toEqual([a.id]);

    const b = await inviteByEmail(env, net, `${uniq("rv")}@example.com`);
    await call(env, { method: "POST", url: `/api/invitations/${b.token}/accept`, user: u, payload: CONSENT });
    const late = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/invitations/${b.id}/revoke`,
      user: net.operator,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("INVITATION_ALREADY_ACCEPTED");
    const unknown = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/invitations/nope/revoke`,
      user: net.operator,
    });
    expect(unknown.statusCode).toBe(404);
    const logs = await env.ctx.db.select().from(auditLog).where(eq(auditLog.networkId, net.id));
    expect(logs.filter((l) => l.action === "invitation.revoke").map((l) => l.targetId)).toContain(a.id);
  });

  it("an expired invitation cannot be used and is listed as expired", async () => {
    const net = await makeNetwork(env);
    const a = await inviteByEmail(env, net, `${uniq("ex")}@example.com`);
    await env.ctx.db
      .update(networkInvitation)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(networkInvitation.id, a.id));
    const info = await call(env, { url: `/api/invitations/${a.token}` });
    expect(info.statusCode).toBe(404);
    expect(info.json().error.code).toBe("INVITATION_INVALID");
    const u = await makeUser(env);
    const acc = await call(env, {
      method: "POST",
      url: `/api/invitations/${a.token}/accept`,
      user: u,
      payload: CONSENT,
    });
    expect(acc.statusCode).toBe(404);
    const unknown = await call(env, { url: "/api/invitations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" });
    expect(unknown.json().error).toEqual(info.json().error);
    const expired = (
      await call(env, { url: `/api/n/${net.slug}/invitations?status=expired`, user: net.operator })
    ).json();
    expect(expired.items).toEqual([
      expect.objectContaining({ id: a.id, status: "expired", acceptedAt: null }),
    ]);
    const pending = (
      await call(env, { url: `/api/n/${net.slug}/invitations?status=pending`, user: net.operator })
    ).json();
    expect(pending.items).toEqual([]);
  });
});

describe("personal message, preview, resend and reminders", () => {
  const invite = (net: any, payload: Record<string, unknown>) =>
    call(env, { method: "POST", url: `/api/n/${net.slug}/invitations`, user: net.operator, payload });

  it("carries the operators' message as written, and previews exactly the mail that goes out", async () => {
    const net = await makeNetwork(env, { name: "つなぐ商事" });
    const email = `${uniq("msg")}@example.com`;
    const message = "人事部の佐藤です。\n退職後もぜひつながりましょう！";
    const preview = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/invitations/preview`,
      user: net.operator,
      payload: { message, name: "山田 太郎", expiresInDays: 14 },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p.from).toMatch(/^つなぐ商事 アルムナイネットワーク </);
    expect(p.subject).toBe("つなぐ商事 アルムナイネットワーク：ご招待");
    expect(p.text).toContain("山田 太郎 様");
    expect(p.text).toContain(message);
    expect(p.reminder).toEqual({
      afterDays: 7,
      subject: "つなぐ商事 アルムナイネットワーク：ご招待のリマインド",
    });
    // Nothing was sent or written.
    expect(
      (await call(env, { url: `/api/n/${net.slug}/invitations`, user: net.operator })).json().items,
    ).toEqual([]);

    expect((await invite(net, { invitees: [{ email, name: "山田 太郎" }], message })).statusCode).toBe(201);
    const [mail] = await mailsTo(env, email);
    expect(mail.from).toMatch(/^つなぐ商事 アルムナイネットワーク </);
    expect(mail.subject).toBe(p.subject);
    // The preview is the mail but for the link.
    expect(mail.text.replace(/\/invite\/\S+/, "/invite/…")).toBe(p.text);
    const [item] = (await call(env, { url: `/api/n/${net.slug}/invitations`, user: net.operator })).json()
      .items;
    expect(item.message).toBe(message);

    const tooLong = await invite(net, { invitees: [{ email }], message: "あ".repeat(1001) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.code).toBe("VALIDATION_FAILED");
  });

  it("resends with a new link and the same message; the old link stops; accepted ones are refused", async () => {
    const net = await makeNetwork(env);
    const email = `${uniq("rs")}@example.com`;
    const first = await inviteByEmail(env, net, email, { message: "お待ちしています", locale: "en" });
    const res = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/invitations/${first.id}/resend`,
      user: net.operator,
    });
    expect(res.statusCode, res.body).toBe(201);
    const mails = await mailsTo(env, email);
    expect(mails).toHaveLength(2);
    expect(mails[1].text).toContain("お待ちしています");
    expect(mails[1].subject).toMatch(/alumni network: your invitation$/);
    const second = linkIn(mails[1].text).split("/invite/")[1];
    expect(second).not.toBe(first.token);
    expect((await call(env, { url: `/api/invitations/${first.token}` })).statusCode).toBe(404);
    expect((await call(env, { url: `/api/invitations/${second}` })).statusCode).toBe(200);
    const audit = await env.ctx.db.select().from(auditLog).where(eq(auditLog.targetId, res.json().id));
    expect(audit.map((a) => a.action)).toContain("invitation.resend");

    const invitee = await makeUser(env, { email });
    const accepted = await call(env, {
      method: "POST",
      url: `/api/invitations/${second}/accept`,
      user: invitee,
      payload: CONSENT,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const again = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/invitations/${res.json().id}/resend`,
      user: net.operator,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("INVITATION_ALREADY_ACCEPTED");
    const missing = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/invitations/nope/resend`,
      user: net.operator,
    });
    expect(missing.statusCode).toBe(404);
  });

  it("resends an expired invitation; refuses a revoked or replaced one; two resends at once send one", async () => {
    const net = await makeNetwork(env);
    const resend = (id: string) =>
      call(env, { method: "POST", url: `/api/n/${net.slug}/invitations/${id}/resend`, user: net.operator });
    const email = `${uniq("rx")}@example.com`;
    const first = await inviteByEmail(env, net, email);
    await env.ctx.db
      .update(networkInvitation)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(networkInvitation.id, first.id));
    const renewed = await resend(first.id);
    expect(renewed.statusCode, renewed.body).toBe(201);
    const second = renewed.json().id;

    // The first was replaced (revoked) by the resend.
    const revoked = await resend(first.id);
    expect(revoked.statusCode).toBe(409);
    expect(revoked.json().error).toMatchObject({ code: "INVITATION_REVOKED" });
    expect(revoked.json().error.messages.ja).toContain("取り消されている");
    // An older invitation left unrevoked (by hand, or by an older version): the newer one is the one to resend.
    await env.ctx.db
      .update(networkInvitation)
      .set({ revokedAt: null })
      .where(eq(networkInvitation.id, first.id));
    const superseded = await resend(first.id);
    expect(superseded.statusCode).toBe(409);
    expect(superseded.json().error).toMatchObject({ code: "INVITATION_SUPERSEDED" });
    expect(superseded.json().error.messages.en).toContain("newer invitation");

    // Twice at once (a double tap): one new link, the other refused because the first replaced it.
    const before = (await mailsTo(env, email)).length;
    const both = await Promise.all([resend(second), resend(second)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().error.code).toBe("INVITATION_REVOKED");
    expect((await mailsTo(env, email)).length).toBe(before + 1);
    const pending = (
      await call(env, { url: `/api/n/${net.slug}/invitations?status=pending`, user: net.operator })
    ).json().items;
    expect(pending.filter((i: any) => i.email === email)).toHaveLength(1);
  });

  it("does not remind an invitee who joined another way meanwhile", async () => {
    const net = await makeNetwork(env, { name: "別経路商事" });
    const email = `${uniq("rj")}@example.com`;
    const inv = await inviteByEmail(env, net, email);
    const job = await env.ctx.jobs.find<ReminderJob>(REMINDER_JOB, `invitationReminder:${inv.id}`);
    expect(job).not.toBeNull();
    // She registered herself (an operator approved her), leaving the invitation unused.
    const joined = await makeUser(env, { email });
    await env.ctx.db.transaction((tx) =>
      admitMember(tx, {
        networkId: net.id,
        userId: joined.id,
        role: "alumni",
        verifiedVia: "operator_approval",
        verifiedBy: net.operator.id,
        profile: { displayName: "別経路 花子" },
      }),
    );
    await remindInvitation(env.ctx, job!.data);
    expect((await mailsTo(env, email)).map((m) => m.subject)).toEqual([
      "別経路商事 アルムナイネットワーク：ご招待",
    ]);
    const [item] = (await call(env, { url: `/api/n/${net.slug}/invitations`, user: net.operator })).json()
      .items;
    expect(item.remindedAt).toBeNull();
  });

  it("reminds once, days later, only while the invitation waits and reminders are on", async () => {
    const net = await makeNetwork(env, { name: "リマインド商事" });
    const settings = `/api/n/${net.slug}/invitations/settings`;
    expect((await call(env, { url: settings, user: net.operator })).json()).toEqual({ reminderDays: 7 });
    const a = `${uniq("ra")}@example.com`;
    const b = `${uniq("rb")}@example.com`;
    const ra = await inviteByEmail(env, net, a, { message: "ぜひ" });
    const rb = await inviteByEmail(env, net, b);
    const job = await env.ctx.jobs.find<ReminderJob>(REMINDER_JOB, `invitationReminder:${ra.id}`);
    expect(job).not.toBeNull();
    const days = (job!.startAfter.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    // The job (a row of the jobs table for a week) holds no link: the link is kept only as a hash.
    expect(Object.keys(job!.data).sort()).toEqual(["invitationId", "networkId"]);
    expect(JSON.stringify(job)).not.toContain(ra.token);

    // As the worker would, a week later: a reminds (once), b has joined meanwhile.
    const joined = await makeUser(env, { email: b });
    await call(env, {
      method: "POST",
      url: `/api/invitations/${rb.token}/accept`,
      user: joined,
      payload: CONSENT,
    });
    const jobB = await env.ctx.jobs.find<ReminderJob>(REMINDER_JOB, `invitationReminder:${rb.id}`);
    await remindInvitation(env.ctx, job!.data);
    await remindInvitation(env.ctx, job!.data);
    await remindInvitation(env.ctx, jobB!.data);
    const toA = await mailsTo(env, a);
    expect(toA.map((m) => m.subject)).toEqual([
      `リマインド商事 アルムナイネットワーク：ご招待`,
      `リマインド商事 アルムナイネットワーク：ご招待のリマインド`,
    ]);
    expect(toA[1].text).toContain("ぜひ");
    // The reminder brings a new link and says the first one no longer works.
    expect(toA[1].text).toContain("先日のメールのリンクは使えなくなりました");
    const reminded = linkIn(toA[1].text).split("/invite/")[1];
    expect(reminded).not.toBe(ra.token);
    expect((await call(env, { url: `/api/invitations/${ra.token}` })).statusCode).toBe(404);
    expect((await call(env, { url: `/api/invitations/${reminded}` })).statusCode).toBe(200);
    const invitee = await makeUser(env, { email: a });
    const accepted = await call(env, {
      method: "POST",
      url: `/api/invitations/${reminded}/accept`,
      user: invitee,
      payload: CONSENT,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await mailsTo(env, b)).map((m) => m.subject)).toEqual([
      `リマインド商事 アルムナイネットワーク：ご招待`,
    ]);
    const itemA = (await call(env, { url: `/api/n/${net.slug}/invitations`, user: net.operator }))
      .json()
      .items.find((i: any) => i.id === ra.id);
    expect(itemA).toMatchObject({ status: "accepted" });
    expect(itemA.remindedAt).not.toBeNull();

    // Turned off: waiting reminders are not sent; new invitations queue none.
    const off = await call(env, {
      method: "PUT",
      url: settings,
      user: net.operator,
      payload: { reminderDays: null },
    });
    expect(off.statusCode, off.body).toBe(200);
    const c = `${uniq("rc")}@example.com`;
    const rc = await inviteByEmail(env, net, c);
    expect(await env.ctx.jobs.find(REMINDER_JOB, `invitationReminder:${rc.id}`)).toBeNull();
    const bad = await call(env, {
      method: "PUT",
      url: settings,
      user: net.operator,
      payload: { reminderDays: 99 },
    });
    expect(bad.statusCode).toBe(400);
    const alum = await makeMember(env, net, "alumni");
    expect((await call(env, { url: settings, user: alum })).statusCode).toBe(403);
    // A reminder later than a day before expiry is not queued.
    await call(env, { method: "PUT", url: settings, user: net.operator, payload: { reminderDays: 3 } });
    const d = `${uniq("rd")}@example.com`;
    const rd = await inviteByEmail(env, net, d, { expiresInDays: 3 });
    expect(await env.ctx.jobs.find(REMINDER_JOB, `invitationReminder:${rd.id}`)).toBeNull();
  });
});

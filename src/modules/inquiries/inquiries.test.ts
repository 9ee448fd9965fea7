// The operators' desk through the API: lifecycle, who sees what, the member's mail, saved replies,
// business hours and the 30-day medians (PGlite, or PostgreSQL with TEST_DATABASE_URL).
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, inquiryEvent } from "../../db/schema/index.ts";
import {
  call,
  createTestEnv,
  mailsTo,
  makeNetwork,
  makeUser,
  type TestEnv,
  type TestNetwork,
} from "../../test/harness.ts";
import { admitTestMember } from "../members/testing.ts";
import { isJapaneseHoliday } from "./business-hours.ts";
import { openTestInquiry } from "./testing.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

const api = (n: TestNetwork, path: string) => `/api/n/${n.slug}${path}`;

async function setting(n: TestNetwork) {
  const alumna = await admitTestMember(env, n, "alumni", { name: "卒業 花子" });
  return { alumna };
}

async function actionsOf(networkId: string, targetId: string) {
  const rows = await env.ctx.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.networkId, networkId), eq(auditLog.targetId, targetId)));
  return rows.map((r) => r.action).sort();
}

describe("inquiries", () => {
  it("lives from opening to closing: reply, follow-up, reply, close, reopen", async () => {
    const n = await makeNetwork(env);
    const { alumna } = await setting(n);
    const opened = await openTestInquiry(env, n.slug, alumna, {
      category: "document",
      documentKind: "withholding_slip",
    });
    expect(opened.status).toBe("open");

    // The operator sees it waiting, unassigned, with no response yet.
    const inbox = (await call(env, { url: api(n, "/inquiries?status=open"), user: n.operator })).json();
    expect(inbox.items.map((i: any) => i.id)).toEqual([opened.id]);
    expect(inbox.items[0].response.firstMinutes).toBeNull();
    expect(inbox.items[0].response.waitingMinutes).toBeTypeOf("number");
    expect(inbox.items[0].assignee).toBeNull();

    const replied = await call(env, {
      method: "POST",
      url: api(n, `/inquiries/${opened.id}/replies`),
      user: n.operator,
      payload: { body: "再発行の手続きを進めます。1週間ほどで郵送します。" },
    });
    expect(replied.statusCode).toBe(200);
    const t1 = replied.json();
    expect(t1.status).toBe("answered");
    expect(t1.assignee.userId).toBe(n.operator.id); // whoever answers an unassigned inquiry takes it
    expect(t1.response.firstMinutes).toBeTypeOf("number");
    expect(t1.messages.map((m: any) => m.authorRole)).toEqual(["member", "operator"]);

    // The member sees the thread without the operators' response times.
    const mine = (await call(env, { url: api(n, `/inquiries/${opened.id}`), user: alumna })).json();
    expect(mine.messages).toHaveLength(2);
    expect(mine.response).toBeNull();
    expect(mine.canReply).toBe(false);

    const follow = await call(env, {
      method: "POST",
      url: api(n, `/inquiries/${opened.id}/messages`),
      user: alumna,
      payload: { body: "ありがとうございます。送付先が変わりました。" },
    });
    expect(follow.statusCode).toBe(200);
    expect(follow.json().status).toBe("open");
    expect(follow.json().waitingSince).not.toBeNull();

    await call(env, {
      method: "POST",
      url: api(n, `/inquiries/${opened.id}/replies`),
      user: n.operator,
      payload: { body: "新しい住所に送ります。", status: "closed" },
    });
    const done = (await call(env, { url: api(n, `/inquiries/${opened.id}`), user: n.operator })).json();
    expect(done.status).toBe("closed");
    expect(done.response.nextMinutes).toHaveLength(1);
    expect(done.closedAt).not.toBeNull();

    const reopened = await call(env, {
      method: "PUT",
      url: api(n, `/inquiries/${opened.id}/status`),
      user: n.operator,
      payload: { status: "open" },
    });
    expect(reopened.json().status).toBe("open");
    const closed = await call(env, {
      method: "POST",
      url: api(n, `/inquiries/${opened.id}/close`),
      user: alumna,
    });
    expect(closed.json().status).toBe("closed");

    const kinds = await env.ctx.db
      .select({ kind: inquiryEvent.kind })
      .from(inquiryEvent)
      .where(eq(inquiryEvent.inquiryId, opened.id))
      .orderBy(inquiryEvent.at);
    expect(kinds.map((k) => k.kind)).toEqual([
      "opened",
      "operator_reply",
      "member_message",
      "operator_reply",
      "status",
      "status",
      "status",
    ]);
    expect(await actionsOf(n.id, opened.id)).toEqual([
      "inquiries.status",
      "inquiries.status",
      "inquiries.status",
      "inquiry.member_replied",
      "inquiry.opened",
      "inquiry.replied",
      "inquiry.replied",
    ]);
  });

  it("asks which document a document request is for", async () => {
    const n = await makeNetwork(env);
    const { alumna } = await setting(n);
    const res = await call(env, {
      method: "POST",
      url: api(n, "/inquiries"),
      user: alumna,
      payload: { category: "document", subject: "書類", body: "お願いします" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("INQUIRY_DOCUMENT_KIND_REQUIRED");
    // Other categories ignore a document kind.
    const ok = await openTestInquiry(env, n.slug, alumna, {
      category: "rehire",
      documentKind: "withholding_slip",
    });
    const t = (await call(env, { url: api(n, `/inquiries/${ok.id}`), user: alumna })).json();
    expect(t.documentKind).toBeNull();
    expect(t.category).toBe("rehire");
  });

  it("shows no one else's inquiry: another member and another network get 404", async () => {
    const n = await makeNetwork(env);
    const { alumna } = await setting(n);
    const other = await admitTestMember(env, n, "alumni", { name: "別の 人" });
    const employee = await admitTestMember(env, n, "employee");
    const opened = await openTestInquiry(env, n.slug, alumna);
    for (const user of [other, employee]) {
      expect((await call(env, { url: api(n, `/inquiries/${opened.id}`), user })).statusCode).toBe(404);
      const write = await call(env, {
        method: "POST",
        url: api(n, `/inquiries/${opened.id}/messages`),
        user,
        payload: { body: "のぞき見" },
      });
      expect(write.statusCode).toBe(404);
      const close = await call(env, { method: "POST", url: api(n, `/inquiries/${opened.id}/close`), user });
      expect(close.statusCode).toBe(404);
      const list = (await call(env, { url: api(n, "/inquiries/mine"), user })).json();
      expect(list.items).toEqual([]);
      expect((await call(env, { url: api(n, "/inquiries"), user })).statusCode).toBe(403);
    }
    // An operator of another network: not even the network answers.
    const m = await makeNetwork(env);
    expect((await call(env, { url: api(n, `/inquiries/${opened.id}`), user: m.operator })).statusCode).toBe(
      404,
    );
    // The id in the other network's URL matches nothing there.
    expect((await call(env, { url: api(m, `/inquiries/${opened.id}`), user: m.operator })).statusCode).toBe(
      404,
    );
    const reply = await call(env, {
      method: "POST",
      url: api(m, `/inquiries/${opened.id}/replies`),
      user: m.operator,
      payload: { body: "他社から" },
    });
    expect(reply.statusCode).toBe(404);
    // The opener's own list has it.
    const mine = (await call(env, { url: api(n, "/inquiries/mine"), user: alumna })).json();
    expect(mine.items.map((i: any) => i.id)).toEqual([opened.id]);
    expect(mine.items[0].response).toBeNull();
  });

  it("mails the member at once when an operator replies, in the member's language", async () => {
    const n = await makeNetwork(env);
    const ja = await admitTestMember(env, n, "alumni", { name: "日本 花子" });
    const enUser = await makeUser(env, { locale: "en", name: "Emma Brown" });
    const { admitMember } = await import("../members/index.ts");
    await env.ctx.db.transaction((tx) =>
      admitMember(tx, {
        networkId: n.id,
        userId: enUser.id,
        role: "alumni",
        verifiedVia: "operator_added",
        verifiedBy: n.operator.id,
        profile: { displayName: "Emma Brown" },
      }),
    );
    for (const [user, expected] of [
      [ja, /お問い合わせに回答がありました/],
      [enUser, /your inquiry was answered/],
    ] as const) {
      const opened = await openTestInquiry(env, n.slug, user, { subject: "再雇用の相談" });
      await call(env, {
        method: "POST",
        url: api(n, `/inquiries/${opened.id}/replies`),
        user: n.operator,
        payload: { body: "ご相談ありがとうございます。面談の候補日をお送りします。" },
      });
      const mails = await mailsTo(env, user.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toMatch(expected);
      expect(mails[0]!.text).toContain("再雇用の相談");
      expect(mails[0]!.text).toContain(`/n/${n.slug}/inquiries/${opened.id}`);
      // The answer itself stays on the site.
      expect(mails[0]!.text).not.toContain("面談の候補日");
    }
    // The operators heard of each new inquiry.
    const toOperator = await mailsTo(env, n.operator.email);
    expect(toOperator.filter((m) => /新しいお問い合わせ/.test(m.subject))).toHaveLength(2);
  });

  it("mails the answer only to a member who wants answers by mail now (app only: the bell alone)", async () => {
    const n = await makeNetwork(env);
    const { alumna } = await setting(n);
    const chose = await call(env, {
      method: "PUT",
      url: `/api/n/${n.slug}/notifications/preferences`,
      user: alumna,
      payload: { channels: { inquiry_answered: "inapp" } },
    });
    expect(chose.statusCode, chose.body).toBe(200);
    const opened = await openTestInquiry(env, n.slug, alumna, { subject: "書類の再発行" });
    const r = await call(env, {
      method: "POST",
      url: api(n, `/inquiries/${opened.id}/replies`),
      user: n.operator,
      payload: { body: "承知しました。" },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(await mailsTo(env, alumna.email)).toHaveLength(0);
    const bell = await call(env, { url: `/api/n/${n.slug}/notifications`, user: alumna });
    expect(bell.json().items.map((x: any) => x.kind)).toEqual(["inquiry_answered"]);
  });

  it("assigns only to an operator of the network, and filters the inbox by assignee, category and words", async () => {
    const n = await makeNetwork(env);
    const { alumna } = await setting(n);
    const a = await openTestInquiry(env, n.slug, alumna, {
      subject: "業務委託の条件について",
      category: "freelance",
    });
    const b = await openTestInquiry(env, n.slug, alumna, { subject: "退職証明書", category: "general" });
    const bad = await call(env, {
      method: "PUT",
      url: api(n, `/inquiries/${a.id}/assignee`),
      user: n.operator,
      payload: { assigneeId: alumna.id },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("INQUIRY_ASSIGNEE_NOT_OPERATOR");
    const ok = await call(env, {
      method: "PUT",
      url: api(n, `/inquiries/${a.id}/assignee`),
      user: n.operator,
      payload: { assigneeId: n.operator.id },
    });
    expect(ok.json().assignee.userId).toBe(n.operator.id);
    expect(await actionsOf(n.id, a.id)).toContain("inquiries.assign");
    const ids = async (q: string) =>
      (await call(env, { url: api(n, `/inquiries?${q}`), user: n.operator }))
        .json()
        .items.map((i: any) => i.id);
    expect(await ids("assignee=me")).toEqual([a.id]);
    expect(await ids("assignee=unassigned")).toEqual([b.id]);
    expect(await ids("category=freelance")).toEqual([a.id]);
    expect(await ids(`q=${encodeURIComponent("証明書")}`)).toEqual([b.id]);
    // Words in the messages count too.
    expect((await ids(`q=${encodeURIComponent("源泉徴収票")}`)).sort()).toEqual([a.id, b.id].sort());
    // Pages by keyset.
    const p1 = (await call(env, { url: api(n, "/inquiries?limit=1"), user: n.operator })).json();
    expect(p1.total).toBe(2);
    const p2 = (
      await call(env, { url: api(n, `/inquiries?limit=1&cursor=${p1.nextCursor}`), user: n.operator })
    ).json();
    expect([...p1.items, ...p2.items].map((i: any) => i.id).sort()).toEqual([a.id, b.id].sort());
    expect(p2.nextCursor).toBeNull();
    expect(
      (await call(env, { url: api(n, "/inquiries?cursor=nonsense"), user: n.operator })).statusCode,
    ).toBe(400);
  });

  it("keeps saved replies per network, audited", async () => {
    const n = await makeNetwork(env);
    const m = await makeNetwork(env);
    const created = await call(env, {
      method: "POST",
      url: api(n, "/saved-replies"),
      user: n.operator,
      payload: { title: "源泉徴収票の再発行", body: "源泉徴収票を再発行し、1週間以内に郵送します。" },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const dup = await call(env, {
      method: "POST",
      url: api(n, "/saved-replies"),
      user: n.operator,
      payload: { title: "源泉徴収票の再発行", body: "別" },
    });
    expect(dup.statusCode).toBe(409);
    const put = await call(env, {
      method: "PUT",
      url: api(n, `/saved-replies/${id}`),
      user: n.operator,
      payload: { title: "源泉徴収票の再発行（郵送）", body: "郵送します。" },
    });
    expect(put.json().title).toBe("源泉徴収票の再発行（郵送）");
    expect((await call(env, { url: api(m, "/saved-replies"), user: m.operator })).json().items).toEqual([]);
    const foreign = await call(env, {
      method: "DELETE",
      url: api(m, `/saved-replies/${id}`),
      user: m.operator,
    });
    expect(foreign.statusCode).toBe(404);
    expect((await call(env, { url: api(n, "/saved-replies"), user: n.operator })).json().items).toHaveLength(
      1,
    );
    const del = await call(env, { method: "DELETE", url: api(n, `/saved-replies/${id}`), user: n.operator });
    expect(del.statusCode).toBe(204);
    expect(await actionsOf(n.id, id)).toEqual([
      "inquiries.saved_reply.create",
      "inquiries.saved_reply.delete",
      "inquiries.saved_reply.update",
    ]);
  });

  it("sets business hours and reports the medians of the last 30 days in them", async () => {
    const n = await makeNetwork(env);
    const { alumna } = await setting(n);
    const hours = (await call(env, { url: api(n, "/settings/business-hours"), user: n.operator })).json();
    expect(hours).toEqual({
      start: "09:00",
      end: "18:00",
      days: [1, 2, 3, 4, 5],
      timeZone: "Asia/Tokyo",
      holidays: true,
    });
    const wrong = await call(env, {
      method: "PUT",
      url: api(n, "/settings/business-hours"),
      user: n.operator,
      payload: { ...hours, start: "18:00", end: "09:00" },
    });
    expect(wrong.json().error.code).toBe("BUSINESS_HOURS_INVALID");

    // Three inquiries answered within the window (10, 30 and 80 business minutes), one answered 40
    // days ago (left out), one follow-up answered after 15 minutes; times planted in the event log.
    const now = Date.now();
    const day = 86_400_000;
    // A Wednesday of the last weeks at 10:00 Tokyo time (01:00 UTC), not a public holiday.
    const base = new Date(now - 7 * day);
    base.setUTCHours(1, 0, 0, 0);
    while (base.getUTCDay() !== 3 || isJapaneseHoliday(base.toISOString().slice(0, 10))) {
      base.setTime(base.getTime() - day);
    }
    const plant = async (id: string, entries: [string, number][]) => {
      await env.ctx.db.delete(inquiryEvent).where(eq(inquiryEvent.inquiryId, id));
      for (const [i, [kind, offsetMin]] of entries.entries()) {
        await env.ctx.db.insert(inquiryEvent).values({
          id: `${id}-${i}`,
          networkId: n.id,
          inquiryId: id,
          kind,
          at: new Date(base.getTime() + offsetMin * 60_000),
        });
      }
    };
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await openTestInquiry(env, n.slug, alumna)).id);
    await plant(ids[0]!, [
      ["opened", 0],
      ["operator_reply", 10],
    ]);
    await plant(ids[1]!, [
      ["opened", 0],
      ["operator_reply", 30],
      ["member_message", 60],
      ["operator_reply", 75],
    ]);
    await plant(ids[2]!, [
      ["opened", 0],
      ["operator_reply", 80],
    ]);
    await plant(ids[3]!, [
      ["opened", -40 * 24 * 60],
      ["operator_reply", -40 * 24 * 60 + 5],
    ]);
    const stats = (await call(env, { url: api(n, "/inquiries/stats"), user: n.operator })).json();
    expect(stats).toMatchObject({
      days: 30,
      medianFirstMinutes: 30,
      firstCount: 3,
      medianNextMinutes: 15,
      nextCount: 1,
      open: 5,
      unassigned: 5,
    });
    // Other hours change the same log: from 10:20, the reply at 11:20 came after 60 business minutes.
    await call(env, {
      method: "PUT",
      url: api(n, "/settings/business-hours"),
      user: n.operator,
      payload: { ...hours, start: "10:20", end: "18:00" },
    });
    const t = (await call(env, { url: api(n, `/inquiries/${ids[2]}`), user: n.operator })).json();
    expect(t.response.firstMinutes).toBe(60);
    expect((await call(env, { url: api(n, "/inquiries/stats"), user: alumna })).statusCode).toBe(403);
  });
});

// Events in a real browser: an operator creates a hybrid event for a segment with one seat; an
// alumna RSVPs from her phone and gets it (the count reads 1/1); the next alumna joins the
// waitlist; the first cancels; the second is promoted automatically, sees the online link and her
// QR ticket, and gets the mail; the operator checks her in at the door from the list.
import { expect, test } from "@playwright/test";
import {
  ADMIN,
  adminNetwork,
  apiContext,
  ensureSetup,
  joinedAlumnus,
  mailTo,
  ok,
  signInUi,
} from "./support.ts";

const NET = { name: "株式会社つながりイベント", slug: "e2e-events" };
const FIRST = { name: "先着 花子", email: "hanako@e2e-events.example", password: "events-password-123" };
const SECOND = { name: "待機 次郎", email: "jiro@e2e-events.example", password: "events-password-456" };
const TITLE = "アルムナイ座談会（2015年入社）";
const ONLINE = "https://meet.example.com/e2e-zadankai";

test("a hybrid event for a segment fills, the next waits, a cancellation promotes her", async ({
  page,
  browser,
  baseURL,
}) => {
  await ensureSetup(page);
  const admin = await adminNetwork(baseURL!, NET);
  for (const p of [FIRST, SECOND]) await joinedAlumnus(baseURL!, admin, NET.slug, p);
  await ok(
    await admin.post(`/api/n/${NET.slug}/segments`, {
      data: { name: "2015年入社", filter: { joinFrom: 2015, joinTo: 2015 } },
    }),
    201,
  );
  await admin.dispose();

  // The operator creates the event on the イベント page.
  await signInUi(page, ADMIN.email, ADMIN.password);
  await page.goto(`/n/${NET.slug}/events`);
  await page.getByTestId("event-create").click();
  await page.getByTestId("event-title").fill(TITLE);
  await page.getByTestId("event-format").getByText("ハイブリッド").click();
  await page.getByTestId("event-venue").fill("本社 12F 会議室A");
  await page.getByTestId("event-online-url").fill(ONLINE);
  await page.getByTestId("event-capacity").fill("1");
  await page.getByTestId("audience-segment").check();
  await page.getByTestId("event-segment").click();
  await page.getByRole("option", { name: "2015年入社" }).click();
  await page.getByTestId("event-save").click();
  await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
  const eventUrl = page.url();

  // The first alumna, on a phone, finds it and RSVPs: the seat is hers, with the online link.
  const phone = async () =>
    (
      await browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 }, hasTouch: true })
    ).newPage();
  const first = await phone();
  await signInUi(first, FIRST.email, FIRST.password);
  await first.goto(`/n/${NET.slug}/events`);
  const card = first.getByTestId("event-card").filter({ hasText: TITLE });
  await expect(card.getByTestId("seat-count")).toContainText("0/1");
  await card.getByRole("link", { name: TITLE }).click();
  await expect(first.getByTestId("online-hidden")).toBeVisible();
  await first.getByTestId("rsvp-submit").click();
  await expect(first.getByTestId("my-status").first()).toHaveText("参加確定");
  await expect(first.getByTestId("online-url")).toHaveText(ONLINE);
  await expect(first.getByTestId("seat-count")).toContainText("1/1");
  await expect(first.getByTestId("ticket")).toBeVisible();

  // The second finds it full and joins the waitlist.
  const second = await phone();
  await signInUi(second, SECOND.email, SECOND.password);
  await second.goto(eventUrl.replace(/^https?:\/\/[^/]+/, ""));
  await expect(second.getByTestId("full-badge")).toHaveText("満席");
  await expect(second.getByTestId("rsvp-submit")).toHaveText("キャンセル待ちに並ぶ");
  await second.getByTestId("rsvp-submit").click();
  await expect(second.getByTestId("my-status").first()).toHaveText("キャンセル待ち 1 番目");
  await expect(second.getByTestId("online-url")).toHaveCount(0);

  // The first cancels; the second is promoted at once and gets her ticket by mail (one mail).
  await first.getByTestId("rsvp-cancel").click();
  await first.getByRole("dialog").getByRole("button", { name: "申し込みを取り消す" }).click();
  await expect(first.getByTestId("my-status").first()).toHaveText("キャンセル済み");
  const mail = await mailTo(SECOND.email, "参加確定");
  expect(mail.text).toContain(`/n/${NET.slug}/events/`);
  expect(mail.text).toContain(ONLINE);
  await second.reload();
  await expect(second.getByTestId("my-status").first()).toHaveText("参加確定");
  await expect(second.getByTestId("online-url")).toHaveText(ONLINE);
  await expect(second.getByTestId("ticket").getByRole("img")).toBeVisible();

  // At the door the operator checks her in from the list; a second time only says when.
  await page.reload();
  await page.getByTestId("open-checkin").click();
  await page.getByTestId("checkin-search").fill("待機");
  await page.getByRole("button", { name: "受付", exact: true }).click();
  await expect(page.getByTestId("checkin-result")).toHaveText(`受付しました：${SECOND.name}`);
  await expect(page.getByTestId("attendance-summary")).toContainText("受付済み 1");

  // The same through her ticket's code (what the camera reads): already checked in.
  const api = await apiContext(baseURL!);
  await ok(
    await api.post("/api/auth/sign-in/email", { data: { email: SECOND.email, password: SECOND.password } }),
  );
  const id = eventUrl.split("/").pop()!;
  const ticket = await ok(await api.get(`/api/n/${NET.slug}/events/${id}/ticket`));
  expect(ticket.checkedInAt).not.toBeNull();
  // The mail carried her ticket's code.
  expect(mail.text).toContain(ticket.code);
  await api.dispose();
});

// Business minutes (unit tests, no database): weekends, public holidays, evenings, messages sent
// outside hours, other weekdays and hours, and the response times built on them.
import { describe, expect, it } from "vitest";
import {
  type BusinessHours,
  businessMinutesBetween,
  DEFAULT_BUSINESS_HOURS,
  isJapaneseHoliday,
  median,
} from "./business-hours.ts";
import { responsesSince, responseTimes } from "./response-times.ts";

/** A Tokyo wall-clock time as an instant ("2026-11-02 09:30"). */
const jst = (s: string) => new Date(`${s.replace(" ", "T")}:00+09:00`);
const H = DEFAULT_BUSINESS_HOURS; // 09:00–18:00, Mon–Fri, Asia/Tokyo, holidays off
const between = (a: string, b: string, h: BusinessHours = H) => businessMinutesBetween(jst(a), jst(b), h);

describe("business minutes", () => {
  it("counts the minutes inside one working day", () => {
    expect(between("2026-11-02 10:00", "2026-11-02 11:20")).toBe(80);
    expect(between("2026-11-02 09:00", "2026-11-02 18:00")).toBe(540);
  });

  it("is 0 for an empty or reversed span", () => {
    expect(between("2026-11-02 10:00", "2026-11-02 10:00")).toBe(0);
    expect(between("2026-11-02 11:00", "2026-11-02 10:00")).toBe(0);
  });

  it("skips the evening and the night", () => {
    // Wed 17:30 → Thu 09:45: 30 minutes on Wednesday, 45 on Thursday.
    expect(between("2026-11-04 17:30", "2026-11-05 09:45")).toBe(75);
  });

  it("counts a message sent in the evening from the next morning", () => {
    expect(between("2026-11-04 21:10", "2026-11-05 10:00")).toBe(60);
    // Sent before opening: from 09:00.
    expect(between("2026-11-05 06:00", "2026-11-05 09:30")).toBe(30);
    // Sent and answered in the same night: nothing.
    expect(between("2026-11-05 19:00", "2026-11-05 23:00")).toBe(0);
  });

  it("skips a weekend", () => {
    // Fri 17:00 → Mon 10:00: 60 on Friday + 60 on Monday.
    expect(between("2026-11-06 17:00", "2026-11-09 10:00")).toBe(120);
    // Sent on Saturday, answered Monday 09:20.
    expect(between("2026-11-07 11:00", "2026-11-09 09:20")).toBe(20);
  });

  it("skips a public holiday: 文化の日 (Tue 2026-11-03)", () => {
    expect(isJapaneseHoliday("2026-11-03")).toBe(true);
    // Mon 17:00 → Wed 10:00: 60 on Monday, nothing on the holiday, 60 on Wednesday.
    expect(between("2026-11-02 17:00", "2026-11-04 10:00")).toBe(120);
    // Without holidays, Tuesday counts in full.
    expect(between("2026-11-02 17:00", "2026-11-04 10:00", { ...H, holidays: false })).toBe(120 + 540);
  });

  it("skips New Year's Day (Fri 2027-01-01) and the weekend after it", () => {
    expect(isJapaneseHoliday("2027-01-01")).toBe(true);
    // Thu 2026-12-31 17:00 → Mon 2027-01-04 09:30: 60 + 30.
    expect(between("2026-12-31 17:00", "2027-01-04 09:30")).toBe(90);
  });

  it("follows other hours, weekdays and time zones", () => {
    const saturdays: BusinessHours = { ...H, days: [1, 2, 3, 4, 5, 6], start: 10 * 60, end: 12 * 60 };
    expect(between("2026-11-06 11:00", "2026-11-09 11:00", saturdays)).toBe(60 + 120 + 60);
    // 09:00–18:00 in London is 18:00–03:00 in Tokyo (winter): Tokyo's evening counts there.
    const london: BusinessHours = { ...H, timeZone: "Europe/London", holidays: false };
    expect(between("2026-11-04 18:00", "2026-11-04 19:00", london)).toBe(60);
    expect(between("2026-11-04 10:00", "2026-11-04 11:00", london)).toBe(0);
  });

  it("counts across a daylight-saving change in the network's zone", () => {
    // Europe/London goes to summer time on Sunday 2027-03-28; Mon 09:00–10:00 local is still 60.
    const london: BusinessHours = { ...H, timeZone: "Europe/London", holidays: false };
    const from = new Date("2027-03-26T17:00:00Z"); // Fri 17:00 GMT
    const to = new Date("2027-03-29T09:00:00Z"); // Mon 10:00 BST
    expect(businessMinutesBetween(from, to, london)).toBe(60 + 60);
  });

  it("takes well under a second for a year", () => {
    const t = performance.now();
    expect(between("2026-01-05 09:00", "2027-01-04 09:00")).toBeGreaterThan(240 * 540);
    // Bounded work (a day at a time), not a micro-benchmark: generous enough for a loaded CI machine.
    expect(performance.now() - t).toBeLessThan(3000);
  });
});

describe("response times from the event log", () => {
  const e = (kind: string, at: string) => ({ kind, at: jst(at) });

  it("keeps the first response and the next responses apart", () => {
    const r = responseTimes(
      [
        e("opened", "2026-11-02 10:00"),
        e("operator_reply", "2026-11-02 11:20"),
        e("member_message", "2026-11-02 17:30"),
        e("member_message", "2026-11-02 17:50"),
        e("operator_reply", "2026-11-04 09:15"), // over 文化の日
        e("member_message", "2026-11-04 12:00"),
      ],
      H,
    );
    expect(r.first).toBe(80);
    expect(r.next.map((n) => n.minutes)).toEqual([30 + 15]);
  });

  it("counts messages before the first reply as part of the first wait", () => {
    const r = responseTimes(
      [
        e("operator_reply", "2026-11-05 10:00"),
        e("member_message", "2026-11-05 09:30"),
        e("opened", "2026-11-05 09:00"),
      ],
      H,
    );
    expect(r.first).toBe(60);
    expect(r.next).toEqual([]);
  });

  it("has no first response while unanswered, and no next response after a wait closed without reply", () => {
    expect(responseTimes([e("opened", "2026-11-05 09:00")], H).first).toBeNull();
    const r = responseTimes(
      [
        e("opened", "2026-11-05 09:00"),
        e("operator_reply", "2026-11-05 09:10"),
        e("member_message", "2026-11-05 10:00"),
        e("status", "2026-11-05 11:00"),
        e("operator_reply", "2026-11-06 11:00"),
      ],
      H,
    );
    expect(r.first).toBe(10);
    expect(r.next).toEqual([]);
  });

  it("medians only what ended in the window, first and next apart", () => {
    const logs = [
      [e("opened", "2026-11-05 09:00"), e("operator_reply", "2026-11-05 09:10")],
      [e("opened", "2026-11-05 09:00"), e("operator_reply", "2026-11-05 09:40")],
      [e("opened", "2026-11-05 09:00"), e("operator_reply", "2026-11-05 10:00")],
      [e("opened", "2026-09-01 09:00"), e("operator_reply", "2026-09-01 12:00")],
      [
        e("opened", "2026-11-05 09:00"),
        e("operator_reply", "2026-11-05 09:20"),
        e("member_message", "2026-11-05 13:00"),
        e("operator_reply", "2026-11-05 13:05"),
      ],
    ];
    const r = responsesSince(logs, H, jst("2026-10-07 00:00"));
    expect(r.first.sort((a, b) => a - b)).toEqual([10, 20, 40, 60]);
    expect(median(r.first)).toBe(30);
    expect(r.next).toEqual([5]);
    expect(median(r.next)).toBe(5);
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
  });
});

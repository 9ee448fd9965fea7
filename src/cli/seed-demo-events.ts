// Demo events: a monthly アルムナイ交流会 (past ones with attendance, the next one full with a
// waitlist), a hybrid 座談会 for alumni with approval and a question, an online study session with
// free seats, and a cancelled one — with RSVPs from the generated alumni, co-organized by alumni@.
// Written directly (as the other demo seeds) with the counters the seat rules keep. A few have a
// cover picture, drawn at seed time (demo-cover.ts) and stored as an upload would be.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client.ts";
import { event, eventImage, eventOrganizer, eventRsvp, type RsvpStatus } from "../db/schema/index.ts";
import { byId } from "../db/scoped.ts";
import type { FileStorage } from "../server/storage.ts";
import { type CoverStyle, drawCover } from "./demo-cover.ts";
import { listedAlumni } from "./seed-demo-people.ts";

type Person = "operator" | "employee" | "alumni" | number;
type SeedEvent = {
  title: string;
  description: string;
  format: "in_person" | "online" | "hybrid";
  venueName?: string;
  venueAddress?: string;
  mapUrl?: string;
  onlineUrl?: string;
  /** Days from today (negative: past), start hour and length in hours (Japan time). */
  day: number;
  hour: number;
  hours: number;
  capacity: number | null;
  guestsMax?: number;
  sides?: "all" | "employees" | "alumni";
  approval?: boolean;
  questions?: { id: string; label: string; required: boolean }[];
  by: Person;
  coOrganizers?: Person[];
  cancelled?: boolean;
  cover?: CoverStyle;
  /** Who RSVPs, in order: seats first, then the waitlist (or pending with approval). */
  rsvps: { who: Person; guests?: number; checkedIn?: boolean; answers?: Record<string, string> }[];
};

const KORYUKAI = (n: string) =>
  `毎月恒例のアルムナイ交流会（${n}）です。社員とアルムナイが気軽に近況を話せる会です。\n\n- 19:00 開場・乾杯\n- 19:30 近況シェア（1人1分）\n- 20:30 自由歓談\n\n軽食と飲み物をご用意します。`;

const EVENTS: SeedEvent[] = [
  {
    title: "アルムナイ交流会（10月）",
    description: KORYUKAI("10月"),
    format: "in_person",
    venueName: "本社 20F ラウンジ",
    venueAddress: "東京都千代田区丸の内1-1-1",
    mapUrl: "https://maps.google.com/?q=東京都千代田区丸の内1-1-1",
    day: -48,
    hour: 19,
    hours: 2,
    capacity: 30,
    by: "operator",
    coOrganizers: ["alumni"],
    rsvps: ([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, "employee", "alumni"] as Person[]).map((who, i) => ({
      who,
      checkedIn: i % 5 !== 4,
    })),
  },
  {
    title: "アルムナイ交流会（11月）",
    description: KORYUKAI("11月"),
    format: "in_person",
    venueName: "本社 20F ラウンジ",
    venueAddress: "東京都千代田区丸の内1-1-1",
    mapUrl: "https://maps.google.com/?q=東京都千代田区丸の内1-1-1",
    day: -20,
    hour: 19,
    hours: 2,
    capacity: 30,
    by: "operator",
    coOrganizers: ["alumni"],
    rsvps: ([0, 1, 3, 5, 12, 13, 14, 15, 16, "employee", "alumni"] as Person[]).map((who, i) => ({
      who,
      checkedIn: i % 4 !== 3,
    })),
  },
  {
    title: "アルムナイ交流会（12月）忘年会スペシャル",
    description: `${KORYUKAI("12月")}\n\n今回は忘年会を兼ねて、同伴者1名までご一緒いただけます。`,
    format: "in_person",
    venueName: "本社 20F ラウンジ",
    venueAddress: "東京都千代田区丸の内1-1-1",
    mapUrl: "https://maps.google.com/?q=東京都千代田区丸の内1-1-1",
    day: 12,
    hour: 19,
    hours: 2,
    capacity: 12,
    guestsMax: 1,
    by: "operator",
    coOrganizers: ["alumni"],
    cover: { from: [46, 38, 110], to: [236, 120, 84], motif: "skyline", seed: 12 },
    rsvps: [
      { who: "employee" },
      { who: 0, guests: 1 },
      { who: 1 },
      { who: 2 },
      { who: 3, guests: 1 },
      { who: 4 },
      { who: 5 },
      { who: 6 },
      { who: 7 },
      { who: 8 },
      { who: 9 },
      { who: 10 },
      { who: 11 },
    ],
  },
  {
    title: "キャリア座談会：アルムナイが語る「外から見た古巣」",
    description:
      "退職後に別の業界で活躍するアルムナイ3名をゲストに、社員と少人数で語り合う座談会です。会場とオンラインのハイブリッド開催。\n\n参加は承認制です（社員・アルムナイの人数バランスを見て調整します）。",
    format: "hybrid",
    venueName: "本社 12F 会議室A",
    venueAddress: "東京都千代田区丸の内1-1-1",
    onlineUrl: "https://meet.example.com/demo-zadankai",
    day: 19,
    hour: 18,
    hours: 1.5,
    capacity: 20,
    approval: true,
    questions: [{ id: "topic", label: "話してみたいテーマ", required: false }],
    by: "employee",
    cover: { from: [250, 214, 165], to: [196, 98, 62], motif: "table", seed: 19 },
    rsvps: [
      { who: 0, answers: { topic: "転職後のキャリアの広げ方" } },
      { who: 2, answers: { topic: "業務委託で関わる方法" } },
      { who: 13 },
      { who: 14, answers: { topic: "子育てと仕事の両立" } },
    ],
  },
  {
    title: "オンライン勉強会：生成AIを業務にどう使う？",
    description:
      "社内の活用事例を紹介し、アルムナイの現場での使い方も伺います。録画は参加者にのみ共有します。",
    format: "online",
    onlineUrl: "https://meet.example.com/demo-ai-study",
    day: 26,
    hour: 12,
    hours: 1,
    capacity: 100,
    questions: [{ id: "q", label: "事前に聞きたいこと", required: false }],
    by: "employee",
    cover: { from: [20, 110, 140], to: [84, 70, 190], motif: "screen", seed: 26 },
    rsvps: ([1, 4, 6, 9, 15, "alumni"] as Person[]).map((who) => ({ who })),
  },
  {
    title: "大阪アルムナイ・ランチ会",
    description: "関西在住のアルムナイで集まるランチ会でした。会場の都合により中止となりました。",
    format: "in_person",
    venueName: "梅田の会場（未定）",
    day: 5,
    hour: 12,
    hours: 1.5,
    capacity: 8,
    sides: "alumni",
    by: "operator",
    cancelled: true,
    rsvps: [7, 8, 10].map((who) => ({ who })),
  },
];

export async function seedDemoEvents(
  db: Db,
  opts: {
    networkId: string;
    today: string;
    operatorId: string;
    employeeId: string;
    alumnusId: string;
    /** Where the covers go (none drawn without it). */
    storage?: FileStorage;
  },
) {
  const { networkId } = opts;
  // Generated alumni listed in the directory, in a stable order (alumni@ is not one of them).
  const generated = await listedAlumni(db, networkId, [opts.alumnusId]);
  if (generated.length < 17) return { events: 0 };
  const who = (p: Person) =>
    p === "operator"
      ? opts.operatorId
      : p === "employee"
        ? opts.employeeId
        : p === "alumni"
          ? opts.alumnusId
          : generated[p];
  const base = new Date(`${opts.today}T00:00:00+09:00`).getTime();
  const HOUR = 3_600_000;
  await db.transaction(async (tx) => {
    for (const s of EVENTS) {
      const id = randomUUID();
      const startsAt = new Date(base + s.day * 24 * HOUR + s.hour * HOUR);
      const endsAt = new Date(startsAt.getTime() + s.hours * HOUR);
      const created = new Date(startsAt.getTime() - 30 * 24 * HOUR);
      let seatsTaken = 0;
      let waitlisted = 0;
      const rows = s.rsvps.map((r, i) => {
        const seats = 1 + (r.guests ?? 0);
        let status: RsvpStatus;
        if (s.approval) status = i < 2 ? "confirmed" : "pending";
        else if (s.capacity === null || (waitlisted === 0 && seatsTaken + seats <= s.capacity))
          status = "confirmed";
        else status = "waitlisted";
        if (status === "confirmed") seatsTaken += seats;
        if (status === "waitlisted") waitlisted += seats;
        const at = new Date(created.getTime() + (i + 1) * 3 * HOUR);
        return {
          id: randomUUID(),
          networkId,
          eventId: id,
          userId: who(r.who),
          status,
          guests: r.guests ?? 0,
          answers: r.answers ?? {},
          listed: i % 6 !== 5,
          seq: i + 1,
          decidedAt: at,
          createdAt: at,
          updatedAt: at,
          checkedInAt:
            r.checkedIn && status === "confirmed" ? new Date(startsAt.getTime() + 10 * 60_000) : null,
          checkedInBy: r.checkedIn && status === "confirmed" ? opts.operatorId : null,
        };
      });
      await tx.insert(event).values({
        id,
        networkId,
        title: s.title,
        description: s.description,
        format: s.format,
        venueName: s.venueName ?? null,
        venueAddress: s.venueAddress ?? null,
        mapUrl: s.mapUrl ?? null,
        onlineUrl: s.onlineUrl ?? null,
        startsAt,
        endsAt,
        capacity: s.capacity,
        guestsMax: s.guestsMax ?? 0,
        sides: s.sides ?? "all",
        approval: s.approval ?? false,
        questions: s.questions ?? [],
        publishedAt: created,
        cancelledAt: s.cancelled ? new Date(base - 2 * 24 * HOUR) : null,
        sequence: s.cancelled ? 1 : 0,
        seatsTaken,
        waitlisted,
        nextSeq: rows.length + 1,
        createdBy: who(s.by),
        createdAt: created,
        updatedAt: created,
      });
      for (const o of s.coOrganizers ?? [])
        await tx
          .insert(eventOrganizer)
          .values({ networkId, eventId: id, userId: who(o), addedBy: opts.operatorId });
      if (rows.length) await tx.insert(eventRsvp).values(rows);
      if (s.cover && opts.storage) {
        const imageId = randomUUID();
        const png = drawCover(s.cover);
        const storageKey = `events/${networkId}/${imageId}`;
        await opts.storage.put(storageKey, png, "image/png");
        await tx.insert(eventImage).values({
          id: imageId,
          networkId,
          uploadedBy: who(s.by),
          eventId: id,
          storageKey,
          mime: "image/png",
          size: png.length,
          width: 1200,
          height: 675,
          createdAt: created,
        });
        await tx
          .update(event)
          .set({ coverImageId: imageId })
          .where(byId(event, networkId, id));
      }
    }
  });
  return { events: EVENTS.length };
}

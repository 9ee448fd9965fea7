// Small pieces shared by the events pages: when, the seat count ("19/50", 満席・キャンセル待ち 3人),
// the format and the member's own status.
import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import "./i18n.ts";
import type { EventItem } from "./queries.ts";

const lang = (l: string) => (l === "en" ? "en" : "ja-JP");

/** "12月10日(水) 19:00–21:00", an all-day or multi-day span, in Japan time. */
export function useWhen() {
  const { t, i18n } = useTranslation("events");
  return (e: Pick<EventItem, "startsAt" | "endsAt" | "allDay">) => {
    const opts = { timeZone: "Asia/Tokyo" } as const;
    const day = (iso: string) =>
      new Date(iso).toLocaleDateString(lang(i18n.language), {
        ...opts,
        month: "short",
        day: "numeric",
        weekday: "short",
        year: "numeric",
      });
    const time = (iso: string) =>
      new Date(iso).toLocaleTimeString(lang(i18n.language), { ...opts, hour: "2-digit", minute: "2-digit" });
    const sameDay = day(e.startsAt) === day(e.endsAt);
    if (e.allDay)
      return sameDay ? `${day(e.startsAt)} ${t("allDay")}` : `${day(e.startsAt)} – ${day(e.endsAt)}`;
    return sameDay
      ? `${day(e.startsAt)} ${time(e.startsAt)}–${time(e.endsAt)}`
      : `${day(e.startsAt)} ${time(e.startsAt)} – ${day(e.endsAt)} ${time(e.endsAt)}`;
  };
}

export function SeatCount({ event, size = "sm" }: { event: EventItem; size?: "sm" | "md" | "lg" }) {
  const { t } = useTranslation("events");
  const full = event.capacity !== null && event.seatsTaken >= event.capacity;
  return (
    <Group gap={6} wrap="nowrap" data-testid="seat-count">
      <Text fw={700} size={size} c={full ? "red" : undefined}>
        {event.capacity === null
          ? t("countUnlimited", { taken: event.seatsTaken })
          : t("count", { taken: event.seatsTaken, capacity: event.capacity })}
      </Text>
      {full && (
        <Badge size="sm" color="red" variant="light" data-testid="full-badge">
          {event.waitlisted ? t("fullWaiting", { count: event.waitlisted }) : t("full")}
        </Badge>
      )}
    </Group>
  );
}

const MY_COLOR = {
  confirmed: "teal",
  waitlisted: "yellow",
  pending: "blue",
  cancelled: "gray",
  declined: "gray",
  walk_in: "teal",
  offered: "orange",
} as const;

export function MyStatus({ event }: { event: EventItem }) {
  const { t } = useTranslation("events");
  if (!event.my) return null;
  return (
    <Badge size="sm" variant="filled" color={MY_COLOR[event.my.status]} data-testid="my-status">
      {t(`my.${event.my.status}`, { position: event.my.position ?? "" })}
    </Badge>
  );
}

export function EventBadges({ event }: { event: EventItem }) {
  const { t } = useTranslation("events");
  return (
    <Group gap={6}>
      <Badge size="sm" variant="light">
        {t(`formats.${event.format}`)}
      </Badge>
      {event.sides !== "all" && (
        <Badge size="sm" variant="outline" color="grape">
          {t(`sides.${event.sides}`)}
        </Badge>
      )}
      {event.status !== "published" && (
        <Badge size="sm" color={event.status === "cancelled" ? "red" : "gray"}>
          {t(`status.${event.status}`)}
        </Badge>
      )}
      <MyStatus event={event} />
    </Group>
  );
}

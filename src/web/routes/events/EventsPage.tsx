// イベント: upcoming or past events the member may see, filtered by format, month and "my RSVPs",
// each with its date, the seat count ("19/50", 満席・キャンセル待ち 3人) and the member's status;
// operators and employees create events.
import {
  Anchor,
  Button,
  Card,
  EmptyState,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { MemberGate } from "../../components/MemberGate.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import type { MyNetwork } from "../../session.ts";
import { CalendarFeed } from "./CalendarFeed.tsx";
import { CoverThumb } from "./Cover.tsx";
import { EventBadges, SeatCount, useWhen } from "./parts.tsx";
import "./i18n.ts";
import { type EventFormat, type EventItem, type EventListQuery, FORMATS, useEvents } from "./queries.ts";

function EventCard({ slug, event }: { slug: string; event: EventItem }) {
  const { t } = useTranslation("events");
  const when = useWhen();
  return (
    <Card withBorder radius="md" padding="md" data-testid="event-card">
      <Stack gap={6} h="100%">
        <Group gap="sm" align="flex-start" wrap="nowrap" justify="space-between">
          <Stack gap={6} style={{ minWidth: 0 }}>
            <Text size="sm" c="dimmed" fw={600}>
              {when(event)}
            </Text>
            <Anchor
              component={Link}
              to={`/n/${slug}/events/${event.id}`}
              fw={700}
              size="lg"
              c="inherit"
              style={{ overflowWrap: "anywhere" }}
            >
              {event.title}
            </Anchor>
          </Stack>
          {event.coverUrl && <CoverThumb url={event.coverUrl} title={event.title} size={96} />}
        </Group>
        <EventBadges event={event} />
        {(event.venueName || event.format === "online") && (
          <Text size="sm" c="dimmed" lineClamp={1}>
            {event.format === "online" ? t("formats.online") : event.venueName}
          </Text>
        )}
        <Group justify="space-between" mt="auto" pt="xs" wrap="nowrap">
          <SeatCount event={event} />
          <Button size="xs" variant="light" component={Link} to={`/n/${slug}/events/${event.id}`}>
            {t("open")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Events({ network }: { network: MyNetwork }) {
  const { t } = useTranslation("events");
  const slug = network.slug;
  const [when, setWhen] = useState<"upcoming" | "past" | "drafts">("upcoming");
  const [format, setFormat] = useState<EventFormat | null>(null);
  const [month, setMonth] = useState("");
  const [mine, setMine] = useState(false);
  const mayCreate = network.role === "operator" || network.role === "employee";
  const q: EventListQuery = {
    when: when === "past" ? "past" : "upcoming",
    ...(when === "drafts" ? { drafts: "true" } : {}),
    ...(format ? { format } : {}),
    ...(/^\d{4}-\d{2}$/.test(month) ? { month } : {}),
    ...(mine ? { mine: "true" } : {}),
  };
  const events = useEvents(slug, q);
  const items = events.data?.items ?? [];
  return (
    <Stack gap="md" maw={960}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <PageTitle title={t("title")} subtitle={t("subtitle")} />
        {mayCreate && (
          <Button component={Link} to={`/n/${slug}/events/new`} data-testid="event-create">
            {t("create")}
          </Button>
        )}
      </Group>
      <SegmentedControl
        value={when}
        onChange={(v) => setWhen(v as typeof when)}
        data={[
          { value: "upcoming", label: t("upcoming") },
          { value: "past", label: t("past") },
          ...(mayCreate ? [{ value: "drafts", label: t("drafts") }] : []),
        ]}
        fullWidth
        maw={520}
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t("filters.format")}
          placeholder={t("filters.allFormats")}
          data={FORMATS.map((f) => ({ value: f, label: t(`formats.${f}`) }))}
          value={format}
          onChange={(v) => setFormat(v as EventFormat | null)}
          clearable
          w={170}
        />
        <TextInput
          type="month"
          label={t("filters.month")}
          value={month}
          onChange={(e) => setMonth(e.currentTarget.value)}
          w={170}
        />
        <Switch
          label={t("filters.mine")}
          checked={mine}
          onChange={(e) => setMine(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      {events.error && <ErrorAlert error={events.error} />}
      {events.isLoading ? (
        <PageLoader />
      ) : items.length ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {items.map((e) => (
            <EventCard key={e.id} slug={slug} event={e} />
          ))}
        </SimpleGrid>
      ) : (
        <EmptyState
          title={format || month || mine || when !== "upcoming" ? t("empty") : t("emptyUpcoming")}
        />
      )}
      <CalendarFeed slug={slug} />
    </Stack>
  );
}

export default function EventsPage() {
  const { slug = "" } = useParams();
  return <MemberGate slug={slug}>{(network) => <Events network={network} />}</MemberGate>;
}

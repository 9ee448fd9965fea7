// An event's page: when and where, the seat count, the description, the online link (only once
// confirmed), calendar links, the member's own RSVP, who else is going (as the directory lets the
// viewer see them), and the organizers' tools.
import { Anchor, Avatar, Button, Card, Grid, Group, Stack, Text, Title, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { Markdown } from "../../components/Markdown.tsx";
import { MemberGate } from "../../components/MemberGate.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { EventCover } from "./Cover.tsx";
import { Manage } from "./Manage.tsx";
import { EventBadges, SeatCount, useWhen } from "./parts.tsx";
import { RsvpBox } from "./RsvpBox.tsx";
import { Ticket } from "./Ticket.tsx";
import "./i18n.ts";
import { type EventItem, useAttendees, useEvent } from "./queries.ts";

function Attendees({ slug, event }: { slug: string; event: EventItem }) {
  const { t } = useTranslation("events");
  const list = useAttendees(slug, event.id);
  if (!list.data) return null;
  return (
    <Card withBorder radius="md" padding="md" data-testid="attendees">
      <Stack gap="xs">
        <Title order={5}>{t("attendees.title")}</Title>
        {!list.data.items.length && !list.data.others ? (
          <Text size="sm" c="dimmed">
            {t("attendees.none")}
          </Text>
        ) : (
          <Group gap="xs">
            {list.data.items.map((p) => (
              <Tooltip key={p.userId} label={p.name}>
                <Anchor component={Link} to={`/n/${slug}/members/${p.userId}`} aria-label={p.name}>
                  <Avatar src={p.photoUrl} name={p.name} color="initials" radius="xl" />
                </Anchor>
              </Tooltip>
            ))}
            {list.data.others > 0 && (
              <Text size="sm" c="dimmed">
                {t("attendees.others", { count: list.data.others })}
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function EventView({ slug, id }: { slug: string; id: string }) {
  const { t } = useTranslation("events");
  const when = useWhen();
  const q = useEvent(slug, id);
  if (q.isLoading) return <PageLoader />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const e = q.data;
  const audience =
    e.audience.type === "network"
      ? t("audience.network")
      : e.audience.type === "group"
        ? t("audience.group", { name: e.audience.groupName ?? "" })
        : t("audience.segment", { name: e.audience.segmentName ?? "" });
  return (
    <Stack gap="md" maw={1040}>
      <Anchor component={Link} to={`/n/${slug}/events`} size="sm">
        ← {t("back")}
      </Anchor>
      {e.coverUrl && <EventCover url={e.coverUrl} title={e.title} />}
      <Stack gap={6}>
        <Text fw={600} c="dimmed" data-testid="event-when">
          {when(e)}
        </Text>
        <Title order={2} style={{ overflowWrap: "anywhere" }}>
          {e.title}
        </Title>
        <EventBadges event={e} />
        <SeatCount event={e} size="lg" />
      </Stack>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
          <Stack gap="md">
            <Card withBorder radius="md" padding="md">
              <Stack gap="xs">
                {e.format !== "online" && (
                  <div>
                    <Text size="sm" fw={700}>
                      {t("venue")}
                    </Text>
                    <Text size="sm">{e.venueName}</Text>
                    {e.venueAddress && (
                      <Text size="sm" c="dimmed">
                        {e.venueAddress}
                      </Text>
                    )}
                    {e.mapUrl && (
                      <Anchor href={e.mapUrl} target="_blank" rel="noopener noreferrer nofollow" size="sm">
                        {t("map")}
                      </Anchor>
                    )}
                  </div>
                )}
                {e.hasOnlineUrl && (
                  <div>
                    <Text size="sm" fw={700}>
                      {t("online")}
                    </Text>
                    {e.onlineUrl ? (
                      <Anchor
                        href={e.onlineUrl}
                        target="_blank"
                        rel="noopener noreferrer nofollow"
                        size="sm"
                        style={{ overflowWrap: "anywhere" }}
                        data-testid="online-url"
                      >
                        {e.onlineUrl}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed" data-testid="online-hidden">
                        {t("onlineHidden")}
                      </Text>
                    )}
                  </div>
                )}
                <Text size="xs" c="dimmed">
                  {audience} · {t(`sides.${e.sides}`)} · {t("organizers")}:{" "}
                  {e.organizers.map((o) => o.name).join("、")}
                </Text>
              </Stack>
            </Card>
            {e.description && (
              <Card withBorder radius="md" padding="md">
                <Markdown>{e.description}</Markdown>
              </Card>
            )}
            <Attendees slug={slug} event={e} />
            {e.can.manage && <Manage slug={slug} event={e} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">
            {e.status !== "cancelled" && (
              <RsvpBox key={`${e.id}:${e.my?.status ?? ""}`} slug={slug} event={e} />
            )}
            {(e.my?.status === "confirmed" || e.my?.status === "walk_in") && e.status !== "cancelled" && (
              <Ticket slug={slug} id={e.id} />
            )}
            <Stack gap="xs">
              <Button
                variant="default"
                component="a"
                href={e.googleCalendarUrl}
                target="_blank"
                rel="noopener noreferrer"
                size="sm"
              >
                {t("calendar.google")}
              </Button>
              <Button
                variant="default"
                component="a"
                href={`/api/n/${encodeURIComponent(slug)}/events/${encodeURIComponent(e.id)}/calendar.ics`}
                download
                size="sm"
                data-testid="ics-download"
              >
                {t("calendar.ics")}
              </Button>
            </Stack>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export default function EventPage() {
  const { slug = "", id = "" } = useParams();
  return <MemberGate slug={slug}>{() => <EventView slug={slug} id={id} />}</MemberGate>;
}

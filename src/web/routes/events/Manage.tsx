// Organizer tools on an event's page: edit, publish now, duplicate (monthly 交流会), cancel (everyone
// registered or waiting is emailed at once), and the RSVP list with approve / decline.
import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ConfirmModal } from "../../components/ConfirmModal.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useSubmit } from "../../components/useSubmit.ts";
import "./i18n.ts";
import {
  cancelEvent,
  decideRsvp,
  duplicateEvent,
  type EventItem,
  editEvent,
  eventKeys,
  fromJstInput,
  toJstInput,
  useRsvps,
} from "./queries.ts";

const STATUS_COLOR = {
  confirmed: "teal",
  waitlisted: "yellow",
  pending: "blue",
  cancelled: "gray",
  declined: "gray",
  walk_in: "teal",
  offered: "orange",
} as const;

export function Manage({ slug, event }: { slug: string; event: EventItem }) {
  const { t } = useTranslation("events");
  const qc = useQueryClient();
  const nav = useNavigate();
  const rsvps = useRsvps(slug, event.id, true);
  const [confirming, setConfirming] = useState(false);
  const monthLater = new Date(Date.parse(event.startsAt) + 28 * 86_400_000).toISOString();
  const [copyAt, setCopyAt] = useState(toJstInput(monthLater));
  const { error, busy, run } = useSubmit<"cancel" | "duplicate" | "publish" | string>();
  const refresh = () => qc.invalidateQueries({ queryKey: eventKeys.all(slug) });
  const questions = new Map(event.questions.map((q) => [q.id, q.label]));
  return (
    <Card withBorder radius="md" padding="md" data-testid="event-manage">
      <Stack gap="sm">
        <Title order={4}>{t("manage.title")}</Title>
        <Group gap="xs" wrap="wrap">
          {event.status !== "cancelled" && (
            <Button variant="light" component={Link} to={`/n/${slug}/events/${event.id}/edit`}>
              {t("manage.edit")}
            </Button>
          )}
          {event.status === "published" && (
            <Button
              variant="filled"
              component={Link}
              to={`/n/${slug}/events/${event.id}/checkin`}
              data-testid="open-checkin"
            >
              {t("checkin.open")}
            </Button>
          )}
          {(event.status === "draft" || event.status === "scheduled") && (
            <Button
              loading={busy === "publish"}
              onClick={() =>
                run(
                  async () => {
                    await editEvent(slug, event.id, { publishAt: "now" });
                    notifications.show({ color: "teal", message: t("manage.published") });
                    await refresh();
                  },
                  { as: "publish" },
                )
              }
            >
              {t("manage.publish")}
            </Button>
          )}
          {event.status !== "cancelled" && !event.past && (
            <Button variant="subtle" color="red" onClick={() => setConfirming(true)}>
              {t("manage.cancel")}
            </Button>
          )}
        </Group>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            type="datetime-local"
            label={t("manage.duplicateStart")}
            value={copyAt}
            onChange={(e) => setCopyAt(e.currentTarget.value)}
            w={220}
          />
          <Button
            variant="default"
            loading={busy === "duplicate"}
            disabled={!copyAt}
            onClick={() =>
              run(
                async () => {
                  const copy = await duplicateEvent(slug, event.id, fromJstInput(copyAt)!);
                  notifications.show({ color: "teal", message: t("manage.duplicated") });
                  await refresh();
                  nav(`/n/${slug}/events/${copy.id}`);
                },
                { as: "duplicate" },
              )
            }
          >
            {t("manage.duplicate")}
          </Button>
        </Group>
        <ErrorAlert error={error} />
        <Title order={5} mt="sm">
          {t("manage.rsvps")}
        </Title>
        {rsvps.data && !rsvps.data.items.length && (
          <Text size="sm" c="dimmed">
            {t("manage.noRsvps")}
          </Text>
        )}
        {!!rsvps.data?.items.length && (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="xs" data-testid="rsvp-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("manage.seq")}</Table.Th>
                  <Table.Th>{t("attendees.title")}</Table.Th>
                  <Table.Th />
                  <Table.Th>{t("manage.answers")}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rsvps.data.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.seq}</Table.Td>
                    <Table.Td>
                      {r.userId ? (
                        <Anchor component={Link} to={`/n/${slug}/members/${r.userId}`} size="sm">
                          {r.name}
                        </Anchor>
                      ) : (
                        r.name
                      )}
                      {r.guests > 0 && (
                        <Text span size="xs" c="dimmed" ml={4}>
                          {t("attendees.guests", { count: r.guests })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={STATUS_COLOR[r.status]}>
                        {t(`my.${r.status}`, {
                          // Place in the waitlist: those waiting who came before, by arrival.
                          position: rsvps.data.items.filter(
                            (x) => x.status === "waitlisted" && x.seq <= r.seq,
                          ).length,
                        })}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">
                        {Object.entries(r.answers)
                          .map(([k, v]) => `${questions.get(k) ?? k}: ${v}`)
                          .join(" / ")}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {(r.status === "pending" || r.status === "declined") && (
                          <Button
                            size="compact-xs"
                            loading={busy === `a${r.id}`}
                            onClick={() =>
                              run(
                                async () => {
                                  await decideRsvp(slug, event.id, r.id, true);
                                  await refresh();
                                },
                                { as: `a${r.id}` },
                              )
                            }
                          >
                            {t("manage.approve")}
                          </Button>
                        )}
                        {r.userId && ["pending", "confirmed", "waitlisted"].includes(r.status) && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="red"
                            loading={busy === `d${r.id}`}
                            onClick={() =>
                              run(
                                async () => {
                                  await decideRsvp(slug, event.id, r.id, false);
                                  await refresh();
                                },
                                { as: `d${r.id}` },
                              )
                            }
                          >
                            {t("manage.decline")}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          run(
            async () => {
              await cancelEvent(slug, event.id);
              setConfirming(false);
              notifications.show({ message: t("manage.cancelled") });
              await refresh();
            },
            { as: "cancel" },
          )
        }
        title={t("manage.cancel")}
        message={t("manage.cancelConfirm")}
        confirmLabel={t("manage.cancelYes")}
        loading={busy === "cancel"}
      />
    </Card>
  );
}

// The member's own RSVP: their status at all times (going, waitlist #n, awaiting approval), the
// guests and answers to the event's questions, whether they are listed, and RSVP / cancel.
import { Alert, Button, Card, Checkbox, Group, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmModal } from "../../components/ConfirmModal.tsx";
import { formatDateTime } from "../../components/dates.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useSubmit } from "../../components/useSubmit.ts";
import { MyStatus } from "./parts.tsx";
import "./i18n.ts";
import { cancelRsvp, type EventItem, eventKeys, rsvp } from "./queries.ts";

export function RsvpBox({ slug, event }: { slug: string; event: EventItem }) {
  const { t } = useTranslation("events");
  const qc = useQueryClient();
  const my = event.my;
  const active = !!my && ["confirmed", "offered", "waitlisted", "pending"].includes(my.status);
  const [guests, setGuests] = useState(String(my?.guests ?? 0));
  const [answers, setAnswers] = useState<Record<string, string>>(my?.answers ?? {});
  const [listed, setListed] = useState(my?.listed ?? true);
  const [confirming, setConfirming] = useState(false);
  const { error, busy, run } = useSubmit<"submit" | "cancel">();
  const full =
    event.capacity !== null &&
    (event.seatsTaken + 1 + Number(guests) > event.capacity || event.waitlisted > 0);
  const refresh = () => qc.invalidateQueries({ queryKey: eventKeys.all(slug) });
  const submit = () =>
    run(async () => {
      const out = await rsvp(slug, event.id, { guests: Number(guests), answers, listed });
      const s = out.my?.status;
      if (!active && s)
        notifications.show({
          color: s === "confirmed" ? "teal" : "yellow",
          message: t(`rsvp.${s === "confirmed" ? "confirmed" : s === "pending" ? "pending" : "waitlisted"}`, {
            position: out.my?.position ?? "",
          }),
        });
      await refresh();
    });
  const cancel = () =>
    run(
      async () => {
        await cancelRsvp(slug, event.id);
        setConfirming(false);
        notifications.show({ message: t("rsvp.cancelled") });
        await refresh();
      },
      { as: "cancel" },
    );
  const closed = event.rsvp !== "open";
  return (
    <Card withBorder radius="md" padding="md" data-testid="rsvp-box">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={4}>{t("rsvp.title")}</Title>
          <MyStatus event={event} />
        </Group>
        {my?.status === "waitlisted" && (
          <Alert color="yellow" variant="light">
            {t("rsvp.waitlisted", { position: my.position ?? "" })}
          </Alert>
        )}
        {my?.status === "pending" && <Alert variant="light">{t("rsvp.pending")}</Alert>}
        {my?.status === "offered" && (
          <Alert color="orange" variant="light" data-testid="offered">
            {t("rsvp.offered", { date: formatDateTime(my.offerExpiresAt) })}
          </Alert>
        )}
        {my?.status === "declined" && <Alert color="gray">{t("rsvp.declinedNote")}</Alert>}
        {event.approval && !active && my?.status !== "declined" && (
          <Text size="sm" c="dimmed">
            {t("rsvp.approvalNote")}
          </Text>
        )}
        {event.rsvp === "not_yet" && (
          <Text size="sm">{t("rsvp.notYet", { date: formatDateTime(event.rsvpOpensAt) })}</Text>
        )}
        {event.rsvp === "closed" && !active && <Text size="sm">{t("rsvp.closed")}</Text>}
        {event.rsvpClosesAt && event.rsvp === "open" && (
          <Text size="xs" c="dimmed">
            {t("rsvp.deadline", { date: formatDateTime(event.rsvpClosesAt) })}
          </Text>
        )}
        {(active || (!closed && my?.status !== "declined")) && (
          <>
            {event.guestsMax > 0 && (
              <Select
                label={t("rsvp.guests")}
                data={Array.from({ length: event.guestsMax + 1 }, (_, i) => ({
                  value: String(i),
                  label: t("rsvp.guestsCount", { count: i }),
                }))}
                value={guests}
                onChange={(v) => setGuests(v ?? "0")}
                allowDeselect={false}
                w={140}
              />
            )}
            {event.questions.map((q) => (
              <Textarea
                key={q.id}
                label={q.label}
                withAsterisk={q.required}
                value={answers[q.id] ?? ""}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setAnswers((a) => ({ ...a, [q.id]: v }));
                }}
                autosize
                minRows={1}
                maxLength={1000}
              />
            ))}
            <Checkbox
              label={t("rsvp.listed")}
              description={t("rsvp.listedHint")}
              checked={listed}
              onChange={(e) => setListed(e.currentTarget.checked)}
            />
            <ErrorAlert error={error} />
            <Group gap="xs" grow>
              <Button
                onClick={submit}
                loading={busy === "submit"}
                size="md"
                color={!active && full && !event.approval ? "yellow" : undefined}
                data-testid="rsvp-submit"
              >
                {my?.status === "offered"
                  ? t("rsvp.accept")
                  : active
                    ? t("rsvp.update")
                    : event.approval
                      ? t("rsvp.request")
                      : full
                        ? t("rsvp.joinWaitlist")
                        : t("rsvp.join")}
              </Button>
              {active && (
                <Button
                  variant="default"
                  size="md"
                  onClick={() => setConfirming(true)}
                  data-testid="rsvp-cancel"
                >
                  {t("rsvp.cancel")}
                </Button>
              )}
            </Group>
          </>
        )}
      </Stack>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={cancel}
        title={t("rsvp.cancel")}
        message={t("rsvp.cancelConfirm")}
        confirmLabel={t("rsvp.cancelYes")}
        loading={busy === "cancel"}
      />
    </Card>
  );
}

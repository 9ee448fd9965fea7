// The member's personal calendar feed: make a secret URL to subscribe to from Google Calendar,
// Outlook or a phone (shown once), make a new one (the old stops working), or revoke it.
import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { client, unwrap } from "../../api/client.ts";
import { CopyField } from "../../components/CopyField.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useSubmit } from "../../components/useSubmit.ts";
import "./i18n.ts";
import { eventKeys } from "./queries.ts";

export function CalendarFeed({ slug }: { slug: string }) {
  const { t } = useTranslation("events");
  const qc = useQueryClient();
  const key = [...eventKeys.all(slug), "calendar-feed"];
  const state = useQuery({
    queryKey: key,
    queryFn: () => unwrap(client.GET("/api/n/{slug}/calendar-feed", { params: { path: { slug } } })),
  });
  const [url, setUrl] = useState<string | null>(null);
  const { error, busy, run } = useSubmit<"make" | "revoke">();
  const make = () =>
    run(
      async () => {
        const out = await unwrap(client.POST("/api/n/{slug}/calendar-feed", { params: { path: { slug } } }));
        setUrl(out.url);
        await qc.invalidateQueries({ queryKey: key });
      },
      { as: "make" },
    );
  const revoke = () =>
    run(
      async () => {
        await unwrap(client.DELETE("/api/n/{slug}/calendar-feed", { params: { path: { slug } } }));
        setUrl(null);
        await qc.invalidateQueries({ queryKey: key });
      },
      { as: "revoke" },
    );
  const active = state.data?.active;
  return (
    <Card withBorder radius="md" padding="md" data-testid="calendar-feed">
      <Stack gap="xs">
        <Title order={5}>{t("feed.title")}</Title>
        <Text size="sm" c="dimmed">
          {t("feed.hint")}
        </Text>
        {url && <CopyField value={url} label={t("feed.title")} block />}
        {url && (
          <Text size="xs" c="dimmed">
            {t("feed.once")}
          </Text>
        )}
        {active && !url && <Text size="sm">{t("feed.active")}</Text>}
        <ErrorAlert error={error} />
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={make} loading={busy === "make"}>
            {active ? t("feed.renew") : t("feed.make")}
          </Button>
          {active && (
            <Button size="xs" variant="subtle" color="red" onClick={revoke} loading={busy === "revoke"}>
              {t("feed.revoke")}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

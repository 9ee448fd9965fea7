// Per kind, how notifications reach the member (email now, the daily digest, the app only, off),
// and the digest's hour.
import { Button, Card, Group, Select, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { MemberGate } from "../../components/MemberGate.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { useSubmit } from "../../components/useSubmit.ts";
import "./i18n.ts";
import {
  CHANNELS,
  type Channel,
  KINDS,
  type Kind,
  notificationKeys,
  savePreferences,
  usePreferences,
} from "./queries.ts";

function Settings({ slug }: { slug: string }) {
  const { t } = useTranslation("notifications");
  const qc = useQueryClient();
  const prefs = usePreferences(slug);
  const [channels, setChannels] = useState<Record<Kind, Channel> | null>(null);
  const [hour, setHour] = useState(8);
  const { error, busy, run } = useSubmit();
  useEffect(() => {
    if (prefs.data) {
      setChannels(prefs.data.channels);
      setHour(prefs.data.digestHour);
    }
  }, [prefs.data]);
  if (prefs.isLoading || !channels) return <PageLoader />;
  const save = () =>
    run(async () => {
      await savePreferences(slug, { channels, digestHour: hour });
      await qc.invalidateQueries({ queryKey: notificationKeys.prefs(slug) });
      notifications.show({ color: "teal", message: t("page.saved") });
    });
  return (
    <Stack gap="md" maw={720}>
      <PageTitle title={t("page.title")} subtitle={t("page.subtitle")} />
      <ErrorAlert error={prefs.error ?? error} />
      <Card withBorder radius="md" padding="md">
        <Stack gap="sm">
          {KINDS.map((k) => (
            <Group key={k} justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm" fw={500} style={{ flex: "1 1 200px" }}>
                {t(`kinds.${k}`)}
              </Text>
              <Select
                aria-label={t(`kinds.${k}`)}
                w={{ base: "100%", xs: 240 }}
                value={channels[k]}
                allowDeselect={false}
                onChange={(v) => v && setChannels({ ...channels, [k]: v as Channel })}
                data={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
                data-testid={`channel-${k}`}
              />
            </Group>
          ))}
        </Stack>
      </Card>
      <Card withBorder radius="md" padding="md">
        <Select
          label={t("page.digestHour")}
          description={t("page.digestHint")}
          w={{ base: "100%", xs: 240 }}
          value={String(hour)}
          allowDeselect={false}
          onChange={(v) => v && setHour(Number(v))}
          data={Array.from({ length: 24 }, (_, h) => ({
            value: String(h),
            label: t("page.hour", { hour: h }),
          }))}
        />
      </Card>
      <Group justify="flex-end">
        <Button onClick={save} loading={!!busy}>
          {t("page.save")}
        </Button>
      </Group>
    </Stack>
  );
}

export default function NotificationSettingsPage() {
  const { slug = "" } = useParams();
  return <MemberGate slug={slug}>{() => <Settings slug={slug} />}</MemberGate>;
}

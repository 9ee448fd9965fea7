// Message settings: refuse messages from people one has not talked with, and whom one blocked.
import { Anchor, Avatar, Button, Card, Group, Stack, Switch, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { formatDate } from "../../components/dates.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { initials } from "../../components/initials.ts";
import { MemberGate } from "../../components/MemberGate.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { messageKeys, saveSettings, unblockMember, useMessageSettings } from "./queries.ts";
import "./i18n.ts";

function Settings({ slug }: { slug: string }) {
  const { t } = useTranslation("messages");
  const qc = useQueryClient();
  const q = useMessageSettings(slug);
  const save = useMutation({
    mutationFn: (refuse: boolean) => saveSettings(slug, refuse),
    onSuccess: (data) => {
      qc.setQueryData(messageKeys.settings(slug), data);
      notifications.show({ color: "teal", message: t("saved") });
    },
  });
  const unblock = useMutation({
    mutationFn: (userId: string) => unblockMember(slug, userId),
    onSuccess: () => qc.invalidateQueries({ queryKey: messageKeys.all(slug) }),
  });
  if (q.isLoading) return <PageLoader />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  return (
    <Stack gap="md">
      <Card withBorder radius="md" padding="md">
        <Switch
          checked={q.data.refuseStrangers}
          onChange={(e) => save.mutate(e.currentTarget.checked)}
          label={t("refuseStrangers")}
          description={t("refuseStrangersHint")}
          size="md"
          data-testid="refuse-strangers"
        />
        <ErrorAlert error={save.error} />
      </Card>
      <Card withBorder radius="md" padding="md">
        <Stack gap="sm">
          <Text fw={600}>{t("blockedList")}</Text>
          {!q.data.blocked.length && (
            <Text size="sm" c="dimmed">
              {t("blockedEmpty")}
            </Text>
          )}
          {q.data.blocked.map((b) => (
            <Group key={b.userId} justify="space-between" wrap="nowrap" gap="xs">
              <Group gap="sm" wrap="nowrap" miw={0}>
                <Avatar src={b.photoUrl ?? undefined} radius="xl" color="gray">
                  {initials(b.name)}
                </Avatar>
                <Stack gap={0} miw={0}>
                  <Text truncate>{b.name}</Text>
                  <Text size="xs" c="dimmed">
                    {t("blockedAt", { date: formatDate(b.blockedAt) })}
                  </Text>
                </Stack>
              </Group>
              <Button
                variant="default"
                mih={44}
                onClick={() => unblock.mutate(b.userId)}
                loading={unblock.isPending && unblock.variables === b.userId}
              >
                {t("unblock", { name: "" }).trim()}
              </Button>
            </Group>
          ))}
          <ErrorAlert error={unblock.error} />
        </Stack>
      </Card>
    </Stack>
  );
}

export default function MessageSettingsPage() {
  const { t } = useTranslation("messages");
  const { slug = "" } = useParams();
  return (
    <MemberGate slug={slug}>
      {(n) => (
        <Stack gap="sm" maw={760}>
          <Anchor
            component={Link}
            to={`/n/${n.slug}/messages`}
            size="sm"
            mih={44}
            display="flex"
            style={{ alignItems: "center" }}
          >
            ← {t("back")}
          </Anchor>
          <PageTitle title={t("settingsTitle")} />
          <Settings slug={n.slug} />
        </Stack>
      )}
    </MemberGate>
  );
}

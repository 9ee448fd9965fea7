// Operators: the messages members reported, newest first (the moderation queue comes later).
import { Badge, Card, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../components/dates.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { RequireOperator } from "../../components/RequireRole.tsx";
import { useMessageReports } from "./queries.ts";
import "./i18n.ts";

function Reports({ slug }: { slug: string }) {
  const { t } = useTranslation("messages");
  const q = useMessageReports(slug);
  if (q.isLoading) return <PageLoader />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  if (!q.data.items.length) return <Text c="dimmed">{t("reportsEmpty")}</Text>;
  return (
    <Stack gap="sm">
      {q.data.items.map((r) => (
        <Card key={r.id} withBorder radius="md" padding="md" data-testid="message-report">
          <Stack gap={6}>
            <Group gap="xs" justify="space-between">
              <Badge color="red" variant="light">
                {t(`reasons.${r.reason}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {formatDateTime(r.createdAt)}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
              {r.body}
            </Text>
            {r.note && (
              <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
                {r.note}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t("sentBy", { name: r.sender.name })} · {formatDateTime(r.sentAt)} ·{" "}
              {t("reportedBy", { name: r.reporter.name })}
            </Text>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

export default function MessageReportsPage() {
  const { t } = useTranslation("messages");
  return (
    <RequireOperator>
      {(n) => (
        <Stack gap="sm" maw={860}>
          <PageTitle title={t("reportsTitle")} subtitle={t("reportsSubtitle")} />
          <Reports slug={n.slug} />
        </Stack>
      )}
    </RequireOperator>
  );
}

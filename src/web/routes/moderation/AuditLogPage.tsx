// 監査ログ (operators): who did what, when and why, newest first; filtered by action and days,
// more on demand (keyset pages).
import { Badge, Button, Group, Paper, Select, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../components/dates.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { RequireOperator } from "../../components/RequireRole.tsx";
import { type AuditEntry, type AuditFilters, useAuditLog } from "./queries.ts";
import "./i18n.ts";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function Entry({ e }: { e: AuditEntry }) {
  const { t } = useTranslation("moderation");
  return (
    <Paper withBorder radius="sm" p="sm" data-testid="audit-entry">
      <Stack gap={2}>
        <Group gap={6} justify="space-between" wrap="wrap">
          <Badge variant="light" style={{ textTransform: "none" }}>
            {e.action}
          </Badge>
          <Text size="xs" c="dimmed">
            {formatDateTime(e.createdAt)}
          </Text>
        </Group>
        <Text size="sm">
          {t("audit.who")}: {e.actor.name === "system" ? t("audit.system") : e.actor.name}
        </Text>
        {e.targetType && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
            {t("audit.target")}: {e.targetType} {e.targetId}
          </Text>
        )}
        {e.reason && (
          <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {t("audit.why")}: {e.reason}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Log({ slug }: { slug: string }) {
  const { t } = useTranslation("moderation");
  const [action, setAction] = useState<string | null>(null);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const filters: AuditFilters = {
    ...(action ? { action } : {}),
    ...(DAY.test(from) ? { from } : {}),
    ...(DAY.test(to) ? { to } : {}),
  };
  const q = useAuditLog(slug, filters);
  const actions = q.data?.pages[0]?.actions ?? [];
  const families = [...new Set(actions.map((a) => `${a.split(".")[0]}.*`))];
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t("audit.action")}
          placeholder={t("audit.allActions")}
          clearable
          searchable
          data={[...families, ...actions].sort()}
          value={action}
          onChange={setAction}
          w={{ base: "100%", sm: 260 }}
        />
        <TextInput
          type="date"
          label={t("audit.from")}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          w={{ base: "47%", sm: 170 }}
        />
        <TextInput
          type="date"
          label={t("audit.to")}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          w={{ base: "47%", sm: 170 }}
        />
      </Group>
      {q.isLoading ? (
        <PageLoader />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : items.length ? (
        <Stack gap="xs">
          {items.map((e) => (
            <Entry key={e.id} e={e} />
          ))}
          {q.hasNextPage && (
            <Button variant="default" onClick={() => q.fetchNextPage()} loading={q.isFetchingNextPage}>
              {t("audit.more")}
            </Button>
          )}
        </Stack>
      ) : (
        <Text c="dimmed">{t("audit.empty")}</Text>
      )}
    </Stack>
  );
}

export default function AuditLogPage() {
  const { t } = useTranslation("moderation");
  return (
    <RequireOperator>
      {(n) => (
        <Stack gap="sm" maw={900}>
          <PageTitle title={t("audit.title")} subtitle={t("audit.subtitle")} />
          <Log slug={n.slug} />
        </Stack>
      )}
    </RequireOperator>
  );
}

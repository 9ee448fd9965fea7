import {
  Accordion,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmModal } from "../../../components/ConfirmModal.tsx";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import {
  cleanNotice,
  type NoticeValues,
  PrivacyNoticeFields,
  validateNotice,
} from "../../../components/PrivacyNoticeFields.tsx";
import { RequireOperator } from "../../../components/RequireRole.tsx";
import { listPrivacyNotices, privacyNoticeKeys, publishPrivacyNotice } from "./queries.ts";
import "../i18n.ts";
import { dateTimeCell } from "../format.ts";
import type { Notice } from "../types.ts";

function NoticeBody({ notice }: { notice: Notice }) {
  const { t } = useTranslation("ui");
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t("purposes.label")}
      </Text>
      <List size="sm" spacing={2}>
        {notice.purposes.map((p) => (
          <List.Item key={p}>{p}</List.Item>
        ))}
      </List>
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }} mah={360} styles={{ root: { overflowY: "auto" } }}>
        {notice.body}
      </Text>
    </Stack>
  );
}

function Notices({ slug }: { slug: string }) {
  const { t } = useTranslation(["operator", "ui"]);
  const { t: tu } = useTranslation("ui");
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const q = useQuery({
    queryKey: privacyNoticeKeys.all(slug),
    queryFn: () => listPrivacyNotices(slug),
  });
  const items = [...(q.data?.items ?? [])].sort((a, b) => b.version - a.version);
  const latest = items[0];
  const form = useForm<NoticeValues>({
    initialValues: { body: "", purposes: [""] },
    validate: (v) => validateNotice(v, tu),
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: prefill once, when the latest version arrives
  useEffect(() => {
    if (latest) form.setValues({ body: latest.body, purposes: [...latest.purposes] });
  }, [latest?.version]);
  const publish = useMutation({
    mutationFn: (v: NoticeValues) => publishPrivacyNotice(slug, cleanNotice(v)),
    onSuccess: (r) => {
      notifications.show({ color: "teal", message: t("privacy.publish.done", { version: r.version }) });
      setConfirming(false);
      setEditing(false);
      qc.invalidateQueries({ queryKey: privacyNoticeKeys.all(slug) });
    },
  });
  const nextVersion = (latest?.version ?? 0) + 1;

  return (
    <Stack gap="md">
      <ErrorAlert error={q.error} />
      {q.isLoading && <Skeleton h={200} />}
      {q.data && (
        <Card withBorder padding="md">
          {latest ? (
            <Stack gap="sm">
              <Group justify="space-between" gap="xs">
                <Title order={3} size="h4">
                  {t("privacy.current", { version: latest.version })}
                </Title>
                <Badge variant="light">
                  {t("privacy.publishedAt", { date: dateTimeCell(latest.createdAt) })}
                </Badge>
              </Group>
              <NoticeBody notice={latest} />
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t("privacy.none")}
            </Text>
          )}
        </Card>
      )}
      {items.length > 1 && (
        <Card withBorder padding="md">
          <Title order={3} size="h4" mb="xs">
            {t("privacy.history")}
          </Title>
          <Accordion variant="separated">
            {items.slice(1).map((n) => (
              <Accordion.Item key={n.version} value={String(n.version)}>
                <Accordion.Control>
                  {t("privacy.version", { version: n.version })} ・ {dateTimeCell(n.createdAt)}
                </Accordion.Control>
                <Accordion.Panel>
                  <NoticeBody notice={n} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Card>
      )}
      {q.data && !editing && latest && (
        <div>
          <Button variant="default" onClick={() => setEditing(true)}>
            {t("privacy.publish.start")}
          </Button>
        </div>
      )}
      {q.data && (editing || !latest) && (
        <Card withBorder padding="md">
          <form onSubmit={form.onSubmit(() => setConfirming(true))} noValidate>
            <Stack gap="sm">
              <Title order={3} size="h4">
                {t("privacy.publish.title")}
              </Title>
              <Alert color="orange" variant="light">
                {t("privacy.publish.warning")}
              </Alert>
              {latest && (
                <Text size="xs" c="dimmed">
                  {t("privacy.publish.prefilled")}
                </Text>
              )}
              <PrivacyNoticeFields form={form} />
              <Group gap="xs">
                <Button type="submit">{t("privacy.publish.button")}</Button>
                {latest && (
                  <Button variant="default" onClick={() => setEditing(false)}>
                    {t("ui:cancel")}
                  </Button>
                )}
              </Group>
            </Stack>
          </form>
        </Card>
      )}
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => publish.mutate(form.getValues())}
        loading={publish.isPending}
        color="orange"
        title={t("privacy.publish.confirmTitle", { version: nextVersion })}
        message={t("privacy.publish.confirmBody")}
        confirmLabel={t("privacy.publish.button")}
      >
        <ErrorAlert error={publish.error} />
      </ConfirmModal>
    </Stack>
  );
}

export default function PrivacyNoticePage() {
  const { t } = useTranslation("operator");
  return (
    <RequireOperator>
      {(network) => (
        <Stack gap={0} maw={960}>
          <PageTitle title={t("privacy.title")} subtitle={t("privacy.description")} />
          <Notices slug={network.slug} />
        </Stack>
      )}
    </RequireOperator>
  );
}

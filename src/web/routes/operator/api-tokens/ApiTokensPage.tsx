import {
  Alert,
  Button,
  Card,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmModal } from "../../../components/ConfirmModal.tsx";
import { CopyField } from "../../../components/CopyField.tsx";
import { ErrorAlert, fieldErrors } from "../../../components/ErrorAlert.tsx";
import { ListTable } from "../../../components/ListTable.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { RequireOperator } from "../../../components/RequireRole.tsx";
import { RowActionButton } from "../../../components/RowActionButton.tsx";
import { StatusBadge } from "../../../components/StatusBadge.tsx";
import type { Resources } from "../../../i18n/resources.ts";
import { apiTokenKeys, createApiToken, listApiTokens, revokeApiToken } from "./queries.ts";
import "../i18n.ts";
import { dateTimeCell } from "../format.ts";
import type { ApiToken } from "../types.ts";

/** An example call inviting one leaver with the new token. */
export function curlExample(slug: string, token: string) {
  const body = JSON.stringify({
    invitees: [{ email: "taro.yamada@example.com", name: "山田 太郎", employeeNumber: "100123" }],
    role: "alumni",
    expiresInDays: 14,
  });
  return [
    `curl -X POST '${window.location.origin}/api/n/${slug}/invitations' \\`,
    `  -H 'Authorization: Bearer ${token}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '${body}'`,
  ].join("\n");
}

function Tokens({ slug }: { slug: string }) {
  const { t } = useTranslation("operator");
  const qc = useQueryClient();
  const [issued, setIssued] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const list = useQuery({ queryKey: apiTokenKeys.all(slug), queryFn: () => listApiTokens(slug) });
  const form = useForm({
    initialValues: { name: "" },
    validate: {
      name: (v) =>
        !v.trim() ? t("tokens.create.required") : v.trim().length > 100 ? t("tokens.create.tooLong") : null,
    },
  });
  const create = useMutation({
    mutationFn: (name: string) => createApiToken(slug, name),
    onSuccess: (r) => {
      setIssued(r.token);
      form.reset();
      qc.invalidateQueries({ queryKey: apiTokenKeys.all(slug) });
    },
    onError: (e) => form.setErrors(fieldErrors(e)),
  });
  const revoke = useMutation({
    mutationFn: (tok: ApiToken) => revokeApiToken(slug, tok.id),
    onSuccess: () => {
      notifications.show({ color: "teal", message: t("tokens.list.revokedDone") });
      setRevoking(null);
      qc.invalidateQueries({ queryKey: apiTokenKeys.all(slug) });
    },
  });
  const items = list.data?.items ?? [];
  const statusOf = (tok: ApiToken) =>
    tok.revokedAt ? (
      <StatusBadge color="gray">{l("revoked", { date: dateTimeCell(tok.revokedAt) })}</StatusBadge>
    ) : (
      <StatusBadge color="teal">{l("active")}</StatusBadge>
    );
  const revokeOf = (tok: ApiToken) =>
    !tok.revokedAt && (
      <RowActionButton
        label={l("revokeLabel", { name: tok.name })}
        onClick={() => {
          revoke.reset();
          setRevoking(tok);
        }}
      >
        {l("revoke")}
      </RowActionButton>
    );
  const l = (k: keyof Resources["operator"]["tokens"]["list"], o?: Record<string, string>) =>
    t(`tokens.list.${k}`, o);

  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <form onSubmit={form.onSubmit((v) => create.mutate(v.name.trim()))} noValidate>
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t("tokens.create.title")}
            </Title>
            <Group align="flex-start" gap="sm">
              <TextInput
                style={{ flex: "1 1 260px" }}
                maw={520}
                label={t("tokens.create.name")}
                description={t("tokens.create.nameDescription")}
                placeholder={t("tokens.create.namePlaceholder")}
                maxLength={120}
                required
                {...form.getInputProps("name")}
              />
            </Group>
            <ErrorAlert error={create.error} />
            <div>
              <Button type="submit" loading={create.isPending}>
                {t("tokens.create.button")}
              </Button>
            </div>
          </Stack>
        </form>
      </Card>

      <Card withBorder padding="md">
        <Title order={3} size="h4" mb="sm">
          {l("title")}
        </Title>
        <ListTable
          cards={items.map((tok) => (
            <Paper key={tok.id} withBorder radius="md" p="sm" opacity={tok.revokedAt ? 0.6 : undefined}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text fw={600} size="sm">
                  {tok.name}
                </Text>
                {statusOf(tok)}
              </Group>
              <Text size="xs" c="dimmed" mt={4} ff="monospace">
                {tok.prefix}…
              </Text>
              <Text size="xs" c="dimmed">
                {l("created")} {dateTimeCell(tok.createdAt)} · {l("lastUsed")}{" "}
                {tok.lastUsedAt ? dateTimeCell(tok.lastUsedAt) : l("never")}
              </Text>
              <Group justify="flex-end">{revokeOf(tok)}</Group>
            </Paper>
          ))}
          error={list.error}
          loading={list.isLoading}
          skeletonHeight={100}
          count={list.data && items.length}
          empty={l("empty")}
          minWidth={720}
          striped
          head={
            <>
              <Table.Th>{l("name")}</Table.Th>
              <Table.Th>{l("prefix")}</Table.Th>
              <Table.Th>{l("created")}</Table.Th>
              <Table.Th>{l("lastUsed")}</Table.Th>
              <Table.Th>{l("status")}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{l("revoke")}</VisuallyHidden>
              </Table.Th>
            </>
          }
        >
          {items.map((tok) => (
            <Table.Tr key={tok.id} opacity={tok.revokedAt ? 0.6 : undefined}>
              <Table.Td fw={500}>{tok.name}</Table.Td>
              <Table.Td ff="monospace">{tok.prefix}…</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{dateTimeCell(tok.createdAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {tok.lastUsedAt ? dateTimeCell(tok.lastUsedAt) : l("never")}
              </Table.Td>
              <Table.Td>{statusOf(tok)}</Table.Td>
              <Table.Td>{revokeOf(tok)}</Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      </Card>

      <Modal
        opened={!!issued}
        onClose={() => setIssued(null)}
        title={t("tokens.issued.title")}
        size="xl"
        closeOnClickOutside={false}
      >
        {issued && (
          <Stack gap="sm">
            <Alert color="orange" variant="light">
              {t("tokens.issued.once")}
            </Alert>
            <Text size="sm" fw={600}>
              {t("tokens.issued.token")}
            </Text>
            <CopyField value={issued} label={t("tokens.issued.token")} />
            <Text size="sm" fw={600}>
              {t("tokens.issued.example")}
            </Text>
            <CopyField value={curlExample(slug, issued)} label={t("tokens.issued.example")} block />
            <Group justify="flex-end">
              <Button onClick={() => setIssued(null)}>{t("tokens.issued.done")}</Button>
            </Group>
          </Stack>
        )}
      </Modal>

      <ConfirmModal
        opened={!!revoking}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        loading={revoke.isPending}
        title={l("revokeTitle", { name: revoking?.name ?? "" })}
        message={l("revokeBody")}
        confirmLabel={l("revoke")}
      >
        <ErrorAlert error={revoke.error} />
      </ConfirmModal>
    </Stack>
  );
}

export default function ApiTokensPage() {
  const { t } = useTranslation("operator");
  return (
    <RequireOperator>
      {(network) => (
        <Stack gap={0} maw={1000}>
          <PageTitle
            title={t("tokens.title")}
            subtitle={t("tokens.description").replace("{slug}", network.slug)}
          />
          <Tokens slug={network.slug} />
        </Stack>
      )}
    </RequireOperator>
  );
}

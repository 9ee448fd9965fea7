import {
  Anchor,
  Button,
  Card,
  Collapse,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AdminNetwork } from "../../../modules/networks/schemas.ts";
import { client, unwrap } from "../../api/client.ts";
import { ConfirmModal } from "../../components/ConfirmModal.tsx";
import { formatDate } from "../../components/dates.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { formatNumber } from "../../components/format.ts";
import { ListTable } from "../../components/ListTable.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { RequirePlatformAdmin } from "../../components/RequireRole.tsx";
import { RowActionButton } from "../../components/RowActionButton.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import type { Resources } from "../../i18n/resources.ts";
import { meKeys, useMe } from "../../session.ts";
import { CreateNetworkForm } from "./CreateNetworkForm.tsx";
import { adminNetworkKeys } from "./queries.ts";
import "./i18n.ts";

function Networks() {
  const { t } = useTranslation(["admin", "ui"]);
  const qc = useQueryClient();
  const { data: me } = useMe();
  const [createOpen, { toggle: toggleCreate, close: closeCreate }] = useDisclosure(false);
  const [target, setTarget] = useState<AdminNetwork | null>(null);
  const list = useQuery({
    queryKey: adminNetworkKeys.all,
    queryFn: () => unwrap(client.GET("/api/admin/networks")),
  });
  const setStatus = useMutation({
    mutationFn: (n: AdminNetwork) =>
      unwrap(
        client.PATCH("/api/admin/networks/{id}", {
          params: { path: { id: n.id } },
          body: { status: n.status === "active" ? "suspended" : "active" },
        }),
      ),
    onSuccess: (_r, n) => {
      notifications.show({
        color: "teal",
        message: t(n.status === "active" ? "list.suspended" : "list.reactivated", { name: n.name }),
      });
      setTarget(null);
      qc.invalidateQueries({ queryKey: adminNetworkKeys.all });
      qc.invalidateQueries({ queryKey: meKeys.all });
    },
  });
  const items = list.data?.networks ?? [];
  type Item = (typeof items)[number];
  const slugOf = (n: Item) =>
    me?.networks.some((m) => m.slug === n.slug) && n.status === "active" ? (
      <Anchor component={Link} to={`/n/${n.slug}`} size="sm">
        /n/{n.slug}
      </Anchor>
    ) : (
      `/n/${n.slug}`
    );
  const statusOf = (n: Item) => (
    <StatusBadge color={n.status === "active" ? "teal" : "red"}>
      {t(`statuses.${n.status as keyof Resources["admin"]["statuses"]}`)}
    </StatusBadge>
  );
  const actionOf = (n: Item) => (
    <RowActionButton
      color={n.status === "active" ? "red" : "teal"}
      label={l(n.status === "active" ? "suspendLabel" : "reactivateLabel", { name: n.name })}
      onClick={() => {
        setStatus.reset();
        setTarget(n);
      }}
    >
      {l(n.status === "active" ? "suspend" : "reactivate")}
    </RowActionButton>
  );
  const l = (k: keyof Resources["admin"]["list"], o?: Record<string, string>) => t(`list.${k}`, o);
  const suspending = target?.status === "active";
  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Group justify="space-between">
          <div>
            <Title order={3} size="h4">
              {t("create.title")}
            </Title>
            <Text size="xs" c="dimmed">
              {t("create.intro")}
            </Text>
          </div>
          <Button
            variant={createOpen ? "default" : "filled"}
            onClick={toggleCreate}
            aria-expanded={createOpen}
          >
            {createOpen ? t("ui:cancel") : `+ ${t("create.open")}`}
          </Button>
        </Group>
        <Collapse expanded={createOpen}>
          <div style={{ paddingTop: "var(--mantine-spacing-md)" }}>
            <CreateNetworkForm onDone={closeCreate} />
          </div>
        </Collapse>
      </Card>
      <Card withBorder padding="md">
        <Title order={3} size="h4" mb="sm">
          {l("title")}
        </Title>
        <ListTable
          cards={items.map((n) => (
            <Paper
              key={n.id}
              withBorder
              radius="md"
              p="sm"
              opacity={n.status === "suspended" ? 0.7 : undefined}
            >
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text fw={600} size="sm">
                  {n.name}
                </Text>
                {statusOf(n)}
              </Group>
              <Text size="xs" ff="monospace" mt={4}>
                {slugOf(n)}
              </Text>
              <Text size="xs" c="dimmed">
                {l("members")} {formatNumber(n.memberCount)} · {l("operators")}{" "}
                {formatNumber(n.operatorCount)} · {l("created")} {formatDate(n.createdAt)}
              </Text>
              <Group justify="flex-end">{actionOf(n)}</Group>
            </Paper>
          ))}
          error={list.error}
          loading={list.isLoading}
          skeletonHeight={120}
          count={list.data && items.length}
          empty={l("empty")}
          minWidth={760}
          striped
          highlightOnHover
          head={
            <>
              <Table.Th>{l("name")}</Table.Th>
              <Table.Th>{l("slug")}</Table.Th>
              <Table.Th>{l("status")}</Table.Th>
              <Table.Th ta="right">{l("members")}</Table.Th>
              <Table.Th ta="right">{l("operators")}</Table.Th>
              <Table.Th>{l("created")}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{l("actions")}</VisuallyHidden>
              </Table.Th>
            </>
          }
        >
          {items.map((n) => {
            return (
              <Table.Tr key={n.id} opacity={n.status === "suspended" ? 0.7 : undefined}>
                <Table.Td fw={500}>{n.name}</Table.Td>
                <Table.Td ff="monospace">{slugOf(n)}</Table.Td>
                <Table.Td>{statusOf(n)}</Table.Td>
                <Table.Td ta="right">{formatNumber(n.memberCount)}</Table.Td>
                <Table.Td ta="right">{formatNumber(n.operatorCount)}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(n.createdAt)}</Table.Td>
                <Table.Td>{actionOf(n)}</Table.Td>
              </Table.Tr>
            );
          })}
        </ListTable>
      </Card>
      <ConfirmModal
        opened={!!target}
        onClose={() => setTarget(null)}
        onConfirm={() => target && setStatus.mutate(target)}
        loading={setStatus.isPending}
        color={suspending ? "red" : "teal"}
        title={l(suspending ? "suspendTitle" : "reactivateTitle", { name: target?.name ?? "" })}
        message={l(suspending ? "suspendBody" : "reactivateBody")}
        confirmLabel={l(suspending ? "suspend" : "reactivate")}
      >
        <ErrorAlert error={setStatus.error} />
      </ConfirmModal>
    </Stack>
  );
}

export default function AdminNetworksPage() {
  const { t } = useTranslation("admin");
  return (
    <RequirePlatformAdmin>
      <Stack gap={0} maw={1100}>
        <PageTitle title={t("title")} subtitle={t("description")} />
        <Networks />
      </Stack>
    </RequirePlatformAdmin>
  );
}

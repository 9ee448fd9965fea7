// Invitations, newest first, with status badges, resend and revoke (each asks first).
import {
  Card,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmModal } from "../../../components/ConfirmModal.tsx";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { ListTable } from "../../../components/ListTable.tsx";
import { RowActionButton } from "../../../components/RowActionButton.tsx";
import { StatusBadge } from "../../../components/StatusBadge.tsx";
import { rosterKeys } from "../roster/queries.ts";
import { invitationKeys, listInvitations, resendInvitation, revokeInvitation } from "./queries.ts";
import "../i18n.ts";
import { dateCell, dateTimeCell } from "../format.ts";
import type { Invitation, InvitationStatus } from "../types.ts";

export const INVITATION_COLORS: Record<InvitationStatus, string> = {
  pending: "blue",
  accepted: "teal",
  expired: "gray",
  revoked: "red",
};

export function InvitationList({ slug }: { slug: string }) {
  const { t } = useTranslation("operator");
  const { t: tc } = useTranslation();
  const qc = useQueryClient();
  const [status, setStatus] = useState<InvitationStatus | "">("");
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [resending, setResending] = useState<Invitation | null>(null);
  const list = useQuery({
    queryKey: invitationKeys.list(slug, status),
    queryFn: () => listInvitations(slug, status),
  });
  const revoke = useMutation({
    mutationFn: (inv: Invitation) => revokeInvitation(slug, inv.id),
    onSuccess: () => {
      notifications.show({ color: "teal", message: t("invitations.list.revoked") });
      setRevoking(null);
      qc.invalidateQueries({ queryKey: invitationKeys.all(slug) });
      qc.invalidateQueries({ queryKey: rosterKeys.all(slug) });
    },
  });
  const resend = useMutation({
    mutationFn: (inv: Invitation) => resendInvitation(slug, inv.id),
    onSuccess: (_, inv) => {
      notifications.show({ color: "teal", message: t("invitations.list.resent", { email: inv.email }) });
      setResending(null);
      qc.invalidateQueries({ queryKey: invitationKeys.all(slug) });
    },
  });
  const items = list.data?.items ?? [];
  const actionsOf = (i: Invitation) => (
    <Group gap={4} wrap="nowrap">
      {(i.status === "pending" || i.status === "expired") && (
        <RowActionButton
          label={t("invitations.list.resendLabel", { email: i.email })}
          color="blue"
          onClick={() => {
            resend.reset();
            setResending(i);
          }}
        >
          {t("invitations.list.resend")}
        </RowActionButton>
      )}
      {i.status === "pending" && (
        <RowActionButton
          label={t("invitations.list.revokeLabel", { email: i.email })}
          onClick={() => {
            revoke.reset();
            setRevoking(i);
          }}
        >
          {t("invitations.list.revoke")}
        </RowActionButton>
      )}
    </Group>
  );
  const statusOf = (i: Invitation) => (
    <>
      <StatusBadge color={INVITATION_COLORS[i.status]}>{t(`invitations.statuses.${i.status}`)}</StatusBadge>
      {i.remindedAt && i.status === "pending" && (
        <Text size="xs" c="dimmed" title={dateTimeCell(i.remindedAt)}>
          {t("invitations.list.reminded")}
        </Text>
      )}
    </>
  );
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h4">
            {t("invitations.list.title")}
          </Title>
          <SegmentedControl
            size="xs"
            aria-label={t("invitations.list.filter")}
            value={status}
            onChange={(v) => setStatus(v as InvitationStatus | "")}
            data={[
              { value: "", label: t("invitations.list.all") },
              ...(["pending", "accepted", "expired", "revoked"] as const).map((s) => ({
                value: s,
                label: t(`invitations.statuses.${s}`),
              })),
            ]}
          />
        </Group>
        <ListTable
          error={list.error}
          loading={list.isLoading}
          skeletonHeight={120}
          count={list.data && items.length}
          empty={t("invitations.list.empty")}
          emptyPy="md"
          minWidth={860}
          cards={items.map((i) => (
            <Paper key={i.id} withBorder radius="md" p="sm" data-testid="invitation-card">
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600} style={{ wordBreak: "break-all" }}>
                    {i.email}
                  </Text>
                  {i.name && (
                    <Text size="xs" c="dimmed">
                      {i.name}
                    </Text>
                  )}
                </Stack>
                <Stack gap={2} align="flex-end">
                  {statusOf(i)}
                </Stack>
              </Group>
              <Text size="xs" c="dimmed" mt={6}>
                {tc(`roles.${i.role}`, { defaultValue: i.role })} · {t("invitations.list.created")}{" "}
                {dateCell(i.createdAt)} · {t("invitations.list.expires")} {dateCell(i.expiresAt)}
              </Text>
              <Group justify="flex-end" mt={4}>
                {actionsOf(i)}
              </Group>
            </Paper>
          ))}
          maxHeight={600}
          striped
          highlightOnHover
          stickyHeader
          head={
            <>
              <Table.Th>{t("invitations.list.email")}</Table.Th>
              <Table.Th>{t("invitations.list.role")}</Table.Th>
              <Table.Th>{t("invitations.list.status")}</Table.Th>
              <Table.Th>{t("invitations.list.created")}</Table.Th>
              <Table.Th>{t("invitations.list.expires")}</Table.Th>
              <Table.Th>{t("invitations.list.accepted")}</Table.Th>
              <Table.Th>{t("invitations.list.via")}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t("invitations.list.actions")}</VisuallyHidden>
              </Table.Th>
            </>
          }
        >
          {items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td miw={200} style={{ wordBreak: "break-all" }}>
                <Text size="sm">{i.email}</Text>
                {i.name && (
                  <Text size="xs" c="dimmed">
                    {i.name}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{tc(`roles.${i.role}`, { defaultValue: i.role })}</Table.Td>
              <Table.Td>{statusOf(i)}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{dateTimeCell(i.createdAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{dateCell(i.expiresAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{dateCell(i.acceptedAt)}</Table.Td>
              <Table.Td>{t(`invitations.vias.${i.createdVia}`, { defaultValue: i.createdVia })}</Table.Td>
              <Table.Td>{actionsOf(i)}</Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
        {items.length >= 500 && (
          <Text size="xs" c="dimmed">
            {t("invitations.list.latest")}
          </Text>
        )}
      </Stack>
      <ConfirmModal
        opened={!!revoking}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        loading={revoke.isPending}
        title={t("invitations.list.revokeTitle")}
        message={t("invitations.list.revokeBody", { email: revoking?.email ?? "" })}
        confirmLabel={t("invitations.list.revoke")}
      >
        <ErrorAlert error={revoke.error} />
      </ConfirmModal>
      <ConfirmModal
        opened={!!resending}
        onClose={() => setResending(null)}
        onConfirm={() => resending && !resend.isPending && resend.mutate(resending)}
        loading={resend.isPending}
        color="blue"
        title={t("invitations.list.resendTitle")}
        message={t("invitations.list.resendBody", { email: resending?.email ?? "" })}
        confirmLabel={t("invitations.list.resendConfirm")}
      >
        <ErrorAlert error={resend.error} />
      </ConfirmModal>
    </Card>
  );
}

import { Badge, Card, Skeleton, Stack, Table, Tabs, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { ListTable } from "../../../components/ListTable.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { RequireOperator } from "../../../components/RequireRole.tsx";
import { StatusBadge } from "../../../components/StatusBadge.tsx";
import type { Resources } from "../../../i18n/resources.ts";
import { listRegistrations, registrationKeys } from "./queries.ts";
import "../i18n.ts";
import { dateTimeCell, formatYmRange } from "../format.ts";
import type { Registration } from "../types.ts";
import { RegistrationCard } from "./RegistrationCard.tsx";
import { RegistrationPolicyCard } from "./RegistrationPolicyCard.tsx";

type Status = Registration["status"];

function useRegistrations(slug: string, status: Status) {
  return useQuery({
    queryKey: registrationKeys.list(slug, status),
    queryFn: () => listRegistrations(slug, status, 200),
  });
}

function History({ slug, status }: { slug: string; status: "approved" | "rejected" }) {
  const { t } = useTranslation("operator");
  const q = useRegistrations(slug, status);
  const items = q.data?.items ?? [];
  const h = (k: keyof Resources["operator"]["approvals"]["history"]) => t(`approvals.history.${k}`);
  return (
    <Card withBorder padding="md">
      <ListTable
        error={q.error}
        loading={q.isLoading}
        skeletonHeight={120}
        count={q.data && items.length}
        empty={t(`approvals.empty.${status}`)}
        minWidth={860}
        striped
        head={
          <>
            <Table.Th>{h("registrant")}</Table.Th>
            <Table.Th>{h("period")}</Table.Th>
            <Table.Th>{h("submitted")}</Table.Th>
            <Table.Th>{h("decided")}</Table.Th>
            <Table.Th>{h("by")}</Table.Th>
            <Table.Th>{status === "approved" ? h("linked") : h("note")}</Table.Th>
          </>
        }
      >
        {items.map((r) => {
          const linked = r.candidates.find((c) => c.rosterEntryId === r.rosterEntryId);
          return (
            <Table.Tr key={r.id}>
              <Table.Td miw={200} style={{ wordBreak: "break-all" }}>
                <Text size="sm" fw={500}>
                  {r.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {r.email}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatYmRange(r.joinYm, r.leaveYm)}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{dateTimeCell(r.createdAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{dateTimeCell(r.decidedAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {r.automatic ? (
                  <StatusBadge color="teal">{h("automatic")}</StatusBadge>
                ) : (
                  (r.decidedBy ?? "—")
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: "pre-wrap" }}>
                {status === "approved"
                  ? linked
                    ? `${linked.employeeNumber} ${linked.name}`
                    : r.rosterEntryId
                      ? "✓"
                      : "—"
                  : r.note || "—"}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </ListTable>
    </Card>
  );
}

function Pending({ slug }: { slug: string }) {
  const { t } = useTranslation("operator");
  const q = useRegistrations(slug, "pending");
  const items = q.data?.items ?? [];
  return (
    <Stack gap="md">
      <ErrorAlert error={q.error} />
      {q.isLoading && <Skeleton h={240} />}
      {q.data && items.length === 0 && (
        <Card withBorder padding="lg">
          <Text size="sm" c="dimmed">
            {t("approvals.empty.pending")}
          </Text>
        </Card>
      )}
      {items.map((r) => (
        <RegistrationCard key={r.id} slug={slug} reg={r} />
      ))}
    </Stack>
  );
}

function Approvals({ slug }: { slug: string }) {
  const { t } = useTranslation("operator");
  const [tab, setTab] = useState<string | null>("pending");
  const pending = useRegistrations(slug, "pending");
  const count = pending.data?.items.length ?? 0;
  return (
    <Tabs value={tab} onChange={setTab} keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab
          value="pending"
          rightSection={
            count > 0 ? (
              <Badge miw="max-content" size="sm" color="orange" circle={count < 10}>
                {count}
              </Badge>
            ) : null
          }
        >
          {t("approvals.tabs.pending")}
        </Tabs.Tab>
        <Tabs.Tab value="approved">{t("approvals.tabs.approved")}</Tabs.Tab>
        <Tabs.Tab value="rejected">{t("approvals.tabs.rejected")}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="pending">
        <Pending slug={slug} />
      </Tabs.Panel>
      <Tabs.Panel value="approved">
        <History slug={slug} status="approved" />
      </Tabs.Panel>
      <Tabs.Panel value="rejected">
        <History slug={slug} status="rejected" />
      </Tabs.Panel>
    </Tabs>
  );
}

export default function ApprovalsPage() {
  const { t } = useTranslation("operator");
  return (
    <RequireOperator>
      {(network) => (
        <Stack gap={0} maw={1200}>
          <PageTitle title={t("approvals.title")} subtitle={t("approvals.description")} />
          <RegistrationPolicyCard slug={network.slug} />
          <Approvals slug={network.slug} />
        </Stack>
      )}
    </RequireOperator>
  );
}

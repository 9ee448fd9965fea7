import { Badge, Box, Card, Group, Paper, Select, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { download } from "../../../api/download.ts";
import { CsvExportMenu } from "../../../components/CsvExportMenu.tsx";
import { ListTable } from "../../../components/ListTable.tsx";
import { LoadMore } from "../../../components/LoadMore.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { RequireOperator } from "../../../components/RequireRole.tsx";
import { SearchInput } from "../../../components/SearchInput.tsx";
import { presentOnly, usePagedList } from "../../../components/usePagedList.ts";
import type { Resources } from "../../../i18n/resources.ts";
import { useMe } from "../../../session.ts";
import { type MembersQuery, memberKeys, membersPage } from "./queries.ts";
import "../i18n.ts";
import { dateCell, ymCell } from "../format.ts";
import type { MemberItem } from "../types.ts";
import { MemberActions } from "./MemberActions.tsx";

const ROLE_COLORS = { operator: "grape", employee: "blue", alumni: "teal" } as const;

type Row = { slug: string; m: MemberItem; self: boolean };

function Name({ m, self }: Omit<Row, "slug">) {
  const { t } = useTranslation("operator");
  return (
    <>
      <Text size="sm" fw={500}>
        {m.name}
        {self && (
          <Badge miw="max-content" size="xs" variant="outline" ml={6}>
            {t("members.you")}
          </Badge>
        )}
        {m.supporterAt && (
          <Badge miw="max-content" size="xs" variant="light" color="orange" ml={6}>
            {t("members.supporterBadge")}
          </Badge>
        )}
      </Text>
      {m.displayName && m.displayName !== m.name && (
        <Text size="xs" c="dimmed">
          {m.displayName}
        </Text>
      )}
    </>
  );
}

function RoleBadge({ m }: { m: MemberItem }) {
  const { t: tc } = useTranslation();
  return (
    <Badge miw="max-content" size="sm" variant="light" color={ROLE_COLORS[m.role]}>
      {tc(`roles.${m.role}`)}
    </Badge>
  );
}

function MemberStatus({ m }: { m: MemberItem }) {
  const { t } = useTranslation("operator");
  return (
    <Badge
      miw="max-content"
      size="sm"
      variant={m.status === "active" ? "dot" : "filled"}
      color={m.status === "active" ? "teal" : "red"}
    >
      {t(`members.statuses.${m.status}`)}
    </Badge>
  );
}

function Period({ m, oneLine = false }: { m: MemberItem; oneLine?: boolean }) {
  const { i18n } = useTranslation("operator");
  if (!m.joinYm && !m.leaveYm) return "—";
  const en = i18n.language === "en";
  return (
    <>
      {ymCell(m.joinYm)}
      {en ? " –" : "〜"}
      {oneLine ? en && " " : <br />}
      {ymCell(m.leaveYm)}
    </>
  );
}

function VerifiedVia({ m }: { m: MemberItem }) {
  const { t } = useTranslation("operator");
  return m.verifiedVia ? t(`members.verifiedVia.${m.verifiedVia}`, { defaultValue: m.verifiedVia }) : null;
}

function Actions({ slug, m, self }: Row) {
  const { t } = useTranslation("operator");
  return self ? (
    <Text size="xs" c="dimmed" title={t("members.self")}>
      —
    </Text>
  ) : (
    <MemberActions slug={slug} member={m} />
  );
}

function MemberRow({ slug, m, self }: Row) {
  const { t } = useTranslation("operator");
  return (
    <Table.Tr opacity={m.status === "suspended" ? 0.7 : undefined} data-testid="member-row">
      <Table.Td miw={110}>
        <Name m={m} self={self} />
      </Table.Td>
      <Table.Td miw={200} style={{ wordBreak: "break-all" }}>
        {m.email}
      </Table.Td>
      <Table.Td>
        <RoleBadge m={m} />
      </Table.Td>
      <Table.Td>
        <MemberStatus m={m} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        <Period m={m} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        {dateCell(m.createdAt)}
        <Text size="xs" c="dimmed">
          <VerifiedVia m={m} />
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        {m.lastActiveAt ? dateCell(m.lastActiveAt) : t("members.never")}
      </Table.Td>
      <Table.Td>
        <Actions slug={slug} m={m} self={self} />
      </Table.Td>
    </Table.Tr>
  );
}

/** On a phone: the row as a card, its role, status and actions in view. */
function MemberCard({ slug, m, self }: Row) {
  const { t } = useTranslation("operator");
  const c = (k: keyof Resources["operator"]["members"]["columns"]) => t(`members.columns.${k}`);
  const via = m.verifiedVia && (
    <>
      {" · "}
      <VerifiedVia m={m} />
    </>
  );
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      opacity={m.status === "suspended" ? 0.7 : undefined}
      data-testid="member-row"
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Name m={m} self={self} />
            <Text size="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
              {m.email}
            </Text>
          </div>
          <Actions slug={slug} m={m} self={self} />
        </Group>
        <Group gap={6}>
          <RoleBadge m={m} />
          <MemberStatus m={m} />
        </Group>
        <Box style={{ display: "grid", gridTemplateColumns: "auto 1fr", gap: "2px 12px" }}>
          <Text size="xs" c="dimmed">
            {c("period")}
          </Text>
          <Text size="xs">
            <Period m={m} oneLine />
          </Text>
          <Text size="xs" c="dimmed">
            {c("joined")}
          </Text>
          <Text size="xs">
            {dateCell(m.createdAt)}
            {via}
          </Text>
          <Text size="xs" c="dimmed">
            {c("lastActive")}
          </Text>
          <Text size="xs">{m.lastActiveAt ? dateCell(m.lastActiveAt) : t("members.never")}</Text>
        </Box>
      </Stack>
    </Paper>
  );
}

function Members({ slug }: { slug: string }) {
  const { t } = useTranslation("operator");
  const { t: tc } = useTranslation();
  const { data: me } = useMe();
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const [role, setRole] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const filter = { q: debounced, role, status };
  const { list, rows, loadMore } = usePagedList(memberKeys.list(slug, filter), (page) =>
    membersPage(slug, filter, page),
  );
  const c = (k: keyof Resources["operator"]["members"]["columns"]) => t(`members.columns.${k}`);
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group gap="sm" align="flex-end">
          <SearchInput
            label={t("members.search")}
            placeholder={t("members.searchPlaceholder")}
            value={q}
            onChange={setQ}
          />
          <Select
            w={150}
            label={t("members.role")}
            placeholder={t("members.all")}
            clearable
            value={role}
            onChange={setRole}
            data={(["operator", "employee", "alumni"] as const).map((r) => ({
              value: r,
              label: tc(`roles.${r}`),
            }))}
          />
          <Select
            w={150}
            label={t("members.status")}
            placeholder={t("members.all")}
            clearable
            value={status}
            onChange={setStatus}
            data={(["active", "suspended"] as const).map((s) => ({
              value: s,
              label: t(`members.statuses.${s}`),
            }))}
          />
          <CsvExportMenu
            ml="auto"
            onExport={(encoding) =>
              download("/api/n/{slug}/members/export.csv", {
                path: { slug },
                query: { ...(presentOnly(filter) as MembersQuery), encoding },
              })
            }
          />
        </Group>
        <ListTable
          error={list.error}
          loading={list.isLoading}
          skeletonHeight={240}
          count={list.data && rows.length}
          empty={t("members.empty")}
          emptyPy="md"
          minWidth={980}
          cards={rows.map((m) => (
            <MemberCard key={m.userId} slug={slug} m={m} self={m.userId === me?.user.id} />
          ))}
          striped
          highlightOnHover
          head={
            <>
              <Table.Th>{c("name")}</Table.Th>
              <Table.Th>{c("email")}</Table.Th>
              <Table.Th>{c("role")}</Table.Th>
              <Table.Th>{c("status")}</Table.Th>
              <Table.Th>{c("period")}</Table.Th>
              <Table.Th>{c("joined")}</Table.Th>
              <Table.Th>{c("lastActive")}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{c("actions")}</VisuallyHidden>
              </Table.Th>
            </>
          }
        >
          {rows.map((m) => (
            <MemberRow key={m.userId} slug={slug} m={m} self={m.userId === me?.user.id} />
          ))}
        </ListTable>
        {rows.length > 0 && <LoadMore {...loadMore} />}
      </Stack>
    </Card>
  );
}

export default function MembersPage() {
  const { t } = useTranslation("operator");
  return (
    <RequireOperator>
      {(network) => (
        <Stack gap={0} maw={1200}>
          <PageTitle title={t("members.title")} subtitle={t("members.description")} />
          <Members slug={network.slug} />
        </Stack>
      )}
    </RequireOperator>
  );
}

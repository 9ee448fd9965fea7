// 問い合わせ窓口 (operators): the median response times of the last 30 days, the shared inbox with
// its filters, and the desk's settings (saved replies, business hours).
import {
  Button,
  Card,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ListTable } from "../../components/ListTable.tsx";
import { LoadMore } from "../../components/LoadMore.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { RequireOperator } from "../../components/RequireRole.tsx";
import { SearchInput } from "../../components/SearchInput.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { presentOnly, usePagedList } from "../../components/usePagedList.ts";
import { dateTimeCell } from "../operator/format.ts";
import { BusinessHoursModal, hoursSummary, SavedRepliesModal, useBusinessHours } from "./DeskSettings.tsx";
import { formatBusinessMinutes, STATUS_COLOR } from "./format.ts";
import { CategoryLabel } from "./MyInquiriesPage.tsx";
import { deskStats, type InboxFilter, inboxPage, inquiryKeys } from "./queries.ts";
import { ResponseTimes } from "./ResponseTimes.tsx";
import "./i18n.ts";

function Stats({ slug }: { slug: string }) {
  const { t } = useTranslation("inquiries");
  const q = useQuery({ queryKey: inquiryKeys.stats(slug), queryFn: () => deskStats(slug) });
  const s = q.data;
  const stat = (label: string, value: string, note?: string) => (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={{ base: "lg", sm: "xl" }} data-testid="stat-value">
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
  const minutes = (m: number | null | undefined) => (m == null ? t("desk.none") : formatBusinessMinutes(m));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {t("desk.statsTitle", { days: s?.days ?? 30 })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        {stat(
          t("desk.medianFirst"),
          minutes(s?.medianFirstMinutes),
          t("desk.basedOn", { count: s?.firstCount ?? 0 }),
        )}
        {stat(
          t("desk.medianNext"),
          minutes(s?.medianNextMinutes),
          t("desk.basedOn", { count: s?.nextCount ?? 0 }),
        )}
        {stat(t("desk.openCount"), String(s?.open ?? "—"))}
        {stat(t("desk.unassignedCount"), String(s?.unassigned ?? "—"))}
      </SimpleGrid>
    </Stack>
  );
}

const STATUSES = ["open", "answered", "closed"] as const;
const CATEGORIES = ["general", "rehire", "freelance", "document"] as const;

function Inbox({ slug }: { slug: string }) {
  const { t } = useTranslation("inquiries");
  const nav = useNavigate();
  const [filter, setFilter] = useState<InboxFilter>({ status: "open", assignee: "any" });
  const [dialog, setDialog] = useState<"saved" | "hours" | null>(null);
  const hours = useBusinessHours(slug);
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const f = presentOnly({ ...filter, q: debounced }) as InboxFilter;
  const { list, rows, loadMore } = usePagedList(inquiryKeys.inbox(slug, f), (page) =>
    inboxPage(slug, f, page),
  );
  const open = (id: string) => `/n/${slug}/admin/inquiries/${id}`;
  return (
    <Stack gap="md">
      <Group gap="xs" wrap="wrap">
        <Button variant="default" onClick={() => setDialog("saved")}>
          {t("desk.savedReplies")}
        </Button>
        <Button variant="default" onClick={() => setDialog("hours")}>
          {t("desk.businessHours")}
        </Button>
        {hours.data && (
          <Text size="xs" c="dimmed">
            {hoursSummary(hours.data, t as never)}
          </Text>
        )}
      </Group>
      <Stats slug={slug} />
      <Card withBorder padding="md">
        <Stack gap="sm" mb="sm">
          <SegmentedControl
            data={[
              { value: "", label: t("desk.statusAll") },
              ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
            ]}
            value={filter.status ?? ""}
            onChange={(v) => setFilter({ ...filter, status: (v || undefined) as InboxFilter["status"] })}
            fullWidth
          />
          <Group gap="xs" grow preventGrowOverflow={false} wrap="wrap">
            <Select
              aria-label={t("desk.columns.category")}
              data={[
                { value: "", label: t("desk.categoryAll") },
                ...CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) })),
              ]}
              value={filter.category ?? ""}
              allowDeselect={false}
              onChange={(v) =>
                setFilter({ ...filter, category: (v || undefined) as InboxFilter["category"] })
              }
              miw={160}
            />
            <Select
              aria-label={t("desk.assignee")}
              data={[
                { value: "any", label: `${t("desk.assignee")}: ${t("desk.assigneeAny")}` },
                { value: "me", label: `${t("desk.assignee")}: ${t("desk.assigneeMe")}` },
                { value: "unassigned", label: t("desk.assigneeNone") },
              ]}
              value={filter.assignee ?? "any"}
              allowDeselect={false}
              onChange={(v) => setFilter({ ...filter, assignee: (v ?? "any") as InboxFilter["assignee"] })}
              miw={160}
            />
            <SearchInput label={t("desk.search")} placeholder="源泉徴収票" value={q} onChange={setQ} />
          </Group>
        </Stack>
        <ListTable
          error={list.error}
          loading={list.isLoading}
          count={list.data && rows.length}
          empty={t("desk.empty")}
          skeletonHeight={160}
          minWidth={900}
          highlightOnHover
          cards={rows.map((i) => (
            <Paper
              key={i.id}
              component={Link}
              to={open(i.id)}
              withBorder
              radius="md"
              p="sm"
              style={{ textDecoration: "none", color: "inherit" }}
            >
              <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                <Text fw={600} size="sm" style={{ overflowWrap: "anywhere" }}>
                  {i.subject}
                </Text>
                <StatusBadge color={STATUS_COLOR[i.status]}>{t(`status.${i.status}`)}</StatusBadge>
              </Group>
              <Text size="xs" c="dimmed" mt={4}>
                {i.openedBy?.name} · <CategoryLabel inquiry={i} />
              </Text>
              <Text size="xs" c="dimmed">
                {t("desk.columns.assignee")}: {i.assignee?.name ?? t("desk.unassigned")} ·{" "}
                {dateTimeCell(i.lastActivityAt)}
              </Text>
              <ResponseTimes inquiry={i} />
            </Paper>
          ))}
          head={
            <>
              <Table.Th>{t("desk.columns.subject")}</Table.Th>
              <Table.Th>{t("desk.columns.member")}</Table.Th>
              <Table.Th>{t("desk.columns.category")}</Table.Th>
              <Table.Th>{t("desk.columns.status")}</Table.Th>
              <Table.Th>{t("desk.columns.assignee")}</Table.Th>
              <Table.Th>{t("desk.columns.response")}</Table.Th>
              <Table.Th>{t("desk.columns.activity")}</Table.Th>
            </>
          }
        >
          {rows.map((i) => (
            <Table.Tr key={i.id} style={{ cursor: "pointer" }} onClick={() => nav(open(i.id))}>
              <Table.Td fw={500}>
                <Link to={open(i.id)} onClick={(e) => e.stopPropagation()}>
                  {i.subject}
                </Link>
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{i.openedBy?.name}</Table.Td>
              <Table.Td>
                <CategoryLabel inquiry={i} />
              </Table.Td>
              <Table.Td>
                <StatusBadge color={STATUS_COLOR[i.status]}>{t(`status.${i.status}`)}</StatusBadge>
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{i.assignee?.name ?? t("desk.unassigned")}</Table.Td>
              <Table.Td>
                <ResponseTimes inquiry={i} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{dateTimeCell(i.lastActivityAt)}</Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
        {rows.length > 0 && <LoadMore {...loadMore} />}
      </Card>
      <SavedRepliesModal slug={slug} opened={dialog === "saved"} onClose={() => setDialog(null)} />
      <BusinessHoursModal slug={slug} opened={dialog === "hours"} onClose={() => setDialog(null)} />
    </Stack>
  );
}

export default function DeskInboxPage() {
  const { t } = useTranslation("inquiries");
  return (
    <RequireOperator>
      {(network) => (
        <Stack gap={0} maw={1200}>
          <PageTitle title={t("desk.title")} subtitle={t("desk.subtitle")} />
          <Inbox slug={network.slug} />
        </Stack>
      )}
    </RequireOperator>
  );
}

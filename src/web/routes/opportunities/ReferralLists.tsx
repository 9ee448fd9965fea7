// Referral lists: the referrals an employee made (their answer, the outcome, the incentive), those
// an alumna received (in her applications tab), and the operators' report — filters, totals by
// status and outcome, every referral with its incentive (mark paid) and the CSV download.
import {
  Anchor,
  Button,
  Card,
  EmptyState,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { download } from "../../api/download.ts";
import { CsvExportMenu } from "../../components/CsvExportMenu.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { formatDate } from "../../components/format.ts";
import { ListTable } from "../../components/ListTable.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { useSubmit } from "../../components/useSubmit.ts";
import "./i18n.ts";
import { TYPES } from "./queries.ts";
import { ReferralBadges } from "./ReferralBox.tsx";
import {
  markReferralPaid,
  REFERRAL_STATUSES,
  type Referral,
  type ReferralStatus,
  type ReportQuery,
  referralKeys,
  useMyReferrals,
  useReceivedReferrals,
  useReferralReport,
} from "./referral-queries.ts";

/** Where the incentive stands (the referrer and operators; null for anyone else). */
function IncentiveLine({ r }: { r: Referral }) {
  const { t } = useTranslation("opportunities");
  if (!r.incentive) return null;
  const i = r.incentive;
  return (
    <Text size="xs" c={i.paidAt ? "teal" : i.eligible ? "orange" : "dimmed"} data-testid="referral-incentive">
      {i.paidAt
        ? t("referrals.list.paid", { date: formatDate(i.paidAt) })
        : i.eligible
          ? t("referrals.list.eligible")
          : t("referrals.list.eligibleFrom", { date: formatDate(i.eligibleAt) })}
    </Text>
  );
}

function ReferralCard({ slug, r, mine }: { slug: string; r: Referral; mine: boolean }) {
  const { t } = useTranslation("opportunities");
  return (
    <Card withBorder radius="md" padding="sm" data-testid="referral-card">
      <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
        <Stack gap={2}>
          <Anchor component={Link} to={`/n/${slug}/opportunities/${r.opportunity.id}`} fw={600}>
            {r.opportunity.title}
          </Anchor>
          <Text size="xs" c="dimmed">
            {[
              mine ? r.alumna.name : t("referrals.list.from", { name: r.referrer.name }),
              t(`types.${r.opportunity.type}`),
              t("referrals.list.referredOn", { date: formatDate(r.createdAt) }),
            ].join(" · ")}
          </Text>
          <IncentiveLine r={r} />
        </Stack>
        <ReferralBadges r={r} />
      </Group>
    </Card>
  );
}

/** The referrals I made (employees). */
export function MyReferrals({ slug }: { slug: string }) {
  const { t } = useTranslation("opportunities");
  const list = useMyReferrals(slug, true);
  if (list.error) return <ErrorAlert error={list.error} />;
  if (list.isLoading) return <PageLoader />;
  const items = list.data?.items ?? [];
  const incentive = list.data?.incentive;
  return (
    <Stack gap="sm" data-testid="my-referral-list">
      {incentive?.text && (
        <Text size="sm" c="dimmed">
          {t("referrals.refer.incentive", { incentive: incentive.text, days: incentive.days })}
        </Text>
      )}
      {items.length ? (
        items.map((r) => <ReferralCard key={r.id} slug={slug} r={r} mine />)
      ) : (
        <EmptyState title={t("referrals.list.empty")} />
      )}
    </Stack>
  );
}

/** The referrals made to me (alumni): shown above my applications when there are any. */
export function ReceivedReferrals({ slug }: { slug: string }) {
  const { t } = useTranslation("opportunities");
  const list = useReceivedReferrals(slug, true);
  const items = list.data?.items ?? [];
  if (list.error) return <ErrorAlert error={list.error} />;
  if (!items.length) return null;
  return (
    <Stack gap="sm" data-testid="received-referrals">
      <Text fw={700}>{t("referrals.list.receivedTitle")}</Text>
      {items.map((r) => (
        <ReferralCard key={r.id} slug={slug} r={r} mine={false} />
      ))}
    </Stack>
  );
}

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Card withBorder radius="md" padding="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" c={color}>
        {value}
      </Text>
    </Card>
  );
}

/** The operators' report. */
export function ReferralsReport({ slug }: { slug: string }) {
  const { t } = useTranslation("opportunities");
  const qc = useQueryClient();
  const [status, setStatus] = useState<ReferralStatus | null>(null);
  const [type, setType] = useState<ReportQuery["type"] | null>(null);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const q: ReportQuery = {
    ...(status ? { status } : {}),
    ...(type ? { type } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const report = useReferralReport(slug, q);
  const { error, busy, run } = useSubmit<string>();
  const totals = report.data?.totals;
  const items = report.data?.items ?? [];
  const pay = (r: Referral) =>
    run(
      async () => {
        await markReferralPaid(slug, r.id);
        notifications.show({ color: "teal", message: t("referrals.report.paidDone") });
        await qc.invalidateQueries({ queryKey: referralKeys.all(slug) });
      },
      { as: r.id },
    );
  const payButton = (r: Referral) =>
    r.canMarkPaid && (
      <Button size="compact-xs" variant="light" loading={busy === r.id} onClick={() => pay(r)}>
        {t("referrals.report.markPaid")}
      </Button>
    );
  return (
    <Stack gap="md" data-testid="referral-report">
      <Card withBorder radius="md" padding="sm">
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
            <Select
              label={t("referrals.report.status")}
              placeholder={t("referrals.report.allStatuses")}
              data={REFERRAL_STATUSES.map((v) => ({ value: v, label: t(`referrals.statuses.${v}`) }))}
              value={status}
              onChange={(v) => setStatus((v as ReferralStatus) ?? null)}
              clearable
            />
            <Select
              label={t("referrals.report.type")}
              placeholder={t("referrals.report.allTypes")}
              data={TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))}
              value={type ?? null}
              onChange={(v) => setType((v as ReportQuery["type"]) ?? null)}
              clearable
            />
            <TextInput
              type="date"
              label={t("referrals.report.from")}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t("referrals.report.to")}
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <CsvExportMenu
              note={t("referrals.report.csvNote")}
              onExport={(encoding) =>
                download("/api/n/{slug}/admin/referrals/export.csv", {
                  path: { slug },
                  query: { ...q, encoding },
                })
              }
            />
          </Group>
        </Stack>
      </Card>
      {report.data?.incentive.text && (
        <Text size="sm" c="dimmed">
          {t("referrals.refer.incentive", {
            incentive: report.data.incentive.text,
            days: report.data.incentive.days,
          })}
        </Text>
      )}
      {totals && (
        <SimpleGrid cols={{ base: 3, sm: 7 }} spacing="xs" data-testid="referral-totals">
          <Stat label={t("referrals.report.totals.all")} value={totals.all} />
          <Stat label={t("referrals.report.totals.asked")} value={totals.byStatus.asked} />
          <Stat label={t("referrals.report.totals.applied")} value={totals.byStatus.applied} />
          <Stat label={t("referrals.report.totals.declined")} value={totals.byStatus.declined} />
          <Stat label={t("referrals.report.totals.hired")} value={totals.byOutcome.hired} color="teal" />
          <Stat label={t("referrals.report.totals.eligible")} value={totals.eligible} color="orange" />
          <Stat label={t("referrals.report.totals.paid")} value={totals.paid} />
        </SimpleGrid>
      )}
      <ErrorAlert error={error} />
      {report.data?.truncated && (
        <Text size="sm" c="orange">
          {t("referrals.report.truncated")}
        </Text>
      )}
      <ListTable
        error={report.error}
        loading={report.isLoading}
        count={report.data ? items.length : undefined}
        empty={t("referrals.report.empty")}
        skeletonHeight={200}
        minWidth={880}
        head={
          <>
            <Table.Th>{t("referrals.report.columns.date")}</Table.Th>
            <Table.Th>{t("referrals.report.columns.posting")}</Table.Th>
            <Table.Th>{t("referrals.report.columns.referrer")}</Table.Th>
            <Table.Th>{t("referrals.report.columns.alumna")}</Table.Th>
            <Table.Th>{t("referrals.report.columns.status")}</Table.Th>
            <Table.Th>{t("referrals.report.columns.incentive")}</Table.Th>
          </>
        }
        cards={
          <Stack gap="xs">
            {items.map((r) => (
              <Card key={r.id} withBorder radius="md" padding="sm">
                <Stack gap={4}>
                  <Anchor component={Link} to={`/n/${slug}/opportunities/${r.opportunity.id}`} fw={600}>
                    {r.opportunity.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {formatDate(r.createdAt)} · {r.referrer.name} → {r.alumna.name}
                  </Text>
                  <ReferralBadges r={r} />
                  <Group justify="space-between">
                    <IncentiveLine r={r} />
                    {payButton(r)}
                  </Group>
                </Stack>
              </Card>
            ))}
          </Stack>
        }
      >
        {items.map((r) => (
          <Table.Tr key={r.id} data-testid="referral-row">
            <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(r.createdAt)}</Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/n/${slug}/opportunities/${r.opportunity.id}`} size="sm">
                {r.opportunity.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t(`types.${r.opportunity.type}`)}
              </Text>
            </Table.Td>
            <Table.Td style={{ whiteSpace: "nowrap" }}>{r.referrer.name}</Table.Td>
            <Table.Td>
              {r.alumna.name}
              <Text size="xs" c="dimmed">
                {t(`referrals.relationships.${r.relationship}`)}
              </Text>
            </Table.Td>
            <Table.Td>
              <ReferralBadges r={r} />
            </Table.Td>
            <Table.Td>
              <Stack gap={4}>
                <IncentiveLine r={r} />
                {payButton(r)}
              </Stack>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  );
}

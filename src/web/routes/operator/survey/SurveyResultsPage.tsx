import "@mantine/charts/styles.css";
import { BarChart } from "@mantine/charts";
import { Card, Group, Paper, Progress, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { RequireOperator } from "../../../components/RequireRole.tsx";
import { surveySummary, surveySummaryKeys } from "./queries.ts";
import "../i18n.ts";
import { dateCell, formatNumber } from "../format.ts";
import type { Count } from "../types.ts";

type Bar = { label: string; count: number };

function Chart({ title, data, horizontal = true }: { title: string; data: Bar[]; horizontal?: boolean }) {
  const { t } = useTranslation("operator");
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {data.length === 0 ? (
        <Text size="sm" c="dimmed">
          —
        </Text>
      ) : (
        <div
          role="img"
          aria-label={`${t("survey.chartLabel", { title })}: ${data.map((d) => `${d.label} ${d.count}`).join(", ")}`}
        >
          <BarChart
            h={horizontal ? Math.max(120, data.length * 30 + 30) : 220}
            data={data}
            dataKey="label"
            orientation={horizontal ? "vertical" : "horizontal"}
            series={[{ name: "count", label: t("survey.count"), color: "teal.6" }]}
            withBarValueLabel
            valueFormatter={(v) => formatNumber(v)}
            barChartProps={{ margin: { right: 32, top: 16 } }}
            gridAxis="none"
            tickLine="none"
            yAxisProps={horizontal ? { width: 150 } : undefined}
            xAxisProps={horizontal ? { hide: true } : undefined}
            maxBarWidth={28}
          />
        </div>
      )}
    </Card>
  );
}

function TextList({ title, items }: { title: string; items: { text: string; submittedAt: string }[] }) {
  const { t } = useTranslation("operator");
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h5">
        {title}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t("survey.commentsNote")}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("survey.noComments")}
        </Text>
      ) : (
        <Stack gap="xs" mah={480} style={{ overflowY: "auto" }}>
          {items.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: comments are anonymous and may repeat
            <Paper key={i} withBorder p="xs" radius="sm">
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {c.text}
              </Text>
              <Text size="xs" c="dimmed" ta="right">
                {dateCell(c.submittedAt)}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function Results({ slug }: { slug: string }) {
  const { t } = useTranslation("operator");
  const { t: tl } = useTranslation("profileLabels");
  const q = useQuery({
    queryKey: surveySummaryKeys.detail(slug),
    queryFn: () => surveySummary(slug),
  });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Skeleton h={300} />;
  const s = q.data;
  const rate = s.members > 0 ? Math.round((s.responses / s.members) * 1000) / 10 : 0;
  /** Counts with labels, plus "no answer" for single-choice questions. */
  const bars = (counts: Count[], label: (v: string) => string, single: boolean): Bar[] => {
    const out = counts.map((c) => ({ label: label(c.value), count: c.count }));
    const answered = counts.reduce((n, c) => n + c.count, 0);
    if (single && s.responses > answered)
      out.push({ label: t("survey.unanswered"), count: s.responses - answered });
    return out;
  };
  const decades = [...s.byJoinDecade].sort((a, b) => Number(a.value) - Number(b.value));
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Card withBorder padding="md">
          <Text size="sm" c="dimmed">
            {t("survey.responses")}
          </Text>
          <Text fz={28} fw={700}>
            {formatNumber(s.responses)}
          </Text>
        </Card>
        <Card withBorder padding="md">
          <Text size="sm" c="dimmed">
            {t("survey.members")}
          </Text>
          <Text fz={28} fw={700}>
            {formatNumber(s.members)}
          </Text>
        </Card>
        <Card withBorder padding="md">
          <Group justify="space-between" align="baseline">
            <Text size="sm" c="dimmed">
              {t("survey.rate")}
            </Text>
            <Text fz={28} fw={700}>
              {rate}%
            </Text>
          </Group>
          <Progress value={rate} mt="xs" aria-label={`${t("survey.rate")} ${rate}%`} />
        </Card>
      </SimpleGrid>
      {s.responses === 0 ? (
        <Card withBorder padding="lg">
          <Text size="sm" c="dimmed">
            {t("survey.noResponses")}
          </Text>
        </Card>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Chart
              title={t("survey.byIndustry")}
              data={bars(s.byIndustry, (v) => tl(`industries.${v}`, { defaultValue: v }), true)}
            />
            <Chart
              title={t("survey.byJobType")}
              data={bars(s.byJobType, (v) => tl(`jobTypes.${v}`, { defaultValue: v }), true)}
            />
            <Chart
              title={t("survey.byInterest")}
              data={bars(s.byInterest, (v) => tl(`interests.${v}`, { defaultValue: v }), false)}
            />
            <Chart
              title={t("survey.byJoinDecade")}
              horizontal={false}
              data={bars(decades, (v) => t("survey.decade", { year: v }), true)}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <TextList title={t("survey.comments")} items={s.comments} />
            {s.interestOthers && <TextList title={t("survey.interestOthers")} items={s.interestOthers} />}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

export default function SurveyResultsPage() {
  const { t } = useTranslation("operator");
  return (
    <RequireOperator>
      {(network) => (
        <Stack gap={0} maw={1200}>
          <PageTitle title={t("survey.title")} subtitle={t("survey.description")} />
          <Results slug={network.slug} />
        </Stack>
      )}
    </RequireOperator>
  );
}

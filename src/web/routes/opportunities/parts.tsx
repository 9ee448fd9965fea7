// Pieces shared by the opportunities pages: the badges (type, kind, work style, status, stale), the
// money lines (salary range, fee per unit), the card of the list and the 募集要項 table — the
// items the law asks a posting to state, shown the same on the posting's page and in the form's
// preview.
import { Anchor, Badge, Card, Group, Stack, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate, formatNumber } from "../../components/format.ts";
import { Markdown } from "../../components/Markdown.tsx";
import "../../components/profileLabels.ts";
import "./i18n.ts";
import type { MatchReason, Opportunity } from "./queries.ts";

/** The content fields the pages show (a posting, or the form's preview of one). */
export type PostingView = Omit<
  Opportunity,
  | "id"
  | "status"
  | "closeReason"
  | "returnReason"
  | "filled"
  | "audience"
  | "postedBy"
  | "revision"
  | "createdAt"
  | "updatedAt"
  | "publishedAt"
  | "confirmedAt"
  | "closedAt"
  | "stale"
  | "hiddenAsStale"
  | "manage"
  | "review"
  | "myApplication"
  | "applications"
  | "fit"
> & { filled?: number };

export function useMoney() {
  const { t, i18n } = useTranslation("opportunities");
  // 7,000,000 → 700万円 in Japanese; ¥7,000,000 in English.
  const yen = (n: number) =>
    i18n.language !== "en" && n >= 10_000 && n % 10_000 === 0
      ? t("yenMan", { value: formatNumber(n / 10_000) })
      : t("yen", { value: formatNumber(n) });
  const range = (min: number | null, max: number | null) =>
    min !== null && max !== null
      ? min === max
        ? yen(min)
        : t("range", { min: yen(min), max: yen(max) })
      : min !== null
        ? t("rangeFrom", { min: yen(min) })
        : max !== null
          ? t("rangeTo", { max: yen(max) })
          : null;
  return {
    salary: (o: Pick<PostingView, "salaryMin" | "salaryMax">) => {
      const r = range(o.salaryMin, o.salaryMax);
      return r ? t("salary", { range: r }) : null;
    },
    fee: (o: Pick<PostingView, "feeMin" | "feeMax" | "feeUnit">) => {
      const r = range(o.feeMin, o.feeMax);
      return r ? (o.feeUnit ? t("fee", { range: r, unit: t(`feeUnits.${o.feeUnit}`) }) : r) : null;
    },
  };
}

export function TypeBadges({ o }: { o: Pick<PostingView, "type" | "kind" | "remote"> }) {
  const { t } = useTranslation("opportunities");
  return (
    <Group gap={6}>
      <Badge color={o.type === "rehire" ? "blue" : "grape"} variant="light">
        {t(`types.${o.type}`)}
      </Badge>
      {o.kind && (
        <Badge color="grape" variant="outline">
          {t(`kinds.${o.kind}`)}
        </Badge>
      )}
      {o.remote && (
        <Badge color="gray" variant="light">
          {t(`remote.${o.remote}`)}
        </Badge>
      )}
    </Group>
  );
}

export function StatusBadges({ o }: { o: Opportunity }) {
  const { t } = useTranslation("opportunities");
  return (
    <Group gap={6}>
      {o.status !== "open" && (
        <Badge
          color={o.status === "closed" ? "gray" : o.status === "returned" ? "red" : "yellow"}
          variant="filled"
        >
          {t(`status.${o.status}`)}
        </Badge>
      )}
      {o.stale && (
        <Badge color={o.hiddenAsStale ? "red" : "orange"} variant="light" data-testid="stale-badge">
          {o.hiddenAsStale ? t("staleHidden") : t("stale")}
        </Badge>
      )}
      {o.myApplication && (
        <Badge color="teal" variant="light">
          {t("applied")}
        </Badge>
      )}
    </Group>
  );
}

/** A reason as the viewer reads it ("スキル: Excel, 営業資料", "元営業本部", "業務委託に関心あり"). */
export function useReasonText() {
  const { t } = useTranslation("opportunities");
  const { t: tl } = useTranslation("profileLabels");
  return (r: MatchReason) => {
    switch (r.kind) {
      case "skills":
        return t("matches.reason.skills", { labels: r.labels.join(", ") });
      case "department":
        return t("matches.reason.department", { label: r.label });
      case "jobType":
        return t("matches.reason.jobType", { label: tl(`jobTypes.${r.code}`) });
      case "openTo":
        return t("matches.reason.openTo", { label: tl(`openTo.${r.code}`) });
      case "location":
        return t("matches.reason.location", { label: r.label });
      case "tenure":
        return t("matches.reason.tenure", { count: r.years });
    }
  };
}

export function Reasons({ reasons }: { reasons: MatchReason[] }) {
  const text = useReasonText();
  return (
    <Group gap={6}>
      {reasons.map((r) => (
        <Badge key={r.kind} variant="light" color={r.kind === "skills" ? "teal" : "gray"} tt="none" fw={500}>
          {text(r)}
        </Badge>
      ))}
    </Group>
  );
}

export function PostingCard({ slug, o }: { slug: string; o: Opportunity }) {
  const { t } = useTranslation("opportunities");
  const money = useMoney();
  const pay = o.type === "rehire" ? money.salary(o) : money.fee(o);
  return (
    <Card withBorder radius="md" padding="md" data-testid="opportunity-card">
      <Stack gap={6} h="100%">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <TypeBadges o={o} />
          <StatusBadges o={o} />
        </Group>
        <Anchor component={Link} to={`/n/${slug}/opportunities/${o.id}`} fw={700} size="lg" c="inherit">
          {o.title}
        </Anchor>
        {pay && (
          <Text size="sm" fw={600}>
            {pay}
          </Text>
        )}
        {(o.department || o.location) && (
          <Text size="sm" c="dimmed" lineClamp={1}>
            {[o.department, o.location].filter(Boolean).join(" · ")}
          </Text>
        )}
        {o.fit && o.fit.reasons.length > 0 && <Reasons reasons={o.fit.reasons} />}
        {o.skills.length > 0 && (
          <Group gap={4}>
            {o.skills.slice(0, 5).map((s) => (
              <Badge key={s} size="sm" variant="default" radius="sm" tt="none">
                {s}
              </Badge>
            ))}
          </Group>
        )}
        <Group justify="space-between" mt="auto" pt="xs" gap="xs">
          <Text size="xs" c="dimmed">
            {[
              o.closesOn ? t("closesOn", { date: formatDate(o.closesOn) }) : null,
              t("updated", { date: formatDate(o.updatedAt) }),
              o.applications !== null ? t("applications", { count: o.applications }) : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <Table.Tr>
      <Table.Th w={{ base: 120, sm: 200 }} style={{ verticalAlign: "top" }}>
        <Text size="sm" fw={600}>
          {label}
        </Text>
      </Table.Th>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** 募集要項: every item of the posting's type, in the order the law lists them. */
export function PostingDetails({ o }: { o: PostingView }) {
  const { t } = useTranslation("opportunities");
  const { t: tl } = useTranslation("profileLabels");
  const money = useMoney();
  const period =
    o.periodStart || o.periodEnd
      ? `${formatDate(o.periodStart) || "—"} 〜 ${formatDate(o.periodEnd) || "—"}`
      : null;
  return (
    <Stack gap="sm">
      {o.description && (
        <div>
          <Text fw={700} mb={4}>
            {t("items.description")}
          </Text>
          <Markdown>{o.description}</Markdown>
        </div>
      )}
      <Text fw={700}>{t("items.heading")}</Text>
      <Table withTableBorder withRowBorders layout="fixed" data-testid="posting-details">
        <Table.Tbody>
          <Row label={t("items.department")}>{o.department}</Row>
          <Row label={t("items.jobType")}>{o.jobType ? tl(`jobTypes.${o.jobType}`) : null}</Row>
          {o.type === "rehire" ? (
            <>
              <Row label={t("items.employmentType")}>
                {o.employmentType ? t(`employment.${o.employmentType}`) : null}
              </Row>
              <Row label={t("items.fixedTerm")}>
                {o.fixedTerm ? t("items.fixedTermYes") : t("items.fixedTermNo")}
              </Row>
              <Row label={t("items.renewalBasis")}>{o.fixedTerm ? o.renewalBasis : null}</Row>
              <Row label={t("items.renewalCap")}>{o.fixedTerm ? o.renewalCap : null}</Row>
              <Row label={t("items.location")}>{o.location}</Row>
              <Row label={t("items.remote")}>{o.remote ? t(`remote.${o.remote}`) : null}</Row>
              <Row label={t("items.changeScopeDuties")}>{o.changeScopeDuties}</Row>
              <Row label={t("items.changeScopeWorkplace")}>{o.changeScopeWorkplace}</Row>
              <Row label={t("items.hours")}>{o.hours}</Row>
              <Row label={t("items.salary")}>{money.salary(o)}</Row>
              <Row label={t("items.salaryNote")}>{o.salaryNote}</Row>
              <Row label={t("items.trialPeriod")}>{o.trialPeriod}</Row>
            </>
          ) : (
            <>
              <Row label={t("items.remote")}>{o.remote ? t(`remote.${o.remote}`) : null}</Row>
              <Row label={t("items.place")}>{o.location}</Row>
              <Row label={t("items.period")}>{period}</Row>
              <Row label={t("items.expectedHours")}>{o.expectedHours}</Row>
              <Row label={t("items.fee")}>{money.fee(o)}</Row>
              <Row label={t("items.terminationTerms")}>{o.terminationTerms}</Row>
            </>
          )}
          <Row label={t("items.skills")}>{o.skills.length ? o.skills.join("、") : null}</Row>
          <Row label={t("items.openings")}>{String(o.openings)}</Row>
          <Row label={t("items.howToApply")}>{o.howToApply}</Row>
          <Row label={t("items.recruiter")}>
            {[o.recruiterName, o.recruiterContact].filter(Boolean).join("\n") || null}
          </Row>
          <Row label={t("items.closesOn")}>{o.closesOn ? formatDate(o.closesOn) : null}</Row>
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

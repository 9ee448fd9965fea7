// 募集: the open postings the member may see, with filters (type, kind, work style, fee range,
// skill) and a Japanese keyword search; employees and operators also see their own postings, and
// operators the approval queue, every posting and the network's posting settings.
import {
  Anchor,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Tabs,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { formatDate } from "../../components/format.ts";
import { MemberGate } from "../../components/MemberGate.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { useSubmit } from "../../components/useSubmit.ts";
import type { MyNetwork } from "../../session.ts";
import { PostingCard } from "./parts.tsx";
import { MyReferrals, ReceivedReferrals, ReferralsReport } from "./ReferralLists.tsx";
import "./i18n.ts";
import {
  KINDS,
  type ListQuery,
  type Opportunity,
  opportunityKeys,
  REMOTES,
  saveSettings,
  TYPES,
  useAdminOpportunities,
  useMyApplications,
  useOpportunities,
  useSettings,
} from "./queries.ts";

type Tab = "open" | "applications" | "mine" | "pending" | "all" | "referrals" | "settings";

function MyApplications({ slug }: { slug: string }) {
  const { t } = useTranslation("opportunities");
  const list = useMyApplications(slug, true);
  if (list.error) return <ErrorAlert error={list.error} />;
  if (list.isLoading) return <PageLoader />;
  const items = list.data?.items ?? [];
  if (!items.length) return <EmptyState title={t("application.mineEmpty")} />;
  return (
    <Stack gap="sm" data-testid="my-applications">
      {items.map((a) => (
        <Card key={a.id} withBorder radius="md" padding="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2}>
              <Anchor component={Link} to={`/n/${slug}/opportunities/applications/${a.id}`} fw={600}>
                {a.opportunity.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t(`types.${a.opportunity.type}`)} ·{" "}
                {t("application.appliedAt", { date: formatDate(a.createdAt) })}
              </Text>
            </Stack>
            <Badge variant="light" color={a.next.length ? "blue" : "gray"}>
              {t(`stages.${a.stage}`)}
            </Badge>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function Grid({
  slug,
  pages,
  loading,
  error,
  more,
  fetching,
  onMore,
  empty,
}: {
  slug: string;
  pages: { items: Opportunity[] }[] | undefined;
  loading: boolean;
  error: unknown;
  more: boolean;
  fetching: boolean;
  onMore: () => void;
  empty: string;
}) {
  const { t } = useTranslation("ui");
  const items = pages?.flatMap((p) => p.items) ?? [];
  if (error) return <ErrorAlert error={error} />;
  if (loading) return <PageLoader />;
  if (!items.length) return <EmptyState title={empty} />;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {items.map((o) => (
          <PostingCard key={o.id} slug={slug} o={o} />
        ))}
      </SimpleGrid>
      {more && (
        <Group justify="center">
          <Button variant="default" onClick={onMore} loading={fetching}>
            {t("loadMore")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function Find({ slug, mine, alumni }: { slug: string; mine: boolean; alumni: boolean }) {
  const { t } = useTranslation("opportunities");
  // Alumni see what fits them first ("for you"); they can switch to the newest first.
  const [sort, setSort] = useState<"fit" | "recent">(alumni && !mine ? "fit" : "recent");
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [type, setType] = useState<ListQuery["type"] | null>(null);
  const [kind, setKind] = useState<ListQuery["kind"] | null>(null);
  const [remote, setRemote] = useState<ListQuery["remote"] | null>(null);
  const [feeMin, setFeeMin] = useState<number | string>("");
  const [feeMax, setFeeMax] = useState<number | string>("");
  const [skillText, setSkillText] = useState("");
  const [skill] = useDebouncedValue(skillText.trim(), 300);
  const query: ListQuery = {
    scope: mine ? "mine" : "open",
    ...(sort === "fit" ? { sort } : {}),
    ...(q ? { q } : {}),
    ...(type ? { type } : {}),
    ...(kind && type !== "rehire" ? { kind } : {}),
    ...(remote ? { remote } : {}),
    ...(feeMin !== "" && type !== "rehire" ? { feeMin: Number(feeMin) } : {}),
    ...(feeMax !== "" && type !== "rehire" ? { feeMax: Number(feeMax) } : {}),
    ...(skill ? { skill } : {}),
  };
  const list = useOpportunities(slug, query);
  const filtered = Object.keys(query).filter((k) => k !== "sort").length > 1;
  const clear = () => {
    setSearch("");
    setType(null);
    setKind(null);
    setRemote(null);
    setFeeMin("");
    setFeeMax("");
    setSkillText("");
  };
  return (
    <Stack gap="md">
      <Card withBorder radius="md" padding="sm">
        <Stack gap="xs">
          <TextInput
            label={t("filters.q")}
            placeholder={t("filters.qPlaceholder")}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            data-testid="opportunity-search"
          />
          <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="xs">
            <Select
              label={t("filters.type")}
              placeholder={t("filters.allTypes")}
              data={TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))}
              value={type ?? null}
              onChange={(v) => setType((v as ListQuery["type"]) ?? null)}
              clearable
            />
            <Select
              label={t("filters.kind")}
              placeholder={t("filters.allKinds")}
              data={KINDS.map((v) => ({ value: v, label: t(`kinds.${v}`) }))}
              value={kind ?? null}
              onChange={(v) => setKind((v as ListQuery["kind"]) ?? null)}
              disabled={type === "rehire"}
              clearable
            />
            <Select
              label={t("filters.remote")}
              placeholder={t("filters.anyRemote")}
              data={REMOTES.map((v) => ({ value: v, label: t(`remote.${v}`) }))}
              value={remote ?? null}
              onChange={(v) => setRemote((v as ListQuery["remote"]) ?? null)}
              clearable
            />
            <NumberInput
              label={t("filters.feeMin")}
              value={feeMin}
              onChange={setFeeMin}
              min={0}
              thousandSeparator=","
              disabled={type === "rehire"}
            />
            <NumberInput
              label={t("filters.feeMax")}
              value={feeMax}
              onChange={setFeeMax}
              min={0}
              thousandSeparator=","
              disabled={type === "rehire"}
            />
            <TextInput
              label={t("filters.skill")}
              value={skillText}
              onChange={(e) => setSkillText(e.currentTarget.value)}
            />
          </SimpleGrid>
          {(filtered || (alumni && !mine)) && (
            <Group justify={alumni && !mine ? "space-between" : "flex-end"} gap="xs">
              {alumni && !mine && (
                <Group gap="xs">
                  <SegmentedControl
                    size="xs"
                    aria-label={t("forYou.sort")}
                    value={sort}
                    onChange={(v) => setSort(v as "fit" | "recent")}
                    data={[
                      { value: "fit", label: t("forYou.fit") },
                      { value: "recent", label: t("forYou.recent") },
                    ]}
                    data-testid="opportunity-sort"
                  />
                  {sort === "fit" && (
                    <Text size="xs" c="dimmed" visibleFrom="sm">
                      {t("forYou.hint")}
                    </Text>
                  )}
                </Group>
              )}
              {filtered && (
                <Button variant="subtle" size="xs" onClick={clear}>
                  {t("filters.clear")}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </Card>
      <Grid
        slug={slug}
        pages={list.data?.pages}
        loading={list.isLoading}
        error={list.error}
        more={!!list.hasNextPage}
        fetching={list.isFetchingNextPage}
        onMore={() => list.fetchNextPage()}
        empty={filtered ? t("empty") : mine ? t("emptyMine") : t("emptyOpen")}
      />
    </Stack>
  );
}

function Admin({ slug, status }: { slug: string; status?: "pending" }) {
  const { t } = useTranslation("opportunities");
  const list = useAdminOpportunities(slug, status ? { status } : {}, true);
  return (
    <Grid
      slug={slug}
      pages={list.data?.pages}
      loading={list.isLoading}
      error={list.error}
      more={!!list.hasNextPage}
      fetching={list.isFetchingNextPage}
      onMore={() => list.fetchNextPage()}
      empty={t("empty")}
    />
  );
}

function SettingsForm({ slug }: { slug: string }) {
  const { t } = useTranslation("opportunities");
  const qc = useQueryClient();
  const settings = useSettings(slug, true);
  const [approval, setApproval] = useState(false);
  const [days, setDays] = useState<number | string>(14);
  const [bonusDays, setBonusDays] = useState<number | string>(90);
  const [incentive, setIncentive] = useState("");
  const { error, busy, run } = useSubmit();
  useEffect(() => {
    if (settings.data) {
      setApproval(settings.data.approvalRequired);
      setDays(settings.data.reconfirmDays);
      setBonusDays(settings.data.referralBonusDays);
      setIncentive(settings.data.referralIncentive ?? "");
    }
  }, [settings.data]);
  if (settings.isLoading) return <PageLoader />;
  return (
    <Card withBorder radius="md" padding="md" maw={560}>
      <Stack gap="sm">
        <Text fw={700}>{t("settings.title")}</Text>
        <ErrorAlert error={error ?? settings.error} />
        <Switch
          label={t("settings.approval")}
          checked={approval}
          onChange={(e) => setApproval(e.currentTarget.checked)}
        />
        <NumberInput
          label={t("settings.reconfirmDays")}
          description={t("settings.reconfirmHint")}
          value={days}
          onChange={setDays}
          min={1}
          max={90}
        />
        <NumberInput
          label={t("referrals.settings.days")}
          description={t("referrals.settings.daysHint")}
          value={bonusDays}
          onChange={setBonusDays}
          min={1}
          max={365}
        />
        <TextInput
          label={t("referrals.settings.incentive")}
          placeholder={t("referrals.settings.incentivePlaceholder")}
          value={incentive}
          onChange={(e) => setIncentive(e.currentTarget.value)}
          maxLength={200}
        />
        <Group>
          <Button
            loading={busy === "submit"}
            onClick={() =>
              run(async () => {
                await saveSettings(slug, {
                  approvalRequired: approval,
                  reconfirmDays: Number(days) || 14,
                  referralBonusDays: Number(bonusDays) || 90,
                  referralIncentive: incentive.trim() || null,
                });
                notifications.show({ color: "teal", message: t("settings.saved") });
                await qc.invalidateQueries({ queryKey: opportunityKeys.all(slug) });
              })
            }
          >
            {t("settings.save")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Opportunities({ network }: { network: MyNetwork }) {
  const { t } = useTranslation("opportunities");
  const slug = network.slug;
  const [params, setParams] = useSearchParams();
  const mayPost = network.role === "operator" || network.role === "employee";
  const operator = network.role === "operator";
  const tab = (params.get("tab") as Tab | null) ?? "open";
  return (
    <Stack gap="md" maw={1040}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <PageTitle title={t("title")} subtitle={t("subtitle")} />
        {mayPost && (
          <Button component={Link} to={`/n/${slug}/opportunities/new`} data-testid="opportunity-create">
            {t("create")}
          </Button>
        )}
      </Group>
      {!mayPost && (
        <Tabs
          value={tab === "applications" ? "applications" : "open"}
          onChange={(v) => setParams(v && v !== "open" ? { tab: v } : {})}
          keepMounted={false}
        >
          <Tabs.List mb="md">
            <Tabs.Tab value="open">{t("tabs.open")}</Tabs.Tab>
            <Tabs.Tab value="applications" data-testid="tab-applications">
              {t("tabs.applications")}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="open">
            <Find slug={slug} mine={false} alumni={network.role === "alumni"} />
          </Tabs.Panel>
          <Tabs.Panel value="applications">
            <Stack gap="lg">
              <ReceivedReferrals slug={slug} />
              <MyApplications slug={slug} />
            </Stack>
          </Tabs.Panel>
        </Tabs>
      )}
      {mayPost && (
        <Tabs
          value={tab}
          onChange={(v) => setParams(v && v !== "open" ? { tab: v } : {})}
          keepMounted={false}
        >
          <Tabs.List mb="md">
            <Tabs.Tab value="open">{t("tabs.open")}</Tabs.Tab>
            <Tabs.Tab value="mine">{t("tabs.mine")}</Tabs.Tab>
            {operator && <Tabs.Tab value="pending">{t("tabs.pending")}</Tabs.Tab>}
            {operator && <Tabs.Tab value="all">{t("tabs.all")}</Tabs.Tab>}
            <Tabs.Tab value="referrals" data-testid="tab-referrals">
              {operator ? t("referrals.tabReport") : t("referrals.tab")}
            </Tabs.Tab>
            {operator && <Tabs.Tab value="settings">{t("tabs.settings")}</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="open">
            <Find slug={slug} mine={false} alumni={false} />
          </Tabs.Panel>
          <Tabs.Panel value="mine">
            <Find slug={slug} mine alumni={false} />
          </Tabs.Panel>
          <Tabs.Panel value="referrals">
            {operator ? <ReferralsReport slug={slug} /> : <MyReferrals slug={slug} />}
          </Tabs.Panel>
          {operator && (
            <>
              <Tabs.Panel value="pending">
                <Admin slug={slug} status="pending" />
              </Tabs.Panel>
              <Tabs.Panel value="all">
                <Admin slug={slug} />
              </Tabs.Panel>
              <Tabs.Panel value="settings">
                <SettingsForm slug={slug} />
              </Tabs.Panel>
            </>
          )}
        </Tabs>
      )}
    </Stack>
  );
}

export default function OpportunitiesPage() {
  const { slug = "" } = useParams();
  return <MemberGate slug={slug}>{(network) => <Opportunities network={network} />}</MemberGate>;
}

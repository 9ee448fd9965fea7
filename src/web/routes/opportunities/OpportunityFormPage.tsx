// Posting or editing an opening (employees, operators): the type (再雇用 or 業務委託, of kind task or
// mentoring), the work, the items that type must state (grouped: terms of employment, or of the
// engagement; applying), skills, openings, closing date and who sees it (the network, a segment
// for operators, or invited alumni who opted in to offers). A preview shows it as alumni will;
// save as a draft, or publish (an employee's posting may first wait for an operator's approval).
import {
  Alert,
  Badge,
  Button,
  Card,
  CloseButton,
  Group,
  NumberInput,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Tabs,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { client, unwrap } from "../../api/client.ts";
import { ErrorAlert, fieldErrors } from "../../components/ErrorAlert.tsx";
import { MemberGate } from "../../components/MemberGate.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { jobTypeOptions } from "../../components/profileLabels.ts";
import { useSubmit } from "../../components/useSubmit.ts";
import type { MyNetwork } from "../../session.ts";
import { PostingDetails, type PostingView, TypeBadges } from "./parts.tsx";
import "./i18n.ts";
import {
  createOpportunity,
  EMPLOYMENT_TYPES,
  editOpportunity,
  FEE_UNITS,
  KINDS,
  type Opportunity,
  type OpportunityInput,
  opportunityKeys,
  REMOTES,
  useOpportunity,
} from "./queries.ts";

type Fields = Omit<PostingView, "filled">;
type Person = { userId: string; name: string };

const inDays = (days: number) =>
  new Date(Date.now() + 9 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

function initial(o?: Opportunity): Fields {
  return {
    type: o?.type ?? "freelance",
    kind: o?.kind ?? (o ? null : "task"),
    title: o?.title ?? "",
    description: o?.description ?? "",
    department: o?.department ?? null,
    jobType: o?.jobType ?? null,
    employmentType: o?.employmentType ?? null,
    location: o?.location ?? null,
    remote: o?.remote ?? null,
    hours: o?.hours ?? null,
    salaryMin: o?.salaryMin ?? null,
    salaryMax: o?.salaryMax ?? null,
    salaryNote: o?.salaryNote ?? null,
    trialPeriod: o?.trialPeriod ?? null,
    changeScopeDuties: o?.changeScopeDuties ?? null,
    changeScopeWorkplace: o?.changeScopeWorkplace ?? null,
    fixedTerm: o?.fixedTerm ?? false,
    renewalBasis: o?.renewalBasis ?? null,
    renewalCap: o?.renewalCap ?? null,
    periodStart: o?.periodStart ?? null,
    periodEnd: o?.periodEnd ?? null,
    expectedHours: o?.expectedHours ?? null,
    feeMin: o?.feeMin ?? null,
    feeMax: o?.feeMax ?? null,
    feeUnit: o?.feeUnit ?? null,
    terminationTerms: o?.terminationTerms ?? null,
    howToApply: o?.howToApply ?? null,
    recruiterName: o?.recruiterName ?? null,
    recruiterContact: o?.recruiterContact ?? null,
    closesOn: o?.closesOn ?? (o ? null : inDays(14)),
    openings: o?.openings ?? 1,
    skills: o?.skills ?? [],
  };
}

function Invitees({
  slug,
  people,
  onChange,
}: {
  slug: string;
  people: Person[];
  onChange: (p: Person[]) => void;
}) {
  const { t } = useTranslation("opportunities");
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 250);
  const results = useQuery({
    queryKey: ["directory", slug, "opportunity-invite", q],
    enabled: q.length > 0,
    queryFn: () =>
      unwrap(client.GET("/api/n/{slug}/directory", { params: { path: { slug }, query: { q, limit: 8 } } })),
  });
  const chosen = new Set(people.map((p) => p.userId));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t("form.invitees")}
      </Text>
      <Text size="xs" c="dimmed">
        {t("form.inviteeHint")}
      </Text>
      <Group gap={6}>
        {people.map((p) => (
          <Badge
            key={p.userId}
            variant="light"
            tt="none"
            rightSection={
              <CloseButton
                size="xs"
                aria-label={t("form.remove")}
                onClick={() => onChange(people.filter((x) => x.userId !== p.userId))}
              />
            }
          >
            {p.name}
          </Badge>
        ))}
      </Group>
      <TextInput
        placeholder={t("form.inviteeSearch")}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        data-testid="invitee-search"
      />
      {(results.data?.items ?? [])
        .filter((c) => c.role === "alumni" && !chosen.has(c.userId))
        .map((c) => (
          <Group key={c.userId} justify="space-between" wrap="nowrap">
            <Text size="sm">{c.displayName}</Text>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => onChange([...people, { userId: c.userId, name: c.displayName }])}
            >
              {t("form.add")}
            </Button>
          </Group>
        ))}
    </Stack>
  );
}

function OpportunityForm({ network, posting }: { network: MyNetwork; posting?: Opportunity }) {
  const { t } = useTranslation("opportunities");
  const { t: tl } = useTranslation("profileLabels");
  const slug = network.slug;
  const nav = useNavigate();
  const qc = useQueryClient();
  const operator = network.role === "operator";
  const [f, setF] = useState<Fields>(() => initial(posting));
  const set = <K extends keyof Fields>(k: K, v: Fields[K]) => setF((x) => ({ ...x, [k]: v }));
  const text = (k: keyof Fields) => (e: { currentTarget: { value: string } }) =>
    set(k, (e.currentTarget.value || null) as never);
  const num = (k: "salaryMin" | "salaryMax" | "feeMin" | "feeMax") => (v: number | string) =>
    set(k, v === "" ? null : Number(v));
  const [audience, setAudience] = useState<"network" | "segment" | "invited">(
    posting?.audience.type ?? "network",
  );
  const [segmentId, setSegmentId] = useState<string | null>(posting?.audience.segmentId ?? null);
  const [invited, setInvited] = useState<Person[]>(posting?.audience.invited ?? []);
  const [tab, setTab] = useState<string | null>("edit");
  const segments = useQuery({
    queryKey: ["segments", slug],
    enabled: operator,
    queryFn: () => unwrap(client.GET("/api/n/{slug}/segments", { params: { path: { slug } } })),
  });
  const { error, busy, run } = useSubmit<"draft" | "publish">();
  const errs = fieldErrors(error);
  const missing = new Set<string>(
    (error as { code?: string; details?: { missing?: string[] } } | null)?.code ===
      "OPPORTUNITY_REQUIRED_MISSING"
      ? ((error as { details?: { missing?: string[] } }).details?.missing ?? [])
      : [],
  );
  const miss = (item: string) => (missing.has(item) ? t("form.required") : errs[item]);
  const rehire = f.type === "rehire";
  const audienceBody = (): OpportunityInput["audience"] =>
    audience === "segment" && segmentId
      ? { type: "segment", segmentId }
      : audience === "invited"
        ? { type: "invited", userIds: invited.map((p) => p.userId) }
        : { type: "network" };
  const save = (publish: boolean) =>
    run(
      async () => {
        const { type, ...rest } = f;
        let id = posting?.id;
        if (posting) {
          await editOpportunity(slug, posting.id, { ...rest, audience: audienceBody() });
          if (publish && (posting.status === "draft" || posting.status === "returned"))
            await unwrap(
              client.POST("/api/n/{slug}/opportunities/{id}/publish", {
                params: { path: { slug, id: posting.id } },
              }),
            );
        } else {
          const created = await createOpportunity(slug, { type, ...rest, audience: audienceBody(), publish });
          id = created.id;
        }
        notifications.show({ color: "teal", message: t("form.saved") });
        await qc.invalidateQueries({ queryKey: opportunityKeys.all(slug) });
        nav(`/n/${slug}/opportunities/${id}`);
      },
      { as: publish ? "publish" : "draft" },
    );
  const live = posting && posting.status !== "draft" && posting.status !== "returned";
  return (
    <Stack gap="sm" maw={760}>
      <PageTitle title={posting ? t("form.editTitle") : t("form.createTitle")} />
      <Alert variant="light" color="blue">
        {t("form.legalNote")}
      </Alert>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="edit">{t("form.edit")}</Tabs.Tab>
          <Tabs.Tab value="preview" data-testid="opportunity-preview-tab">
            {t("form.preview")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="edit">
          <Stack gap="sm">
            <div>
              <Text size="sm" fw={500} mb={4}>
                {t("form.type")}
              </Text>
              <SegmentedControl
                value={f.type}
                onChange={(v) => set("type", v as Fields["type"])}
                data={[
                  { value: "freelance", label: t("types.freelance") },
                  { value: "rehire", label: t("types.rehire") },
                ]}
                fullWidth
                disabled={!!posting && posting.status !== "draft"}
                data-testid="opportunity-type"
              />
            </div>
            {!rehire && (
              <Radio.Group
                label={t("form.kind")}
                description={t("form.kindHint")}
                value={f.kind ?? ""}
                onChange={(v) => set("kind", v as Fields["kind"])}
                error={miss("kind")}
              >
                <Group mt={4}>
                  {KINDS.map((k) => (
                    <Radio key={k} value={k} label={t(`kinds.${k}`)} data-testid={`kind-${k}`} />
                  ))}
                </Group>
              </Radio.Group>
            )}
            <TextInput
              label={t("form.titleField")}
              value={f.title}
              onChange={(e) => set("title", e.currentTarget.value)}
              maxLength={120}
              required
              error={miss("title")}
              data-testid="opportunity-title-input"
            />
            <Textarea
              label={t("form.description")}
              value={f.description}
              onChange={(e) => set("description", e.currentTarget.value)}
              autosize
              minRows={4}
              maxRows={14}
              maxLength={10000}
              error={miss("description")}
              data-testid="opportunity-description"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t("form.department")}
                description={t("form.departmentHint")}
                value={f.department ?? ""}
                onChange={text("department")}
                maxLength={200}
              />
              <Select
                label={t("form.jobType")}
                description={t("form.jobTypeHint")}
                data={jobTypeOptions(tl)}
                value={f.jobType}
                onChange={(v) => set("jobType", v as Fields["jobType"])}
                clearable
                data-testid="opportunity-job-type"
              />
            </SimpleGrid>
            <Title order={3} size="h5" mt="sm">
              {rehire ? t("form.sectionRehire") : t("form.sectionFreelance")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t("form.remote")}
                data={REMOTES.map((v) => ({ value: v, label: t(`remote.${v}`) }))}
                value={f.remote}
                onChange={(v) => set("remote", v as Fields["remote"])}
                error={miss("remote")}
                data-testid="opportunity-remote"
              />
              <TextInput
                label={rehire ? t("form.location") : t("form.place")}
                value={f.location ?? ""}
                onChange={text("location")}
                maxLength={200}
                error={miss("location")}
              />
            </SimpleGrid>
            {rehire ? (
              <>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <Select
                    label={t("form.employmentType")}
                    data={EMPLOYMENT_TYPES.map((v) => ({ value: v, label: t(`employment.${v}`) }))}
                    value={f.employmentType}
                    onChange={(v) => set("employmentType", v as Fields["employmentType"])}
                    error={miss("employmentType")}
                  />
                  <TextInput
                    label={t("form.trialPeriod")}
                    value={f.trialPeriod ?? ""}
                    onChange={text("trialPeriod")}
                    error={miss("trialPeriod")}
                  />
                </SimpleGrid>
                <Textarea
                  label={t("form.hours")}
                  value={f.hours ?? ""}
                  onChange={text("hours")}
                  autosize
                  minRows={2}
                  error={miss("hours")}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <NumberInput
                    label={t("form.salaryMin")}
                    value={f.salaryMin ?? ""}
                    onChange={num("salaryMin")}
                    min={0}
                    thousandSeparator=","
                    error={miss("salary")}
                  />
                  <NumberInput
                    label={t("form.salaryMax")}
                    value={f.salaryMax ?? ""}
                    onChange={num("salaryMax")}
                    min={0}
                    thousandSeparator=","
                  />
                </SimpleGrid>
                <TextInput
                  label={t("form.salaryNote")}
                  value={f.salaryNote ?? ""}
                  onChange={text("salaryNote")}
                />
                <Text size="xs" c="dimmed">
                  {t("form.changeScopeHint")}
                </Text>
                <Textarea
                  label={t("form.changeScopeDuties")}
                  value={f.changeScopeDuties ?? ""}
                  onChange={text("changeScopeDuties")}
                  autosize
                  minRows={2}
                  error={miss("changeScopeDuties")}
                />
                <Textarea
                  label={t("form.changeScopeWorkplace")}
                  value={f.changeScopeWorkplace ?? ""}
                  onChange={text("changeScopeWorkplace")}
                  autosize
                  minRows={2}
                  error={miss("changeScopeWorkplace")}
                />
                <Switch
                  label={t("form.fixedTerm")}
                  checked={f.fixedTerm}
                  onChange={(e) => set("fixedTerm", e.currentTarget.checked)}
                />
                {f.fixedTerm && (
                  <>
                    <Textarea
                      label={t("form.renewalBasis")}
                      value={f.renewalBasis ?? ""}
                      onChange={text("renewalBasis")}
                      autosize
                      minRows={2}
                      error={miss("renewalBasis")}
                    />
                    <TextInput
                      label={t("form.renewalCap")}
                      value={f.renewalCap ?? ""}
                      onChange={text("renewalCap")}
                      error={miss("renewalCap")}
                    />
                  </>
                )}
              </>
            ) : (
              <>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput
                    type="date"
                    label={t("form.periodStart")}
                    data-testid="opportunity-period-start"
                    value={f.periodStart ?? ""}
                    onChange={text("periodStart")}
                    error={miss("period")}
                  />
                  <TextInput
                    type="date"
                    label={t("form.periodEnd")}
                    data-testid="opportunity-period-end"
                    value={f.periodEnd ?? ""}
                    onChange={text("periodEnd")}
                  />
                </SimpleGrid>
                <TextInput
                  label={t("form.expectedHours")}
                  value={f.expectedHours ?? ""}
                  onChange={text("expectedHours")}
                  error={miss("expectedHours")}
                  data-testid="opportunity-hours"
                />
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                  <NumberInput
                    label={t("form.feeMin")}
                    value={f.feeMin ?? ""}
                    onChange={num("feeMin")}
                    min={0}
                    thousandSeparator=","
                    error={miss("fee")}
                    data-testid="opportunity-fee-min"
                  />
                  <NumberInput
                    label={t("form.feeMax")}
                    value={f.feeMax ?? ""}
                    onChange={num("feeMax")}
                    min={0}
                    thousandSeparator=","
                  />
                  <Select
                    label={t("form.feeUnit")}
                    data={FEE_UNITS.map((v) => ({ value: v, label: t(`feeUnits.${v}`) }))}
                    value={f.feeUnit}
                    onChange={(v) => set("feeUnit", v as Fields["feeUnit"])}
                    data-testid="opportunity-fee-unit"
                  />
                </SimpleGrid>
                <Textarea
                  label={t("form.terminationTerms")}
                  value={f.terminationTerms ?? ""}
                  onChange={text("terminationTerms")}
                  autosize
                  minRows={2}
                  error={miss("terminationTerms")}
                  data-testid="opportunity-termination"
                />
              </>
            )}
            <TagsInput
              label={t("form.skills")}
              description={t("form.skillsHint")}
              value={f.skills}
              onChange={(v) => set("skills", v.slice(0, 20))}
              maxTags={20}
              data-testid="opportunity-skills"
            />
            <Title order={3} size="h5" mt="sm">
              {t("form.sectionApply")}
            </Title>
            <Textarea
              label={t("form.howToApply")}
              value={f.howToApply ?? ""}
              onChange={text("howToApply")}
              autosize
              minRows={2}
              error={miss("howToApply")}
              data-testid="opportunity-how"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t("form.recruiterName")}
                value={f.recruiterName ?? ""}
                onChange={text("recruiterName")}
                error={miss("recruiter")}
                data-testid="opportunity-recruiter"
              />
              <TextInput
                label={t("form.recruiterContact")}
                value={f.recruiterContact ?? ""}
                onChange={text("recruiterContact")}
                maxLength={300}
                data-testid="opportunity-contact"
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                type="date"
                label={t("form.closesOn")}
                value={f.closesOn ?? ""}
                onChange={text("closesOn")}
                error={miss("closesOn")}
              />
              <NumberInput
                label={t("form.openings")}
                value={f.openings}
                onChange={(v) => set("openings", Number(v) || 1)}
                min={1}
                max={1000}
              />
            </SimpleGrid>
            <Radio.Group
              label={t("form.audience")}
              value={audience}
              onChange={(v) => setAudience(v as typeof audience)}
            >
              <Stack gap={6} mt={4}>
                <Radio value="network" label={t("form.audienceNetwork")} />
                {operator && <Radio value="segment" label={t("form.audienceSegment")} />}
                <Radio value="invited" label={t("form.audienceInvited")} />
              </Stack>
            </Radio.Group>
            {audience === "segment" && (
              <Select
                label={t("form.segment")}
                data={(segments.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
                value={segmentId}
                onChange={setSegmentId}
              />
            )}
            {audience === "invited" && <Invitees slug={slug} people={invited} onChange={setInvited} />}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="preview">
          <Card withBorder radius="md" padding="md" data-testid="opportunity-preview">
            <Stack gap="sm">
              <TypeBadges o={f} />
              <Title order={2} size="h3">
                {f.title || "—"}
              </Title>
              <PostingDetails o={f} />
            </Stack>
          </Card>
        </Tabs.Panel>
      </Tabs>
      <ErrorAlert error={error} />
      <Group justify="flex-end" gap="xs">
        {!live && (
          <Button
            variant="default"
            loading={busy === "draft"}
            onClick={() => save(false)}
            data-testid="opportunity-save-draft"
          >
            {t("form.saveDraft")}
          </Button>
        )}
        <Button loading={busy === "publish"} onClick={() => save(!live)} data-testid="opportunity-save">
          {live ? t("form.save") : t("form.publish")}
        </Button>
      </Group>
    </Stack>
  );
}

function EditForm({ network, id }: { network: MyNetwork; id: string }) {
  const q = useOpportunity(network.slug, id);
  if (q.isLoading) return <PageLoader />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  return <OpportunityForm network={network} posting={q.data} />;
}

export default function OpportunityFormPage() {
  const { slug = "", id } = useParams();
  return (
    <MemberGate slug={slug}>
      {(network) => (id ? <EditForm network={network} id={id} /> : <OpportunityForm network={network} />)}
    </MemberGate>
  );
}

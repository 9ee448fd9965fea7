// A posting's page: its type and status, "last updated", the work (Markdown) and every item its
// type must state (募集要項), who posted it; for its poster and the operators, the tools — edit,
// publish or ask for approval, close, reopen, reconfirm it as current, duplicate, the history —
// and for operators approving or returning an employee's posting.
import {
  Alert,
  Anchor,
  Button,
  Card,
  Grid,
  Group,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ConfirmModal } from "../../components/ConfirmModal.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { formatDate, formatDateTime } from "../../components/format.ts";
import { MemberGate } from "../../components/MemberGate.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { useSubmit } from "../../components/useSubmit.ts";
import type { MyNetwork } from "../../session.ts";
import { ApplyBox } from "./ApplyBox.tsx";
import { Board } from "./Board.tsx";
import { Matches } from "./Matches.tsx";
import { PostingDetails, StatusBadges, TypeBadges } from "./parts.tsx";
import { ReferralBox } from "./ReferralBox.tsx";
import { ReferralInvite } from "./ReferralInvite.tsx";
import "./i18n.ts";
import {
  type Action,
  act,
  duplicateOpportunity,
  type Opportunity,
  opportunityKeys,
  returnOpportunity,
  useOpportunity,
  useRevisions,
  useSettings,
} from "./queries.ts";

function History({ slug, o }: { slug: string; o: Opportunity }) {
  const { t } = useTranslation("opportunities");
  const [open, setOpen] = useState(false);
  const revisions = useRevisions(slug, o.id, open);
  return (
    <Stack gap="xs">
      <Anchor component="button" size="sm" onClick={() => setOpen((v) => !v)} ta="left">
        {t("manage.history")}（{o.revision}）
      </Anchor>
      {open && revisions.data && (
        <Timeline bulletSize={12} lineWidth={2}>
          {revisions.data.items.map((r) => (
            <Timeline.Item key={r.revision}>
              <Text size="xs" c="dimmed">
                {t("manage.revision", {
                  n: r.revision,
                  date: formatDateTime(r.editedAt),
                  name: r.editedBy?.name ?? "—",
                })}
              </Text>
              <Text size="sm">{String(r.content.title ?? "")}</Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}

function Manage({ network, o }: { network: MyNetwork; o: Opportunity }) {
  const { t } = useTranslation("opportunities");
  const slug = network.slug;
  const qc = useQueryClient();
  const nav = useNavigate();
  const operator = network.role === "operator";
  const settings = useSettings(slug, operator);
  const [confirmClose, setConfirmClose] = useState(false);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState("");
  const { error, busy, run } = useSubmit<Action | "duplicate" | "return">();
  const refresh = () => qc.invalidateQueries({ queryKey: opportunityKeys.all(slug) });
  const doAct = (action: Action, message: string) =>
    run(
      async () => {
        const out = await act(slug, o.id, action);
        notifications.show({
          color: "teal",
          message: action === "publish" && out?.status === "pending" ? t("manage.submitted") : message,
        });
        await refresh();
      },
      { as: action },
    );
  return (
    <Card withBorder radius="md" padding="md" data-testid="opportunity-manage">
      <Stack gap="sm">
        <Title order={4}>{t("manage.title")}</Title>
        <ErrorAlert error={error} />
        {o.status === "returned" && o.returnReason && (
          <Alert color="red" variant="light">
            {t("manage.returnedBecause", { reason: o.returnReason })}
          </Alert>
        )}
        {o.stale && (
          <Alert color={o.hiddenAsStale ? "red" : "orange"} variant="light" data-testid="stale-alert">
            {t("staleHint", { days: settings.data?.reconfirmDays ?? 14 })}
          </Alert>
        )}
        <Group gap="xs" wrap="wrap">
          <Button variant="light" component={Link} to={`/n/${slug}/opportunities/${o.id}/edit`}>
            {t("manage.edit")}
          </Button>
          {(o.status === "draft" || o.status === "returned") && (
            <Button
              loading={busy === "publish"}
              onClick={() => doAct("publish", t("manage.published"))}
              data-testid="opportunity-publish"
            >
              {t("manage.publish")}
            </Button>
          )}
          {o.status === "open" && (
            <Button
              variant={o.stale ? "filled" : "default"}
              color={o.stale ? "orange" : undefined}
              loading={busy === "reconfirm"}
              onClick={() => doAct("reconfirm", t("manage.reconfirmed"))}
              data-testid="opportunity-reconfirm"
            >
              {t("manage.reconfirm")}
            </Button>
          )}
          {(o.status === "open" || o.status === "pending") && (
            <Button variant="default" color="red" onClick={() => setConfirmClose(true)}>
              {t("manage.close")}
            </Button>
          )}
          {o.status === "closed" && (
            <Button
              variant="default"
              loading={busy === "reopen"}
              onClick={() => doAct("reopen", t("manage.reopened"))}
            >
              {t("manage.reopen")}
            </Button>
          )}
          <Button
            variant="subtle"
            loading={busy === "duplicate"}
            onClick={() =>
              run(
                async () => {
                  const copy = await duplicateOpportunity(slug, o.id);
                  notifications.show({ color: "teal", message: t("manage.duplicated") });
                  await refresh();
                  nav(`/n/${slug}/opportunities/${copy.id}/edit`);
                },
                { as: "duplicate" },
              )
            }
          >
            {t("manage.duplicate")}
          </Button>
        </Group>
        {operator && o.status === "pending" && (
          <Stack gap="xs">
            <Group gap="xs">
              <Button
                color="teal"
                loading={busy === "approve"}
                onClick={() => doAct("approve", t("manage.approved"))}
                data-testid="opportunity-approve"
              >
                {t("manage.approve")}
              </Button>
              <Button variant="default" onClick={() => setReturning((v) => !v)}>
                {t("manage.return")}
              </Button>
            </Group>
            {returning && (
              <Stack gap="xs">
                <Textarea
                  label={t("manage.returnReason")}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  autosize
                  minRows={2}
                  maxLength={1000}
                />
                <Group>
                  <Button
                    color="red"
                    disabled={!reason.trim()}
                    loading={busy === "return"}
                    onClick={() =>
                      run(
                        async () => {
                          await returnOpportunity(slug, o.id, reason.trim());
                          notifications.show({ color: "teal", message: t("manage.returned") });
                          setReturning(false);
                          await refresh();
                        },
                        { as: "return" },
                      )
                    }
                  >
                    {t("manage.return")}
                  </Button>
                </Group>
              </Stack>
            )}
          </Stack>
        )}
        <History slug={slug} o={o} />
      </Stack>
      <ConfirmModal
        opened={confirmClose}
        onClose={() => setConfirmClose(false)}
        title={t("manage.close")}
        message={t("manage.closeConfirm")}
        confirmLabel={t("manage.close")}
        loading={busy === "close"}
        onConfirm={() => {
          setConfirmClose(false);
          doAct("close", t("manage.closed"));
        }}
      />
    </Card>
  );
}

function OpportunityView({ network, id }: { network: MyNetwork; id: string }) {
  const { t } = useTranslation("opportunities");
  const slug = network.slug;
  const q = useOpportunity(slug, id);
  if (q.isLoading) return <PageLoader />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const o = q.data;
  const audience =
    o.audience.type === "network"
      ? t("audience.network")
      : o.audience.type === "segment"
        ? t("audience.segment", { name: o.audience.segmentName ?? "—" })
        : o.audience.invited
          ? t("audience.invited", { count: o.audience.invited.length })
          : t("audience.invitedSelf");
  return (
    <Stack gap="md" maw={1040}>
      <Anchor component={Link} to={`/n/${slug}/opportunities`} size="sm">
        ← {t("back")}
      </Anchor>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: o.manage ? 2 : 1, md: 1 }}>
          <Stack gap="md">
            <Stack gap={6}>
              <Group justify="space-between" gap="xs">
                <TypeBadges o={o} />
                <StatusBadges o={o} />
              </Group>
              <Title order={2} size="h3" data-testid="opportunity-title">
                {o.title}
              </Title>
              <Text size="sm" c="dimmed">
                {[
                  t("updated", { date: formatDate(o.updatedAt) }),
                  o.closesOn ? t("closesOn", { date: formatDate(o.closesOn) }) : null,
                  t("postedBy", { name: o.postedBy.name }),
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </Text>
              {o.status === "closed" && o.closeReason && (
                <Text size="sm" c="dimmed">
                  {t(`closeReasons.${o.closeReason}`)}
                </Text>
              )}
            </Stack>
            {network.role === "alumni" && <ReferralInvite slug={slug} o={o} />}
            <PostingDetails o={o} />
            {o.review && <Board slug={slug} o={o} />}
            {o.review && <Matches slug={slug} o={o} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: o.manage ? 1 : 2, md: 2 }}>
          <Stack gap="md">
            {network.role === "alumni" && <ApplyBox slug={slug} o={o} />}
            {o.manage && <Manage network={network} o={o} />}
            {network.role !== "alumni" && o.status === "open" && !o.hiddenAsStale && (
              <ReferralBox slug={slug} o={o} />
            )}
            <Card withBorder radius="md" padding="md">
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  {t("form.audience")}
                </Text>
                <Text size="sm">{audience}</Text>
                <Text size="sm" c="dimmed">
                  {t("openings", { count: o.openings, filled: o.filled })}
                </Text>
                {o.applications !== null && (
                  <Text size="sm" c="dimmed">
                    {t("applications", { count: o.applications })}
                  </Text>
                )}
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export default function OpportunityPage() {
  const { slug = "", id = "" } = useParams();
  return <MemberGate slug={slug}>{(network) => <OpportunityView network={network} id={id} />}</MemberGate>;
}

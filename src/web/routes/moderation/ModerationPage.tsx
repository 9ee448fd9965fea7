// 通報・モデレーション (operators): the open cases, one per reported post, comment or message, with
// the reports, the content and its author; the history of resolved ones; the automatic hiding
// threshold. Every action asks for a reason (for a warning: the words the author receives).

import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "../../components/dates.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { RequireOperator } from "../../components/RequireRole.tsx";
import { feedKeys } from "../feed/queries.ts";
import {
  actOn,
  type Case,
  type ModerationAction,
  moderationKeys,
  saveModerationSettings,
  useModerationSettings,
  useQueue,
} from "./queries.ts";
import "./i18n.ts";

const ACTION_COLOR: Record<ModerationAction, string> = {
  dismiss: "gray",
  hide: "orange",
  restore: "teal",
  warn: "yellow",
  suspend: "red",
};

function ActionModal({
  slug,
  kase,
  action,
  onClose,
}: {
  slug: string;
  kase: Case;
  action: ModerationAction | null;
  onClose: () => void;
}) {
  const { t } = useTranslation("moderation");
  const qc = useQueryClient();
  const [reason, setReason] = useState("");
  const run = useMutation({
    mutationFn: () => actOn(slug, kase.id, action!, reason.trim()),
    onSuccess: async () => {
      notifications.show({ color: "teal", message: t("actions.done") });
      setReason("");
      onClose();
      await qc.invalidateQueries({ queryKey: moderationKeys.all(slug) });
      await qc.invalidateQueries({ queryKey: feedKeys.all(slug) });
    },
  });
  return (
    <Modal opened={!!action} onClose={onClose} title={action ? t(`actions.titles.${action}`) : ""}>
      {action && (
        <Stack gap="sm">
          <Text size="sm">{t(`actions.help.${action}`)}</Text>
          <Textarea
            label={t(action === "warn" ? "actions.warnMessage" : "actions.reason")}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
          />
          <ErrorAlert error={run.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} mih={44}>
              {t("actions.cancel")}
            </Button>
            <Button
              color={ACTION_COLOR[action]}
              onClick={() => run.mutate()}
              loading={run.isPending}
              disabled={!reason.trim()}
              mih={44}
            >
              {t("actions.confirm")}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function StateBadge({ c }: { c: Case }) {
  const { t } = useTranslation("moderation");
  if (!c.content)
    return (
      <Badge color="gray" variant="light">
        {t("queue.gone")}
      </Badge>
    );
  if (c.content.hidden)
    return (
      <Badge color="yellow" variant="filled">
        {c.autoHidden ? t("queue.autoHidden") : t("queue.hidden")}
      </Badge>
    );
  return (
    <Badge color="gray" variant="outline">
      {t("queue.visible")}
    </Badge>
  );
}

function CaseCard({ slug, c }: { slug: string; c: Case }) {
  const { t } = useTranslation("moderation");
  const [action, setAction] = useState<ModerationAction | null>(null);
  const actions = (["dismiss", "hide", "restore", "warn", "suspend"] as const).filter((a) => c.can[a]);
  return (
    <Card withBorder radius="md" padding="md" data-testid="moderation-case">
      <Stack gap={8}>
        <Group gap={6} justify="space-between" wrap="wrap">
          <Group gap={6}>
            <Badge variant="light">{t(`queue.types.${c.targetType}`)}</Badge>
            <Badge color="red" variant="light">
              {t("queue.reports", { count: c.reportCount })}
            </Badge>
            <StateBadge c={c} />
          </Group>
          <Text size="xs" c="dimmed">
            {t("queue.lastReported", { at: formatDateTime(c.lastReportedAt) })}
          </Text>
        </Group>
        {c.content && (
          <Stack gap={2}>
            {c.content.title && <Text fw={700}>{c.content.title}</Text>}
            <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }} lineClamp={6}>
              {c.content.excerpt}
            </Text>
            {c.content.path && (
              <Anchor component={Link} to={`/n/${slug}${c.content.path}`} size="sm">
                {t("queue.open_link")}
              </Anchor>
            )}
          </Stack>
        )}
        <Group gap={6}>
          <Text size="sm">{t("queue.author", { name: c.author.name })}</Text>
          {c.author.status === "suspended" && (
            <Badge color="red" size="sm">
              {t("queue.suspended")}
            </Badge>
          )}
        </Group>
        <Group gap={4}>
          {c.reasons.map((r) => (
            <Badge key={r.reason} color="orange" variant="outline" size="sm">
              {t(`reasons.${r.reason}`)} × {r.count}
            </Badge>
          ))}
        </Group>
        <Stack gap={2}>
          {c.reports.map((r) => (
            <Text key={`${r.reporter.userId}`} size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
              {formatDateTime(r.updatedAt)} · {r.reporter.name} · {t(`reasons.${r.reason}`)}
              {r.note ? ` — ${r.note}` : ""}
            </Text>
          ))}
        </Stack>
        {c.resolution && c.resolvedAt && (
          <Text size="sm" c="dimmed">
            {t("queue.resolvedBy", {
              name: c.resolvedBy?.name ?? "—",
              at: formatDateTime(c.resolvedAt),
              resolution: t(`queue.resolution.${c.resolution}`),
            })}
            {c.resolutionReason ? ` — ${c.resolutionReason}` : ""}
          </Text>
        )}
        {c.history.length > 0 && (
          <Stack gap={2}>
            <Text size="xs" fw={600}>
              {t("queue.history")}
            </Text>
            {c.history.map((h) => (
              <Text key={`${h.at}${h.action}`} size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                {formatDateTime(h.at)} · {h.actor === "system" ? t("history.system") : h.actor} ·{" "}
                {historyLabel(t, h.action)}
                {h.reason ? ` — ${h.reason}` : ""}
              </Text>
            ))}
          </Stack>
        )}
        {actions.length > 0 && (
          <Group gap="xs" wrap="wrap">
            {actions.map((a) => (
              <Button
                key={a}
                size="xs"
                mih={36}
                variant={a === "dismiss" ? "default" : "light"}
                color={ACTION_COLOR[a]}
                onClick={() => setAction(a)}
              >
                {t(`actions.${a}`)}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
      <ActionModal slug={slug} kase={c} action={action} onClose={() => setAction(null)} />
    </Card>
  );
}

type T = ReturnType<typeof useTranslation<"moderation">>["t"];
const HISTORY = ["auto_hide", "dismiss", "hide", "restore", "warn", "suspend"] as const;
function historyLabel(t: T, action: string) {
  const key = action.replace(/^moderation\./, "");
  return (HISTORY as readonly string[]).includes(key)
    ? t(`history.${key as (typeof HISTORY)[number]}`)
    : action;
}

function Threshold({ slug }: { slug: string }) {
  const { t } = useTranslation("moderation");
  const qc = useQueryClient();
  const q = useModerationSettings(slug);
  const [value, setValue] = useState<number | string>(3);
  useEffect(() => {
    if (q.data) setValue(q.data.reportThreshold);
  }, [q.data]);
  const save = useMutation({
    mutationFn: () => saveModerationSettings(slug, Number(value)),
    onSuccess: async () => {
      notifications.show({ color: "teal", message: t("settings.saved") });
      await qc.invalidateQueries({ queryKey: moderationKeys.settings(slug) });
    },
  });
  return (
    <Card withBorder radius="md" padding="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NumberInput
          label={t("settings.title")}
          description={t("settings.label")}
          min={1}
          max={50}
          value={value}
          onChange={setValue}
          w={{ base: "100%", sm: 420 }}
        />
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!q.data} mih={36}>
          {t("settings.save")}
        </Button>
      </Group>
      <ErrorAlert error={save.error} />
    </Card>
  );
}

function Cases({ slug, status }: { slug: string; status: "open" | "resolved" }) {
  const { t } = useTranslation("moderation");
  const q = useQueue(slug, status);
  if (q.isLoading) return <PageLoader />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const items = q.data.pages.flatMap((p) => p.items);
  if (!items.length)
    return <Text c="dimmed">{t(status === "open" ? "queue.empty" : "queue.emptyResolved")}</Text>;
  return (
    <Stack gap="sm">
      {items.map((c) => (
        <CaseCard key={c.id} slug={slug} c={c} />
      ))}
      {q.hasNextPage && (
        <Button variant="default" onClick={() => q.fetchNextPage()} loading={q.isFetchingNextPage}>
          {t("queue.more")}
        </Button>
      )}
    </Stack>
  );
}

export default function ModerationPage() {
  const { t } = useTranslation("moderation");
  const [status, setStatus] = useState<"open" | "resolved">("open");
  return (
    <RequireOperator>
      {(n) => (
        <Stack gap="sm" maw={900}>
          <PageTitle title={t("queue.title")} subtitle={t("queue.subtitle")} />
          <Threshold slug={n.slug} />
          <SegmentedControl
            value={status}
            onChange={(v) => setStatus(v as "open" | "resolved")}
            data={[
              { value: "open", label: t("queue.open") },
              { value: "resolved", label: t("queue.resolved") },
            ]}
            fullWidth
            maw={420}
          />
          <Cases slug={n.slug} status={status} />
        </Stack>
      )}
    </RequireOperator>
  );
}

// An application: its posting, its stage and the dates of its progress, the motivation, the
// shared profile and the CV, and the thread between the applicant and the reviewers. Reviewers
// also move it to another stage (a decline with its reason) and keep private notes with ratings;
// the applicant may withdraw it while it is open.
import {
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Rating,
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
import { Link, useParams } from "react-router";
import { ConfirmModal } from "../../components/ConfirmModal.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { formatDate, formatDateTime } from "../../components/format.ts";
import { MemberGate } from "../../components/MemberGate.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { useSubmit } from "../../components/useSubmit.ts";
import type { MyNetwork } from "../../session.ts";
import "./i18n.ts";
import {
  type Application,
  addNote,
  applicationKeys,
  fileUrl,
  moveStage,
  opportunityKeys,
  type Stage,
  sendMessage,
  useApplication,
  withdrawApplication,
} from "./queries.ts";

const STAGE_COLOR: Record<Stage, string> = {
  applied: "blue",
  screening: "cyan",
  interview: "indigo",
  offered: "orange",
  hired: "teal",
  contracted: "teal",
  declined_by_us: "gray",
  declined_by_applicant: "gray",
  withdrawn: "gray",
};
const DECLINES: Stage[] = ["declined_by_us", "declined_by_applicant"];

function Move({ slug, a }: { slug: string; a: Application }) {
  const { t } = useTranslation("opportunities");
  const qc = useQueryClient();
  const [reason, setReason] = useState("");
  const { error, busy, run } = useSubmit<Stage>();
  if (!a.review || !a.next.length) return null;
  const go = (stage: Stage) =>
    run(
      async () => {
        await moveStage(slug, a.id, stage, reason.trim() || null);
        notifications.show({ color: "teal", message: t("application.moved") });
        setReason("");
        await qc.invalidateQueries({ queryKey: applicationKeys.all(slug) });
        await qc.invalidateQueries({ queryKey: opportunityKeys.all(slug) });
      },
      { as: stage },
    );
  const forward = a.next.filter((s) => !DECLINES.includes(s));
  return (
    <Card withBorder radius="md" padding="md" data-testid="application-move">
      <Stack gap="xs">
        <Text fw={700}>{t("application.move")}</Text>
        <Group gap={6}>
          {forward.map((s) => (
            <Button
              key={s}
              size="xs"
              variant={s === "hired" || s === "contracted" ? "filled" : "light"}
              color={s === "hired" || s === "contracted" ? "teal" : undefined}
              loading={busy === s}
              onClick={() => go(s)}
              data-testid={`move-${s}`}
            >
              {t(`moveTo.${s}`)}
            </Button>
          ))}
        </Group>
        <Textarea
          label={t("application.reason")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={1}
          maxLength={1000}
        />
        <Group gap={6}>
          {a.next
            .filter((s) => DECLINES.includes(s))
            .map((s) => (
              <Button
                key={s}
                size="xs"
                variant="default"
                color="red"
                disabled={!reason.trim()}
                loading={busy === s}
                onClick={() => go(s)}
              >
                {t(`moveTo.${s}`)}
              </Button>
            ))}
        </Group>
        <ErrorAlert error={error} />
      </Stack>
    </Card>
  );
}

function Withdraw({ slug, a }: { slug: string; a: Application }) {
  const { t } = useTranslation("opportunities");
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const { error, busy, run } = useSubmit();
  if (a.review || !a.next.includes("withdrawn")) return null;
  return (
    <>
      <Button variant="default" color="red" onClick={() => setOpen(true)} data-testid="withdraw">
        {t("moveTo.withdrawn")}
      </Button>
      <ErrorAlert error={error} />
      <ConfirmModal
        opened={open}
        onClose={() => setOpen(false)}
        title={t("moveTo.withdrawn")}
        message={t("application.withdrawConfirm")}
        confirmLabel={t("moveTo.withdrawn")}
        loading={busy === "submit"}
        onConfirm={() =>
          run(async () => {
            await withdrawApplication(slug, a.id, reason.trim() || null);
            setOpen(false);
            notifications.show({ color: "teal", message: t("application.withdrawn") });
            await qc.invalidateQueries({ queryKey: applicationKeys.all(slug) });
            await qc.invalidateQueries({ queryKey: opportunityKeys.all(slug) });
          })
        }
      >
        <Textarea
          label={t("application.withdrawReason")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={1000}
        />
      </ConfirmModal>
    </>
  );
}

function Thread({ slug, a }: { slug: string; a: Application }) {
  const { t } = useTranslation("opportunities");
  const qc = useQueryClient();
  const [body, setBody] = useState("");
  const { error, busy, run } = useSubmit();
  return (
    <Card withBorder radius="md" padding="md" data-testid="application-thread">
      <Stack gap="sm">
        <Title order={4}>{t("application.thread")}</Title>
        {!a.messages.length && (
          <Text size="sm" c="dimmed">
            {t("application.threadEmpty")}
          </Text>
        )}
        {a.messages.map((m) => (
          <Stack key={m.id} gap={2} align={m.mine ? "flex-end" : "flex-start"}>
            <Text size="xs" c="dimmed">
              {m.author.name} · {formatDateTime(m.createdAt)}
            </Text>
            <Card
              padding="xs"
              radius="md"
              maw="85%"
              bg={m.mine ? "var(--mantine-primary-color-light)" : "var(--mantine-color-default-hover)"}
            >
              <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                {m.body}
              </Text>
            </Card>
          </Stack>
        ))}
        <Textarea
          placeholder={t("application.write")}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button
            size="xs"
            disabled={!body.trim()}
            loading={busy === "submit"}
            onClick={() =>
              run(async () => {
                await sendMessage(slug, a.id, body.trim());
                setBody("");
                await qc.invalidateQueries({ queryKey: applicationKeys.one(slug, a.id) });
              })
            }
          >
            {t("application.send")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Notes({ slug, a }: { slug: string; a: Application }) {
  const { t } = useTranslation("opportunities");
  const qc = useQueryClient();
  const [body, setBody] = useState("");
  const [rating, setRating] = useState(0);
  const { error, busy, run } = useSubmit();
  if (!a.notes) return null;
  return (
    <Card withBorder radius="md" padding="md" data-testid="application-notes">
      <Stack gap="sm">
        <Title order={5}>{t("application.notes")}</Title>
        {!a.notes.length && (
          <Text size="sm" c="dimmed">
            {t("application.notesEmpty")}
          </Text>
        )}
        {a.notes.map((n) => (
          <Stack key={n.id} gap={2}>
            <Group gap={6}>
              <Text size="xs" fw={600}>
                {n.author.name}
              </Text>
              {n.rating !== null && <Rating value={n.rating} readOnly size="xs" />}
              <Text size="xs" c="dimmed">
                {formatDateTime(n.createdAt)}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {n.body}
            </Text>
          </Stack>
        ))}
        <Textarea
          placeholder={t("application.note")}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <Group justify="space-between">
          <Group gap={6}>
            <Text size="xs">{t("application.rating")}</Text>
            <Rating value={rating} onChange={setRating} />
          </Group>
          <Button
            size="xs"
            variant="light"
            disabled={!body.trim()}
            loading={busy === "submit"}
            onClick={() =>
              run(async () => {
                await addNote(slug, a.id, body.trim(), rating || null);
                setBody("");
                setRating(0);
                await qc.invalidateQueries({ queryKey: applicationKeys.all(slug) });
              })
            }
          >
            {t("application.addNote")}
          </Button>
        </Group>
        <ErrorAlert error={error} />
      </Stack>
    </Card>
  );
}

function ApplicationView({ network, id }: { network: MyNetwork; id: string }) {
  const { t } = useTranslation("opportunities");
  const slug = network.slug;
  const q = useApplication(slug, id);
  if (q.isLoading) return <PageLoader />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const a = q.data;
  const shared = Object.entries(a.profile).filter(([k]) => k !== "name");
  const value = (v: unknown) =>
    Array.isArray(v)
      ? v
          .map((x) =>
            typeof x === "object" && x ? ((x as { url?: string }).url ?? JSON.stringify(x)) : String(x),
          )
          .join("、")
      : String(v);
  return (
    <Stack gap="md" maw={1040}>
      <Anchor component={Link} to={`/n/${slug}/opportunities/${a.opportunity.id}`} size="sm">
        ← {t("application.backToPosting")}
      </Anchor>
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {t(`types.${a.opportunity.type}`)}
          {a.opportunity.kind ? ` · ${t(`kinds.${a.opportunity.kind}`)}` : ""}
        </Text>
        <Title order={2} size="h3">
          {a.opportunity.title}
        </Title>
        <Group gap="xs">
          <Badge size="lg" color={STAGE_COLOR[a.stage]} data-testid="application-stage">
            {t(`stages.${a.stage}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {a.applicant.name} · {t("application.appliedAt", { date: formatDate(a.createdAt) })}
          </Text>
        </Group>
        {a.reason && (
          <Text size="sm" c="dimmed">
            {a.reason}
          </Text>
        )}
      </Stack>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Card withBorder radius="md" padding="md">
              <Stack gap="sm">
                <Title order={5}>{t("application.motivation")}</Title>
                <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                  {a.motivation}
                </Text>
                {shared.length > 0 && (
                  <>
                    <Title order={5}>{t("application.profile")}</Title>
                    <Stack gap={4}>
                      {shared.map(([k, v]) => (
                        <Group key={k} gap="xs" wrap="nowrap" align="flex-start">
                          <Text size="sm" c="dimmed" w={140} miw={140}>
                            {t(`fields.${k as "email"}`, { defaultValue: k })}
                          </Text>
                          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                            {value(v)}
                          </Text>
                        </Group>
                      ))}
                    </Stack>
                  </>
                )}
                {a.file && (
                  <Group gap="xs">
                    <Text size="sm" c="dimmed">
                      {t("application.file")}
                    </Text>
                    <Anchor href={fileUrl(slug, a.id)} size="sm" target="_blank" rel="noopener">
                      {a.file.name}
                    </Anchor>
                  </Group>
                )}
              </Stack>
            </Card>
            <Thread slug={slug} a={a} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Move slug={slug} a={a} />
            <Withdraw slug={slug} a={a} />
            <Card withBorder radius="md" padding="md">
              <Stack gap="xs">
                <Title order={5}>{t("application.history")}</Title>
                <Timeline active={a.history.length - 1} bulletSize={14} lineWidth={2}>
                  {a.history.map((h) => (
                    <Timeline.Item key={`${h.to}-${h.at}`} title={t(`stages.${h.to}`)}>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(h.at)}
                        {h.by ? ` · ${h.by.name}` : ""}
                      </Text>
                    </Timeline.Item>
                  ))}
                </Timeline>
              </Stack>
            </Card>
            <Notes slug={slug} a={a} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export default function ApplicationPage() {
  const { slug = "", id = "" } = useParams();
  return <MemberGate slug={slug}>{(network) => <ApplicationView network={network} id={id} />}</MemberGate>;
}

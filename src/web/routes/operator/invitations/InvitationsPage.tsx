import { Alert, Button, Card, Group, List, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { RequireOperator } from "../../../components/RequireRole.tsx";
import { rosterKeys } from "../roster/queries.ts";
import { createInvitations, invitationKeys, invitationSettings, saveInvitationSettings } from "./queries.ts";
import "../i18n.ts";
import type { InviteOptions } from "../types.ts";
import { InvitationList } from "./InvitationList.tsx";
import { DEFAULT_INVITE_OPTIONS, InviteOptionsFields, InviteResultView } from "./InviteParts.tsx";

const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;
type Invitee = { email: string; name?: string };

/** "email[,name]" per line → invitees, or the first problems (line numbers from 1). */
export function parseInvitees(
  text: string,
  t: TFunction<"operator">,
): { invitees: Invitee[]; errors: string[]; badLines: string[] } {
  const invitees: Invitee[] = [];
  const errors: string[] = [];
  const badLines: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const [first, ...rest] = line.split(/[,，\t]/);
    const email = first.trim().toLowerCase();
    const name = rest.join(",").trim();
    if (!EMAIL.test(email) || email.length > 254) {
      errors.push(t("invitations.form.badLine", { line: i + 1, value: first.trim() }));
      badLines.push(raw);
    } else if (name.length > 100) {
      errors.push(t("invitations.form.nameTooLong", { line: i + 1 }));
      badLines.push(raw);
    } else invitees.push(name ? { email, name } : { email });
  });
  return { invitees, errors, badLines };
}

function InviteForm({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation("operator");
  const qc = useQueryClient();
  const [text, setText] = useState("");
  const [options, setOptions] = useState<InviteOptions>(DEFAULT_INVITE_OPTIONS(i18n.language));
  const [problems, setProblems] = useState<string[]>([]);
  // Lines that cannot be sent, listed with a choice to send the others (nothing is lost: the bad
  // lines stay in the box to be corrected).
  const [badLines, setBadLines] = useState<string[]>([]);
  const parsed = parseInvitees(text, t);
  const send = useMutation({
    mutationFn: (v: { invitees: Invitee[]; keep: string[] }) =>
      createInvitations(slug, { invitees: v.invitees, ...options }),
    onSuccess: (r, v) => {
      qc.invalidateQueries({ queryKey: invitationKeys.all(slug) });
      qc.invalidateQueries({ queryKey: rosterKeys.all(slug) });
      if (r.created.length || v.keep.length) setText(v.keep.join("\n"));
      setBadLines([]);
      setProblems([]);
    },
  });
  const submit = () => {
    const errs: string[] = [];
    if (parsed.invitees.length === 0 && parsed.errors.length === 0) errs.push(t("invitations.form.empty"));
    if (parsed.invitees.length > 1000) errs.push(t("invitations.form.tooMany"));
    if (options.expiresInDays < 1 || options.expiresInDays > 60)
      errs.push(t("invitations.form.expiresRange"));
    setProblems(errs);
    setBadLines(parsed.errors);
    if (errs.length === 0 && parsed.errors.length === 0) send.mutate({ invitees: parsed.invitees, keep: [] });
  };
  const sendValid = () => send.mutate({ invitees: parsed.invitees, keep: parsed.badLines });
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t("invitations.form.title")}
        </Title>
        <Textarea
          label={t("invitations.form.lines")}
          description={t("invitations.form.linesDescription")}
          placeholder={t("invitations.form.linesPlaceholder")}
          autosize
          minRows={3}
          maxRows={12}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setProblems([]);
            setBadLines([]);
            send.reset();
          }}
          error={problems.length ? problems.join("\n") : undefined}
          styles={{ error: { whiteSpace: "pre-line" } }}
        />
        {badLines.length > 0 && (
          <Alert
            color="yellow"
            title={t("invitations.form.someBad", { count: badLines.length })}
            role="alert"
          >
            <Stack gap="xs">
              <List size="sm" spacing={2}>
                {badLines.slice(0, 20).map((b) => (
                  <List.Item key={b}>{b}</List.Item>
                ))}
              </List>
              {badLines.length > 20 && (
                <Text size="sm">{t("invitations.form.moreBad", { count: badLines.length - 20 })}</Text>
              )}
              <Text size="sm">
                {parsed.invitees.length > 0 ? t("invitations.form.fixOrSend") : t("invitations.form.fixAll")}
              </Text>
              {parsed.invitees.length > 0 && (
                <Group>
                  <Button onClick={sendValid} loading={send.isPending} variant="light" color="yellow">
                    {t("invitations.form.sendValid", { count: parsed.invitees.length })}
                  </Button>
                </Group>
              )}
            </Stack>
          </Alert>
        )}
        <InviteOptionsFields value={options} onChange={setOptions} previewName={parsed.invitees[0]?.name} />
        <ErrorAlert error={send.error} />
        {send.data && <InviteResultView result={send.data} />}
        <div>
          <Button onClick={submit} loading={send.isPending}>
            {parsed.invitees.length > 0
              ? t("invitations.form.submitCount", { count: parsed.invitees.length })
              : t("invitations.form.submit")}
          </Button>
        </div>
      </Stack>
    </Card>
  );
}

const REMINDER_CHOICES = [3, 7, 14];

/** When the one reminder goes to invitees who have not joined (or never). */
function ReminderSettings({ slug }: { slug: string }) {
  const { t } = useTranslation("operator");
  const qc = useQueryClient();
  const settings = useQuery({
    queryKey: invitationKeys.settings(slug),
    queryFn: () => invitationSettings(slug),
  });
  const save = useMutation({
    mutationFn: (reminderDays: number | null) => saveInvitationSettings(slug, { reminderDays }),
    onSuccess: (r) => {
      qc.setQueryData(invitationKeys.settings(slug), r);
      notifications.show({ color: "teal", message: t("invitations.settings.saved") });
    },
  });
  const current = settings.data?.reminderDays;
  const choices = [...new Set([...REMINDER_CHOICES, ...(current ? [current] : [])])].sort((a, b) => a - b);
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t("invitations.settings.title")}
        </Title>
        <ErrorAlert error={settings.error ?? save.error} />
        <Select
          maw={360}
          label={t("invitations.settings.label")}
          description={t("invitations.settings.description")}
          disabled={!settings.data || save.isPending}
          allowDeselect={false}
          value={current === undefined ? null : current === null ? "off" : String(current)}
          onChange={(v) => v && save.mutate(v === "off" ? null : Number(v))}
          data={[
            ...choices.map((d) => ({
              value: String(d),
              label: t("invitations.settings.days", { count: d }),
            })),
            { value: "off", label: t("invitations.settings.off") },
          ]}
        />
      </Stack>
    </Card>
  );
}

export default function InvitationsPage() {
  const { t } = useTranslation("operator");
  return (
    <RequireOperator>
      {(network) => (
        <Stack gap="md" maw={1200}>
          <PageTitle title={t("invitations.title")} subtitle={t("invitations.description")} />
          <InviteForm slug={network.slug} />
          <InvitationList slug={network.slug} />
          <ReminderSettings slug={network.slug} />
        </Stack>
      )}
    </RequireOperator>
  );
}

// Pieces shared by the roster (invite selected rows) and the invitations page.
import {
  Alert,
  Button,
  Group,
  Input,
  List,
  Modal,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import "../i18n.ts";
import type { InviteOptions, InviteResult } from "../types.ts";
import { previewInvitation } from "./queries.ts";

export const DEFAULT_INVITE_OPTIONS = (lang: string): InviteOptions => ({
  role: "alumni",
  expiresInDays: 14,
  locale: lang === "en" ? "en" : "ja",
  message: "",
});

/** The mail exactly as the server would send it (sender, subject, text), for `name`. */
function MailPreview({ options, name }: { options: InviteOptions; name?: string }) {
  const { t } = useTranslation("operator");
  const { slug = "" } = useParams();
  const sample = name || t("invitations.preview.sampleName", { lng: options.locale });
  const preview = useMutation({
    mutationFn: () =>
      previewInvitation(slug, {
        locale: options.locale,
        expiresInDays: options.expiresInDays,
        message: options.message,
        name: sample,
      }),
  });
  const p = preview.data;
  return (
    <>
      <Group>
        <Button variant="default" onClick={() => preview.mutate()} loading={preview.isPending}>
          {t("invitations.form.preview")}
        </Button>
      </Group>
      <ErrorAlert error={preview.error} />
      <Modal
        opened={!!p}
        onClose={() => preview.reset()}
        title={t("invitations.preview.title")}
        size="lg"
        fullScreen={typeof window !== "undefined" && window.innerWidth < 576}
      >
        {p && (
          <Stack gap="sm">
            <Text size="sm">
              <Text span fw={600}>
                {t("invitations.preview.from")}:
              </Text>{" "}
              {p.from}
            </Text>
            <Text size="sm">
              <Text span fw={600}>
                {t("invitations.preview.subject")}:
              </Text>{" "}
              {p.subject}
            </Text>
            <Paper withBorder p="sm" bg="var(--mantine-color-default-hover)">
              <Text size="sm" style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
                {p.text}
              </Text>
            </Paper>
            <Text size="xs" c="dimmed">
              {t("invitations.preview.sample", { name: sample })}
            </Text>
            <Text size="xs" c="dimmed">
              {p.reminder
                ? t("invitations.preview.reminder", {
                    days: p.reminder.afterDays,
                    subject: p.reminder.subject,
                  })
                : t("invitations.preview.noReminder")}
            </Text>
          </Stack>
        )}
      </Modal>
    </>
  );
}

/** Role, expiry (1–60 days), the email's language, the operators' message and a preview. */
export function InviteOptionsFields({
  value,
  onChange,
  error,
  previewName,
}: {
  value: InviteOptions;
  onChange: (v: InviteOptions) => void;
  error?: string;
  /** The first invitee's name, for the preview's greeting. */
  previewName?: string;
}) {
  const { t } = useTranslation("operator");
  return (
    <Stack gap="sm">
      <InviteSettingsGrid value={value} onChange={onChange} error={error} />
      <Textarea
        label={t("invitations.form.message")}
        description={t("invitations.form.messageDescription")}
        placeholder={t("invitations.form.messagePlaceholder")}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={1000}
        value={value.message}
        onChange={(e) => onChange({ ...value, message: e.currentTarget.value })}
      />
      <MailPreview options={value} name={previewName} />
    </Stack>
  );
}

function InviteSettingsGrid({
  value,
  onChange,
  error,
}: {
  value: InviteOptions;
  onChange: (v: InviteOptions) => void;
  error?: string;
}) {
  const { t } = useTranslation("operator");
  const { t: tc } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      <Input.Wrapper label={t("invitations.form.role")}>
        <SegmentedControl
          fullWidth
          mt={4}
          aria-label={t("invitations.form.role")}
          value={value.role}
          onChange={(role) => onChange({ ...value, role: role as InviteOptions["role"] })}
          data={[
            { value: "alumni", label: tc("roles.alumni") },
            { value: "employee", label: tc("roles.employee") },
          ]}
        />
      </Input.Wrapper>
      <NumberInput
        label={t("invitations.form.expires")}
        description={t("invitations.form.expiresDescription")}
        min={1}
        max={60}
        clampBehavior="strict"
        allowDecimal={false}
        value={value.expiresInDays}
        error={error}
        onChange={(n) => onChange({ ...value, expiresInDays: typeof n === "number" ? n : 0 })}
      />
      <Input.Wrapper label={t("invitations.form.locale")}>
        <SegmentedControl
          fullWidth
          mt={4}
          aria-label={t("invitations.form.locale")}
          value={value.locale}
          onChange={(locale) => onChange({ ...value, locale: locale as InviteOptions["locale"] })}
          data={[
            { value: "ja", label: t("invitations.options.ja") },
            { value: "en", label: t("invitations.options.en") },
          ]}
        />
      </Input.Wrapper>
    </SimpleGrid>
  );
}

/** What the server did: invitations sent, and who was skipped with the reason. */
export function InviteResultView({
  result,
  describeRef,
}: {
  result: InviteResult;
  /** Turns a skipped `ref` (roster entry id or email) into something a person recognises. */
  describeRef?: (ref: string) => string;
}) {
  const { t, i18n } = useTranslation("operator");
  const lang = i18n.language === "en" ? "en" : "ja";
  return (
    <Stack gap="xs" aria-live="polite">
      <Alert color={result.created.length ? "teal" : "gray"} variant="light">
        {result.created.length
          ? t("invitations.result.created", { count: result.created.length })
          : t("invitations.result.none")}
      </Alert>
      {result.skipped.length > 0 && (
        <Alert color="orange" variant="light">
          <Text size="sm" fw={600}>
            {t("invitations.result.skipped", { count: result.skipped.length })}
          </Text>
          <List size="sm" mt={4} spacing={2}>
            {result.skipped.map((s) => (
              <List.Item key={`${s.ref}-${s.code}`}>
                {describeRef ? describeRef(s.ref) : s.ref}
                {lang === "ja" ? "：" : ": "}
                {s.messages[lang]}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

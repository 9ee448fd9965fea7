// Pieces shared by the roster (invite selected rows) and the invitations page.
import { Alert, Input, List, NumberInput, SegmentedControl, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import "../i18n.ts";
import type { InviteOptions, InviteResult } from "../types.ts";

export const DEFAULT_INVITE_OPTIONS = (lang: string): InviteOptions => ({
  role: "alumni",
  expiresInDays: 14,
  locale: lang === "en" ? "en" : "ja",
});

/** Role, expiry (1–60 days) and the email's language. */
export function InviteOptionsFields({
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

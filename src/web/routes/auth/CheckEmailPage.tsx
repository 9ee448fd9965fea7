import { Alert, Button, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { authPost } from "../../api/auth.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { NarrowCard } from "../../components/NarrowCard.tsx";
import { useNext } from "../../components/nextPath.ts";
import { EMAIL_RE } from "./i18n.ts";

export default function CheckEmailPage() {
  const { t } = useTranslation("auth");
  const [params] = useSearchParams();
  const next = useNext();
  const [email, setEmail] = useState(params.get("email") ?? "");
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const given = params.get("email");

  async function resend() {
    setError(null);
    setSent(false);
    setBusy(true);
    try {
      await authPost("/api/auth/send-verification-email", { email: email.trim(), callbackURL: next ?? "/" });
      setSent(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <NarrowCard title={t("checkEmail.title")}>
      <Text>{given ? t("checkEmail.body", { email: given }) : t("checkEmail.bodyNoEmail")}</Text>
      <Text size="sm" c="dimmed">
        {t("checkEmail.hint")}
      </Text>
      <ErrorAlert error={error} />
      {sent && (
        <Alert color="teal" role="status">
          {t("checkEmail.resent")}
        </Alert>
      )}
      <Stack gap="xs">
        {!given && (
          <TextInput
            label={t("checkEmail.emailForResend")}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
        )}
        <Button variant="light" onClick={resend} loading={busy} disabled={!EMAIL_RE.test(email.trim())}>
          {t("checkEmail.resend")}
        </Button>
      </Stack>
    </NarrowCard>
  );
}

import { Alert, Anchor, Button, Divider, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ApiError, api } from "../../api.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { NarrowCard } from "../../components/NarrowCard.tsx";
import { useNext, withNext } from "../../components/nextPath.ts";
import { setLanguage } from "../../i18n/index.ts";
import type { Me } from "../../session.ts";
import { EMAIL_RE } from "./i18n.ts";

export default function SignInPage() {
  const { t, i18n } = useTranslation("auth");
  const next = useNext();
  const [params] = useSearchParams();
  const nav = useNavigate();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [magicSentTo, setMagicSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState<"password" | "magic" | null>(null);
  const form = useForm({
    initialValues: { email: params.get("email") ?? "", password: "" },
    validate: {
      email: (v) => (EMAIL_RE.test(v.trim()) ? null : t("emailInvalid")),
      password: (v) => (v ? null : t("required")),
    },
  });

  async function signIn(values: typeof form.values) {
    setError(null);
    setBusy("password");
    try {
      await api("/api/auth/sign-in/email", {
        body: { email: values.email.trim(), password: values.password, callbackURL: next ?? "/" },
      });
      const me = await qc.fetchQuery({ queryKey: ["me"], queryFn: () => api<Me>("/api/me"), staleTime: 0 });
      if (me?.user.locale && me.user.locale !== i18n.language) await setLanguage(me.user.locale);
      nav(next ?? "/", { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.code === "EMAIL_NOT_VERIFIED") {
        // better-auth sent a new verification email on this attempt.
        nav(withNext(`/check-email?email=${encodeURIComponent(values.email.trim())}`, next));
        return;
      }
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  async function sendMagicLink() {
    const v = form.validateField("email");
    if (v.hasError) return;
    setError(null);
    setBusy("magic");
    try {
      const email = form.values.email.trim();
      await api("/api/auth/sign-in/magic-link", {
        body: { email, callbackURL: next ?? "/", errorCallbackURL: withNext("/sign-in?error=link", next) },
      });
      setMagicSentTo(email);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <NarrowCard title={t("signIn.title")} subtitle={t("signIn.subtitle")}>
      {params.get("error") && <Alert color="red">{t("signIn.linkError")}</Alert>}
      {params.get("reset") && <Alert color="teal">{t("signIn.resetDone")}</Alert>}
      <ErrorAlert error={error} />
      {magicSentTo && (
        <Alert color="teal" role="status">
          {t("signIn.magicSent", { email: magicSentTo })}
        </Alert>
      )}
      <form onSubmit={form.onSubmit(signIn)} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t("email")}
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps("email")}
          />
          <PasswordInput
            label={t("password")}
            autoComplete="current-password"
            required
            {...form.getInputProps("password")}
          />
          <Anchor component={Link} to={withNext("/forgot-password", next)} size="sm">
            {t("signIn.forgot")}
          </Anchor>
          <Button type="submit" loading={busy === "password"} fullWidth>
            {t("signIn.submit")}
          </Button>
        </Stack>
      </form>
      <Divider label={t("signIn.or")} labelPosition="center" />
      <Stack gap={4}>
        <Button variant="light" onClick={sendMagicLink} loading={busy === "magic"} fullWidth>
          {t("signIn.magic")}
        </Button>
        <Text size="xs" c="dimmed">
          {t("signIn.magicHelp")}
        </Text>
      </Stack>
      <Text size="sm" ta="center">
        {t("signIn.noAccount")}{" "}
        <Anchor component={Link} to={withNext("/sign-up", next)}>
          {t("common:signUp")}
        </Anchor>
      </Text>
    </NarrowCard>
  );
}

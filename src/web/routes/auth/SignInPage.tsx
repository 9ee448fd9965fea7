import { Alert, Anchor, Button, Divider, PasswordInput, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { authPost, isTwoFactorChallenge } from "../../api/auth.ts";
import { ApiError } from "../../api/client.ts";
import { EmailInput } from "../../components/EmailInput.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { NarrowCard } from "../../components/NarrowCard.tsx";
import { useNext, withNext } from "../../components/nextPath.ts";
import { useSubmit } from "../../components/useSubmit.ts";
import { setLanguage } from "../../i18n/index.ts";
import { fetchMe, meKeys } from "../../session.ts";
import { TwoFactorChallengeForm } from "../two-factor/TwoFactorChallengeForm.tsx";
import { AuthSwitch } from "./AuthSwitch.tsx";
import { EMAIL_RE } from "./i18n.ts";

export default function SignInPage() {
  const { t, i18n } = useTranslation(["auth", "common", "twoFactor"]);
  const { error, setError, busy, run } = useSubmit<"password" | "magic">();
  const next = useNext();
  const [params] = useSearchParams();
  const nav = useNavigate();
  const qc = useQueryClient();
  const [magicSentTo, setMagicSentTo] = useState<string | null>(null);
  // The password was right and the account has a second factor: the code is asked for next.
  const [challenge, setChallenge] = useState(false);
  const form = useForm({
    initialValues: { email: params.get("email") ?? "", password: "" },
    validate: {
      email: (v) => (EMAIL_RE.test(v.trim()) ? null : t("emailInvalid")),
      password: (v) => (v ? null : t("required")),
    },
  });

  async function signIn(values: typeof form.values) {
    await run(
      async () => {
        const r = await authPost("/api/auth/sign-in/email", {
          email: values.email.trim(),
          password: values.password,
          callbackURL: next ?? "/",
        });
        if (isTwoFactorChallenge(r)) {
          form.setFieldValue("password", "");
          setChallenge(true);
          return;
        }
        await signedIn();
      },
      {
        as: "password",
        onError: (e) => {
          if (e instanceof ApiError && e.code === "EMAIL_NOT_VERIFIED") {
            // better-auth sent a new verification email on this attempt.
            nav(withNext(`/check-email?email=${encodeURIComponent(values.email.trim())}`, next));
            return;
          }
          setError(e);
        },
      },
    );
  }

  async function signedIn() {
    const me = await qc.fetchQuery({ queryKey: meKeys.all, queryFn: fetchMe, staleTime: 0 });
    if (me?.user.locale && me.user.locale !== i18n.language) await setLanguage(me.user.locale);
    nav(next ?? "/", { replace: true });
  }

  async function sendMagicLink() {
    const v = form.validateField("email");
    if (v.hasError) return;
    await run(
      async () => {
        const email = form.values.email.trim();
        await authPost("/api/auth/sign-in/magic-link", {
          email,
          callbackURL: next ?? "/",
          errorCallbackURL: withNext("/sign-in?error=link", next),
        });
        setMagicSentTo(email);
      },
      { as: "magic" },
    );
  }

  if (challenge) {
    return (
      <NarrowCard title={t("twoFactor:challenge.title")}>
        <TwoFactorChallengeForm onSignedIn={signedIn} onRestart={() => setChallenge(false)} />
      </NarrowCard>
    );
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
          <EmailInput label={t("email")} {...form.getInputProps("email")} />
          <PasswordInput
            label={t("password")}
            autoComplete="current-password"
            required
            {...form.getInputProps("password")}
          />
          <Anchor component={Link} to={withNext("/forgot-password", next)} size="sm" className="tsu-tap-row">
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
          {t("signIn.magicHelp")} {t("twoFactor:magicNote")}
        </Text>
      </Stack>
      <AuthSwitch prompt={t("signIn.noAccount")} to={withNext("/sign-up", next)} label={t("common:signUp")} />
    </NarrowCard>
  );
}

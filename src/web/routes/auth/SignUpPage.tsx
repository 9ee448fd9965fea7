import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { api } from "../../api.ts";
import { ErrorAlert, fieldErrors } from "../../components/ErrorAlert.tsx";
import { NarrowCard } from "../../components/NarrowCard.tsx";
import { useNext, withNext } from "../../components/nextPath.ts";
import { EMAIL_RE } from "./i18n.ts";

export default function SignUpPage() {
  const { t, i18n } = useTranslation("auth");
  const next = useNext();
  const [params] = useSearchParams();
  const nav = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { name: "", email: params.get("email") ?? "", password: "" },
    validate: {
      name: (v) => (v.trim() ? null : t("required")),
      email: (v) => (EMAIL_RE.test(v.trim()) ? null : t("emailInvalid")),
      password: (v) => (v.length >= 8 && v.length <= 128 ? null : t("passwordTooShort")),
    },
  });

  async function submit(values: typeof form.values) {
    setError(null);
    setBusy(true);
    try {
      const email = values.email.trim();
      await api("/api/auth/sign-up/email", {
        body: {
          name: values.name.trim(),
          email,
          password: values.password,
          locale: i18n.language === "en" ? "en" : "ja",
          callbackURL: next ?? "/",
        },
      });
      nav(withNext(`/check-email?email=${encodeURIComponent(email)}`, next));
    } catch (e) {
      setError(e);
      form.setErrors(fieldErrors(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <NarrowCard title={t("signUp.title")} subtitle={t("signUp.subtitle")}>
      <ErrorAlert error={error} />
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t("name")}
            placeholder={t("namePlaceholder")}
            autoComplete="name"
            required
            maxLength={100}
            {...form.getInputProps("name")}
          />
          <TextInput
            label={t("email")}
            description={t("emailHelpPersonal")}
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps("email")}
          />
          <PasswordInput
            label={t("password")}
            description={t("passwordHelp")}
            autoComplete="new-password"
            required
            maxLength={128}
            {...form.getInputProps("password")}
          />
          <Button type="submit" loading={busy} fullWidth>
            {t("signUp.submit")}
          </Button>
        </Stack>
      </form>
      <Text size="sm" ta="center">
        {t("signUp.haveAccount")}{" "}
        <Anchor component={Link} to={withNext("/sign-in", next)}>
          {t("common:signIn")}
        </Anchor>
      </Text>
    </NarrowCard>
  );
}

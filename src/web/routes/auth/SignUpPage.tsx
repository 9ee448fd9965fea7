import { Button, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { authPost } from "../../api/auth.ts";
import { EmailInput } from "../../components/EmailInput.tsx";
import { ErrorAlert, fieldErrors } from "../../components/ErrorAlert.tsx";
import { NarrowCard } from "../../components/NarrowCard.tsx";
import { NewPasswordInput } from "../../components/NewPasswordInput.tsx";
import { useNext, withNext } from "../../components/nextPath.ts";
import { useSubmit } from "../../components/useSubmit.ts";
import { AuthSwitch } from "./AuthSwitch.tsx";
import { EMAIL_RE } from "./i18n.ts";

export default function SignUpPage() {
  const { t, i18n } = useTranslation(["auth", "common"]);
  const { error, setError, busy, run } = useSubmit();
  const next = useNext();
  const [params] = useSearchParams();
  const nav = useNavigate();
  const form = useForm({
    initialValues: { name: "", email: params.get("email") ?? "", password: "" },
    validate: {
      name: (v) => (v.trim() ? null : t("required")),
      email: (v) => (EMAIL_RE.test(v.trim()) ? null : t("emailInvalid")),
      password: (v) => (v.length >= 8 && v.length <= 128 ? null : t("passwordTooShort")),
    },
  });

  async function submit(values: typeof form.values) {
    await run(
      async () => {
        const email = values.email.trim();
        await authPost("/api/auth/sign-up/email", {
          name: values.name.trim(),
          email,
          password: values.password,
          locale: i18n.language === "en" ? "en" : "ja",
          callbackURL: next ?? "/",
        });
        nav(withNext(`/check-email?email=${encodeURIComponent(email)}`, next));
      },
      {
        onError: (e) => {
          setError(e);
          form.setErrors(fieldErrors(e));
        },
      },
    );
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
          <EmailInput
            label={t("email")}
            description={t("emailHelpPersonal")}
            {...form.getInputProps("email")}
          />
          <NewPasswordInput
            label={t("password")}
            description={t("passwordHelp")}
            {...form.getInputProps("password")}
          />
          <Button type="submit" loading={!!busy} fullWidth>
            {t("signUp.submit")}
          </Button>
        </Stack>
      </form>
      <AuthSwitch
        prompt={t("signUp.haveAccount")}
        to={withNext("/sign-in", next)}
        label={t("common:signIn")}
      />
    </NarrowCard>
  );
}

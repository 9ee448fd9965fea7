import { Alert, Anchor, Button, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { authPost } from "../../api/auth.ts";
import { EmailInput } from "../../components/EmailInput.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { NarrowCard } from "../../components/NarrowCard.tsx";
import { useNext, withNext } from "../../components/nextPath.ts";
import { useSubmit } from "../../components/useSubmit.ts";
import { EMAIL_RE } from "./i18n.ts";

export default function ForgotPasswordPage() {
  const { t } = useTranslation("auth");
  const { error, busy, run } = useSubmit();
  const next = useNext();
  const [sent, setSent] = useState(false);
  const form = useForm({
    initialValues: { email: "" },
    validate: { email: (v) => (EMAIL_RE.test(v.trim()) ? null : t("emailInvalid")) },
  });

  async function submit(values: typeof form.values) {
    await run(async () => {
      await authPost("/api/auth/request-password-reset", {
        email: values.email.trim(),
        redirectTo: "/reset-password",
      });
      setSent(true);
    });
  }

  return (
    <NarrowCard title={t("forgot.title")} subtitle={t("forgot.subtitle")}>
      <ErrorAlert error={error} />
      {sent ? (
        <Alert color="teal" role="status">
          {t("forgot.sent")}
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit(submit)} noValidate>
          <Stack gap="sm">
            <EmailInput label={t("email")} {...form.getInputProps("email")} />
            <Button type="submit" loading={!!busy} fullWidth>
              {t("forgot.submit")}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor
        component={Link}
        to={withNext("/sign-in", next)}
        size="sm"
        ta="center"
        mx="auto"
        className="tsu-tap-row"
      >
        {t("forgot.backToSignIn")}
      </Anchor>
    </NarrowCard>
  );
}

import { Alert, Button, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { authPost } from "../../api/auth.ts";
import { ApiError } from "../../api/client.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { NarrowCard } from "../../components/NarrowCard.tsx";
import "./i18n.ts";
import { useSubmit } from "../../components/useSubmit.ts";

export default function ResetPasswordPage() {
  const { t } = useTranslation("auth");
  const { error, setError, busy, run } = useSubmit();
  const [params] = useSearchParams();
  const nav = useNavigate();
  const token = params.get("token");
  const [invalid, setInvalid] = useState(!!params.get("error") || !token);
  const form = useForm({
    initialValues: { password: "", confirm: "" },
    validate: {
      password: (v) => (v.length >= 8 && v.length <= 128 ? null : t("passwordTooShort")),
      confirm: (v, all) => (v === all.password ? null : t("reset.mismatch")),
    },
  });

  async function submit(values: typeof form.values) {
    await run(
      async () => {
        await authPost("/api/auth/reset-password", { token: token ?? "", newPassword: values.password });
        nav("/sign-in?reset=1", { replace: true });
      },
      {
        onError: (e) => {
          if (e instanceof ApiError && e.code === "INVALID_TOKEN") setInvalid(true);
          else setError(e);
        },
      },
    );
  }

  if (invalid) {
    return (
      <NarrowCard title={t("reset.title")}>
        <Alert color="red">{t("reset.invalid")}</Alert>
        <Button component={Link} to="/forgot-password" variant="light">
          {t("reset.again")}
        </Button>
      </NarrowCard>
    );
  }
  return (
    <NarrowCard title={t("reset.title")}>
      <ErrorAlert error={error} />
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <PasswordInput
            label={t("reset.newPassword")}
            description={t("passwordHelp")}
            autoComplete="new-password"
            required
            {...form.getInputProps("password")}
          />
          <PasswordInput
            label={t("reset.confirm")}
            autoComplete="new-password"
            required
            {...form.getInputProps("confirm")}
          />
          <Button type="submit" loading={!!busy} fullWidth>
            {t("reset.submit")}
          </Button>
        </Stack>
      </form>
    </NarrowCard>
  );
}

// The second step of a sign-in, for an account with two-factor authentication: the app's 6-digit
// code, or one of the backup codes.
import { Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { authPost } from "../../api/auth.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useSubmit } from "../../components/useSubmit.ts";
import { normalizeCode } from "./codeInput.ts";
import "./i18n.ts";

export function TwoFactorChallengeForm({
  onSignedIn,
  onRestart,
}: {
  onSignedIn: () => Promise<void>;
  onRestart: () => void;
}) {
  const { t } = useTranslation("twoFactor");
  const [backup, setBackup] = useState(false);
  const { error, busy, run } = useSubmit();
  const form = useForm({
    initialValues: { code: "" },
    validate: {
      code: (v) =>
        backup
          ? v.trim()
            ? null
            : t("challenge.backupInvalid")
          : normalizeCode(v)
            ? null
            : t("challenge.codeInvalid"),
    },
  });

  async function submit(values: { code: string }) {
    await run(async () => {
      if (backup) await authPost("/api/auth/two-factor/verify-backup-code", { code: values.code.trim() });
      else await authPost("/api/auth/two-factor/verify-totp", { code: normalizeCode(values.code) ?? "" });
      await onSignedIn();
    });
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="sm">
        <Text size="sm">{backup ? t("challenge.backupSubtitle") : t("challenge.subtitle")}</Text>
        <ErrorAlert error={error} />
        <TextInput
          key={backup ? "backup" : "totp"}
          label={backup ? t("challenge.backupCode") : t("challenge.code")}
          inputMode={backup ? "text" : "numeric"}
          autoComplete="one-time-code"
          autoFocus
          required
          {...form.getInputProps("code")}
        />
        <Button type="submit" loading={busy === "submit"} fullWidth>
          {t("challenge.submit")}
        </Button>
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => {
            setBackup(!backup);
            form.reset();
          }}
        >
          {backup ? t("challenge.useApp") : t("challenge.useBackup")}
        </Anchor>
        <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onRestart}>
          {t("challenge.back")}
        </Anchor>
      </Stack>
    </form>
  );
}

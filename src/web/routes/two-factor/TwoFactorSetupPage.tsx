// Setting up two-factor authentication: the password, then the QR code (and its key as text), a
// first code from the app, and the backup codes shown once. Operators and platform admins are sent
// here by TwoFactorGate until it is done; anyone else may come here by choice.
import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router";
import { authPost } from "../../api/auth.ts";
import { CopyField } from "../../components/CopyField.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { NarrowCard } from "../../components/NarrowCard.tsx";
import { useNext, withNext } from "../../components/nextPath.ts";
import { PageLoader } from "../../components/PageLoader.tsx";
import { useSubmit } from "../../components/useSubmit.ts";
import { useMe, useRefreshMe } from "../../session.ts";
import { BackupCodes } from "./BackupCodes.tsx";
import { normalizeCode } from "./codeInput.ts";
import { QrCode } from "./QrCode.tsx";
import "./i18n.ts";

type Pending = { totpURI: string; secret: string; backupCodes: string[] };

export default function TwoFactorSetupPage() {
  const { t } = useTranslation("twoFactor");
  const { data: me, isLoading } = useMe();
  const refreshMe = useRefreshMe();
  const next = useNext();
  const nav = useNavigate();
  const { error, busy, run } = useSubmit<"start" | "verify">();
  const [pending, setPending] = useState<Pending | null>(null);
  const [done, setDone] = useState(false);
  const passwordForm = useForm({ initialValues: { password: "" } });
  const codeForm = useForm({
    initialValues: { code: "" },
    validate: { code: (v) => (normalizeCode(v) ? null : t("setup.codeInvalid")) },
  });

  if (isLoading) return <PageLoader />;
  if (!me) return <Navigate to={withNext("/sign-in", withNext("/two-factor", next))} replace />;
  const required = me.user.twoFactor.required;
  const leave = () => nav(next ?? "/", { replace: true });

  async function start(values: { password: string }) {
    await run(
      async () => {
        const r = await authPost("/api/auth/two-factor/enable", { password: values.password });
        const secret = new URL(r.totpURI).searchParams.get("secret") ?? "";
        setPending({ totpURI: r.totpURI, secret, backupCodes: r.backupCodes });
        passwordForm.reset();
      },
      { as: "start" },
    );
  }

  async function verify(values: { code: string }) {
    await run(
      async () => {
        await authPost("/api/auth/two-factor/verify-totp", { code: normalizeCode(values.code) ?? "" });
        setDone(true);
        await refreshMe();
      },
      { as: "verify" },
    );
  }

  if (done && pending) {
    return (
      <NarrowCard title={t("setup.doneTitle")} width={520}>
        <Title order={4}>{t("setup.backupTitle")}</Title>
        <Text size="sm">{t("setup.backupBody")}</Text>
        <BackupCodes codes={pending.backupCodes} />
        <Button onClick={leave}>{t("setup.saved")}</Button>
      </NarrowCard>
    );
  }

  if (me.user.twoFactor.enabled) {
    return (
      <NarrowCard title={t("setup.title")}>
        <Alert color="teal">{t("setup.already")}</Alert>
        <Button onClick={leave}>{t("setup.continue")}</Button>
      </NarrowCard>
    );
  }

  return (
    <NarrowCard title={t("setup.title")} subtitle={t("setup.subtitle")} width={520}>
      {required ? (
        <Alert color="orange" title={t("setup.requiredTitle")} role="status">
          {t("setup.requiredBody")}
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {t("setup.optional")}
        </Text>
      )}
      <ErrorAlert error={error} />
      {!pending ? (
        <form onSubmit={passwordForm.onSubmit(start)} noValidate>
          <Stack gap="sm">
            <Text fw={600}>{t("setup.step1")}</Text>
            <PasswordInput
              label={t("setup.password")}
              autoComplete="current-password"
              required
              {...passwordForm.getInputProps("password")}
            />
            <Button type="submit" loading={busy === "start"} disabled={!passwordForm.values.password}>
              {t("setup.start")}
            </Button>
          </Stack>
        </form>
      ) : (
        <form onSubmit={codeForm.onSubmit(verify)} noValidate>
          <Stack gap="sm">
            <Text fw={600}>{t("setup.step2")}</Text>
            <Text size="sm" c="dimmed">
              {t("setup.apps")}
            </Text>
            <Group justify="center">
              <QrCode value={pending.totpURI} alt={t("setup.qrAlt")} />
            </Group>
            <Text size="sm">{t("setup.secretLabel")}</Text>
            <div data-testid="totp-secret">
              <CopyField value={pending.secret} label={t("setup.secret")} />
            </div>
            <Text fw={600} mt="sm">
              {t("setup.step3")}
            </Text>
            <TextInput
              label={t("setup.code")}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={9}
              required
              {...codeForm.getInputProps("code")}
            />
            <Button type="submit" loading={busy === "verify"}>
              {t("setup.verify")}
            </Button>
          </Stack>
        </form>
      )}
    </NarrowCard>
  );
}

import { Button, Divider, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { authPost } from "../../api/auth.ts";
import { EmailInput } from "../../components/EmailInput.tsx";
import { ErrorAlert, fieldErrors } from "../../components/ErrorAlert.tsx";
import { NarrowCard } from "../../components/NarrowCard.tsx";
import { NewPasswordInput } from "../../components/NewPasswordInput.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { cleanNotice, PrivacyNoticeFields, validateNotice } from "../../components/PrivacyNoticeFields.tsx";
import { DEFAULT_NOTICE } from "../../components/privacyNoticeTemplate.ts";
import { useSubmit } from "../../components/useSubmit.ts";
import { meKeys } from "../../session.ts";
import { isValidSlug } from "./i18n.ts";
import { getSetupStatus, runSetup, setupKeys } from "./queries.ts";

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function Section({ title, help, children }: { title: string; help: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p={{ base: "md", sm: "lg" }} radius="md">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {help}
          </Text>
        </div>
        <Divider />
        {children}
      </Stack>
    </Paper>
  );
}

export default function SetupPage() {
  const { t } = useTranslation(["setup", "common"]);
  const { error, setError, busy, run } = useSubmit();
  const { t: tui } = useTranslation("ui");
  const nav = useNavigate();
  const qc = useQueryClient();
  const status = useQuery({ queryKey: setupKeys.status, queryFn: getSetupStatus });
  const form = useForm({
    initialValues: {
      admin: { name: "", email: "", password: "" },
      network: { name: "", slug: "" },
      notice: { body: DEFAULT_NOTICE.body, purposes: [...DEFAULT_NOTICE.purposes] },
    },
    validateInputOnChange: ["network.slug"],
    validate: (v) => ({
      "admin.name": v.admin.name.trim() ? null : t("required"),
      "admin.email": EMAIL_RE.test(v.admin.email.trim()) ? null : t("emailInvalid"),
      "admin.password":
        v.admin.password.length >= 8 && v.admin.password.length <= 128 ? null : t("passwordTooShort"),
      "network.name": v.network.name.trim() ? null : t("required"),
      "network.slug": isValidSlug(v.network.slug) ? null : t("slugInvalid"),
      ...Object.fromEntries(
        Object.entries(validateNotice(v.notice, tui)).map(([k, msg]) => [`notice.${k}`, msg]),
      ),
    }),
  });

  async function submit(v: typeof form.values) {
    await run(
      async () => {
        const admin = { name: v.admin.name.trim(), email: v.admin.email.trim(), password: v.admin.password };
        const res = await runSetup({
          admin,
          network: { ...v.network, name: v.network.name.trim(), privacyNotice: cleanNotice(v.notice) },
        });
        notifications.show({ color: "teal", message: t("created", { name: v.network.name.trim() }) });
        qc.setQueryData(setupKeys.status, { needed: false });
        try {
          await authPost("/api/auth/sign-in/email", { email: admin.email, password: admin.password });
          await qc.invalidateQueries({ queryKey: meKeys.all });
          nav(`/n/${res.networkSlug}`, { replace: true });
        } catch {
          nav(`/sign-in?next=${encodeURIComponent(`/n/${res.networkSlug}`)}`, { replace: true });
        }
      },
      {
        onError: (e) => {
          setError(e);
          form.setErrors(
            fieldErrors(e, {
              "network.privacyNotice.body": "notice.body",
              "network.privacyNotice.purposes": "notice.purposes",
            }),
          );
        },
      },
    );
  }

  if (status.isLoading) return <PageLoader />;
  if (status.data && !status.data.needed && !busy) {
    return (
      <NarrowCard title={t("done")}>
        <Text>{t("doneBody")}</Text>
        <Button component={Link} to="/sign-in">
          {t("common:signIn")}
        </Button>
      </NarrowCard>
    );
  }
  const slug = form.values.network.slug;
  const url = `${window.location.origin}/n/${slug || "…"}`;
  return (
    <Stack maw={760} mx="auto">
      <PageTitle title={t("title")} subtitle={t("subtitle")} />
      <ErrorAlert error={error ?? status.error} />
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="lg">
          <Section title={t("adminSection")} help={t("adminHelp")}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t("name")}
                autoComplete="name"
                required
                maxLength={100}
                {...form.getInputProps("admin.name")}
              />
              <EmailInput label={t("email")} {...form.getInputProps("admin.email")} />
            </SimpleGrid>
            <NewPasswordInput
              label={t("password")}
              description={t("passwordHelp")}
              {...form.getInputProps("admin.password")}
            />
          </Section>
          <Section title={t("networkSection")} help={t("networkHelp")}>
            <TextInput
              label={t("networkName")}
              placeholder={t("networkNamePlaceholder")}
              required
              maxLength={100}
              {...form.getInputProps("network.name")}
            />
            <TextInput
              label={t("slug")}
              placeholder="tsunagari-corp"
              required
              maxLength={40}
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              description={t("slugHelp", { url })}
              {...form.getInputProps("network.slug")}
              onChange={(e) => form.setFieldValue("network.slug", e.currentTarget.value.toLowerCase().trim())}
            />
          </Section>
          <Section title={t("noticeSection")} help={t("noticeHelp")}>
            <PrivacyNoticeFields form={form} prefix="notice" />
          </Section>
          <Button type="submit" size="md" loading={!!busy}>
            {t("submit")}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

import { Alert, Box, Button, Group, Paper, Stack, Stepper, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { ResponseOf } from "../../api/client.ts";
import { ApiError } from "../../api/client.ts";
import { accentStyle } from "../../components/brand.ts";
import { NO_CONSENT } from "../../components/ConsentOptIns.tsx";
import { ErrorAlert, fieldErrors } from "../../components/ErrorAlert.tsx";
import { NoticeAcceptance } from "../../components/NoticeAcceptance.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { type Me, meKeys, useMe } from "../../session.ts";
import { EmploymentFields } from "./EmploymentFields.tsx";
import { employmentBody, emptyEmployment, validateEmployment } from "./employment.ts";
import {
  getMyRegistration,
  getPublicNetwork,
  myRegistrationKeys,
  publicNetworkKeys,
  register,
} from "./queries.ts";
import { RegisterIntro } from "./RegisterIntro.tsx";
import { RegistrationStatus } from "./RegistrationStatus.tsx";
import "./i18n.ts";

type PublicNetwork = ResponseOf<"/api/networks/{slug}/public">;

function Wizard({ network, me }: { network: PublicNetwork; me: Me }) {
  const { t } = useTranslation(["register", "common"]);
  const { t: tf } = useTranslation("forms");
  const nav = useNavigate();
  const qc = useQueryClient();
  const [step, setStep] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<"pending" | null>(null);
  const narrow = useMediaQuery("(max-width: 48em)", false, { getInitialValueInEffect: false });
  const mine = useQuery({
    queryKey: myRegistrationKeys.detail(network.slug),
    queryFn: () => getMyRegistration(network.slug),
  });
  const form = useForm({
    initialValues: { employment: emptyEmployment, consent: { accepted: false, choices: NO_CONSENT } },
    validate: (v) => {
      const e: Record<string, string | null> = {};
      if (step >= 1)
        for (const [k, msg] of Object.entries(validateEmployment(v.employment, t)))
          e[`employment.${k}`] = msg;
      if (step >= 2 && !v.consent.accepted) e["consent.accepted"] = tf("mustAccept");
      return e;
    },
  });

  if (mine.isLoading) return <PageLoader />;
  const status = result ?? mine.data?.status;
  if (status === "pending" || status === "not_approved") return <RegistrationStatus status={status} />;
  if (status === "approved") {
    return (
      <Alert color="teal">
        <Text mb="sm">{t("alreadyMember")}</Text>
        <Button
          component={Link}
          to={`/n/${network.slug}`}
          onClick={() => qc.invalidateQueries({ queryKey: meKeys.all })}
        >
          {t("goToNetwork")}
        </Button>
      </Alert>
    );
  }

  const next = () => {
    if (!form.validate().hasErrors) setStep((s) => s + 1);
  };

  async function submit() {
    if (form.validate().hasErrors || !network.privacyNotice) return;
    setError(null);
    setBusy(true);
    try {
      const v = form.values;
      const res = await register(network.slug, {
        ...employmentBody(v.employment),
        consent: { noticeVersion: network.privacyNotice.version, ...v.consent.choices },
      });
      if (res.status === "approved") {
        await qc.invalidateQueries({ queryKey: meKeys.all });
        nav(`/n/${network.slug}/welcome`, { replace: true });
      } else {
        setResult("pending");
      }
    } catch (e) {
      setError(e);
      const fe = fieldErrors(e);
      form.setErrors(Object.fromEntries(Object.entries(fe).map(([k, m]) => [`employment.${k}`, m])));
      if (Object.keys(fe).length) setStep(1);
      if (e instanceof ApiError && e.code === "NOTICE_OUTDATED")
        await qc.invalidateQueries({ queryKey: publicNetworkKeys.detail(network.slug) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="lg">
      <Stepper
        active={step}
        onStepClick={(s) => s < step && setStep(s)}
        size="sm"
        allowNextStepsSelect={false}
        // On a phone the three steps stay on one line: each label under its number.
        labelPosition={narrow ? "bottom" : "right"}
        wrap={false}
      >
        <Stepper.Step label={t("steps.intro")}>
          <Stack gap="md" mt="md">
            <RegisterIntro name={network.name} slug={network.slug} signedOut={false} />
            <Text size="sm" c="dimmed">
              {t("signedInAs", { email: me.user.email })}
            </Text>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t("steps.employment")}>
          <Stack gap="md" mt="md">
            <Text size="sm">{t("employmentHelp")}</Text>
            <EmploymentFields form={form as any} />
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t("steps.consent")}>
          <Stack mt="md">
            <NoticeAcceptance
              notice={network.privacyNotice}
              value={form.values.consent}
              onChange={(c) => {
                form.setFieldValue("consent", c);
                if (c.accepted) form.clearFieldError("consent.accepted");
              }}
              error={form.errors["consent.accepted"] as string | undefined}
            />
          </Stack>
        </Stepper.Step>
      </Stepper>
      <ErrorAlert error={error} />
      <Group justify="space-between">
        {step > 0 ? (
          <Button variant="default" onClick={() => setStep(step - 1)}>
            {t("common:back")}
          </Button>
        ) : (
          <span />
        )}
        {step < 2 ? (
          <Button onClick={next}>{step === 0 ? t("start") : t("common:next")}</Button>
        ) : (
          <Button onClick={submit} loading={busy} disabled={!network.privacyNotice}>
            {t("submit")}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

export default function RegisterPage() {
  const { t } = useTranslation("register");
  const { slug = "" } = useParams();
  const me = useMe();
  const pub = useQuery({
    queryKey: publicNetworkKeys.detail(slug),
    queryFn: () => getPublicNetwork(slug),
  });
  if (pub.isLoading || me.isLoading) return <PageLoader />;
  if (pub.error) {
    const notFound = pub.error instanceof ApiError && pub.error.status === 404;
    return notFound ? (
      <Alert color="orange" maw={640} mx="auto">
        {t("notFound")}
      </Alert>
    ) : (
      <ErrorAlert error={pub.error} />
    );
  }
  const network = pub.data!;
  const member = me.data?.networks.some((n) => n.slug === slug);
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "md", sm: "xl" }}
      maw={760}
      mx="auto"
      style={accentStyle(network.brand.accentColor)}
    >
      {network.brand.logoUrl && (
        <Box
          component="img"
          src={network.brand.logoUrl}
          alt={network.name}
          mb="sm"
          style={{ height: 40, width: "auto", maxWidth: 240, objectFit: "contain", display: "block" }}
        />
      )}
      <PageTitle title={t("title", { name: network.name })} />
      {!me.data ? (
        <RegisterIntro name={network.name} slug={slug} signedOut />
      ) : member ? (
        <Alert color="teal">
          <Text mb="sm">{t("alreadyMember")}</Text>
          <Button component={Link} to={`/n/${slug}`}>
            {t("goToNetwork")}
          </Button>
        </Alert>
      ) : (
        <Wizard network={network} me={me.data} />
      )}
    </Paper>
  );
}

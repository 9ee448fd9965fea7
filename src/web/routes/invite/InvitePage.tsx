import { Alert, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError } from "../../api/client.ts";
import { NO_CONSENT } from "../../components/ConsentOptIns.tsx";
import { formatDate } from "../../components/dates.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { NoticeAcceptance, type NoticeAcceptanceValue } from "../../components/NoticeAcceptance.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { meKeys, useMe } from "../../session.ts";
import { acceptInvitation, getInvitation, inviteKeys } from "./queries.ts";
import "./i18n.ts";

export default function InvitePage() {
  const { t } = useTranslation("invite");
  const { t: tf } = useTranslation("forms");
  const { token = "" } = useParams();
  const nav = useNavigate();
  const qc = useQueryClient();
  const me = useMe();
  const [consent, setConsent] = useState<NoticeAcceptanceValue>({ accepted: false, choices: NO_CONSENT });
  const [mustAccept, setMustAccept] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const inv = useQuery({
    queryKey: inviteKeys.detail(token),
    queryFn: () => getInvitation(token),
  });

  if (inv.isLoading || me.isLoading) return <PageLoader />;
  if (inv.error) {
    return inv.error instanceof ApiError && inv.error.status === 404 ? (
      <Alert color="orange" maw={640} mx="auto" mt="xl">
        {t("invalid")}
      </Alert>
    ) : (
      <ErrorAlert error={inv.error} />
    );
  }
  const i = inv.data!;
  const here = encodeURIComponent(`/invite/${token}`);
  const member = me.data?.networks.some((n) => n.slug === i.networkSlug);

  async function accept() {
    if (!consent.accepted) {
      setMustAccept(true);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const res = await acceptInvitation(token, {
        consent: { noticeVersion: i.privacyNotice!.version, ...consent.choices },
      });
      await qc.invalidateQueries({ queryKey: meKeys.all });
      nav(`/n/${res.networkSlug}/welcome`, { replace: true });
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.code === "NOTICE_OUTDATED") await inv.refetch();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder radius="md" p={{ base: "md", sm: "xl" }} maw={760} mx="auto">
      <PageTitle title={t("title", { network: i.networkName })} />
      <Stack gap="md">
        {i.name && <Text fw={600}>{t("greeting", { name: i.name })}</Text>}
        <Text>{t("body", { network: i.networkName })}</Text>
        <Text size="sm" c="dimmed">
          {t("sentTo", { email: i.email })} ・ {t("expires", { date: formatDate(i.expiresAt) })}
        </Text>
        {!me.data ? (
          <>
            <Text size="sm">{t("signedOutHint")}</Text>
            <Group>
              <Button component={Link} to={`/sign-up?next=${here}&email=${encodeURIComponent(i.email)}`}>
                {t("signUp")}
              </Button>
              <Button
                component={Link}
                to={`/sign-in?next=${here}&email=${encodeURIComponent(i.email)}`}
                variant="default"
              >
                {t("signIn")}
              </Button>
            </Group>
          </>
        ) : member ? (
          <Alert color="teal">
            <Text mb="sm">{t("alreadyMember")}</Text>
            <Button component={Link} to={`/n/${i.networkSlug}`}>
              {t("goToNetwork")}
            </Button>
          </Alert>
        ) : (
          <>
            <NoticeAcceptance
              notice={i.privacyNotice}
              value={consent}
              onChange={(c) => {
                setConsent(c);
                if (c.accepted) setMustAccept(false);
              }}
              error={mustAccept ? tf("mustAccept") : null}
            />
            <ErrorAlert error={error} />
            <Text size="sm" c="dimmed">
              {t("signedInAs", { email: me.data.user.email })}
            </Text>
            <Group justify="flex-end">
              <Button onClick={accept} loading={busy} disabled={!i.privacyNotice}>
                {t("accept")}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}

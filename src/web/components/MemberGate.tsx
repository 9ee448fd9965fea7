// Pages inside a network: waits for the session, sends signed-out people to sign in (and back),
// shows a registrant waiting for 在籍確認 where their application stands, and otherwise a clear
// "not a member" state with a link to the registration page.
import { Button, EmptyState, Group, Stack } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation } from "react-router";
import { RegistrationStatus } from "../routes/register/RegistrationStatus.tsx";
import { type Me, type MyNetwork, useMe } from "../session.ts";
import { ErrorAlert } from "./ErrorAlert.tsx";
import { rememberNetwork } from "./nextPath.ts";
import { PageLoader } from "./PageLoader.tsx";
import "./formStrings.ts";

export function MemberGate({
  slug,
  children,
}: {
  slug: string;
  children: (membership: MyNetwork, me: Me) => React.ReactNode;
}) {
  const { t } = useTranslation("forms");
  const { data: me, isLoading, error } = useMe();
  const loc = useLocation();
  const membership = me?.networks.find((n) => n.slug === slug);
  useEffect(() => {
    if (membership) rememberNetwork(membership.slug);
  }, [membership]);
  if (isLoading) return <PageLoader />;
  if (error) return <ErrorAlert error={error} />;
  if (!me) return <Navigate to={`/sign-in?next=${encodeURIComponent(loc.pathname + loc.search)}`} replace />;
  const application = membership ? undefined : me.applications.find((a) => a.slug === slug);
  if (application) {
    return (
      <Stack maw={640} mx="auto" mt="xl">
        <RegistrationStatus status={application.status} network={application.name} />
      </Stack>
    );
  }
  if (!membership) {
    return (
      <EmptyState
        mt="xl"
        title={t("notMember.title")}
        description={t("notMember.body")}
        withIndicatorBackground
      >
        <EmptyState.Actions>
          <Group justify="center">
            <Button component={Link} to={`/n/${encodeURIComponent(slug)}/register`}>
              {t("notMember.register")}
            </Button>
            <Button component={Link} to="/" variant="default">
              {t("notMember.home")}
            </Button>
          </Group>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  return <>{children(membership, me)}</>;
}

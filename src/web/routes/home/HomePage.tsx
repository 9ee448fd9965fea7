import { Button, EmptyState, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { lastNetwork } from "../../components/nextPath.ts";
import { PageLoader } from "../../components/PageLoader.tsx";
import { useMe } from "../../session.ts";
import { RegistrationStatus } from "../register/RegistrationStatus.tsx";
import { getSetupStatus, setupKeys } from "../setup/queries.ts";
import "./i18n.ts";

function Landing() {
  const { t } = useTranslation(["home", "common"]);
  useEffect(() => {
    document.title = t("common:appName");
  }, [t]);
  return (
    <Paper withBorder radius="md" p={{ base: "lg", sm: 48 }} maw={820} mx="auto" mt={{ base: 0, sm: "xl" }}>
      <Stack gap="lg">
        <Title order={1} size="h2">
          {t("heroTitle")}
        </Title>
        <Text>{t("heroBody")}</Text>
        <List spacing="xs" size="sm">
          <List.Item>{t("points.verified")}</List.Item>
          <List.Item>{t("points.privacy")}</List.Item>
          <List.Item>{t("points.offers")}</List.Item>
        </List>
        <Group>
          <Button component={Link} to="/sign-in" size="md">
            {t("signIn")}
          </Button>
          <Button component={Link} to="/sign-up" size="md" variant="default">
            {t("signUp")}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t("joinHint")}
        </Text>
      </Stack>
    </Paper>
  );
}

export default function HomePage() {
  const { t } = useTranslation("home");
  const setup = useQuery({ queryKey: setupKeys.status, queryFn: getSetupStatus });
  const me = useMe();
  if (setup.isLoading || me.isLoading) return <PageLoader />;
  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  if (me.error) return <ErrorAlert error={me.error} />;
  if (!me.data) return <Landing />;
  const networks = me.data.networks;
  if (networks.length > 0) {
    const last = lastNetwork();
    const target = networks.find((n) => n.slug === last) ?? networks[0];
    return <Navigate to={`/n/${target.slug}`} replace />;
  }
  // After sign-in, a registrant still waiting for 在籍確認 sees where each application stands.
  if (me.data.applications.length > 0) {
    return (
      <Stack maw={640} mx="auto" mt="xl" gap="lg">
        {me.data.applications.map((a) => (
          <RegistrationStatus key={a.slug} status={a.status} network={a.name} home={false} />
        ))}
      </Stack>
    );
  }
  return (
    <EmptyState
      mt="xl"
      maw={640}
      mx="auto"
      title={t("emptyTitle")}
      description={t("emptyBody")}
      withIndicatorBackground
    >
      {me.data.user.platformAdmin && (
        <EmptyState.Actions>
          <Button component={Link} to="/admin">
            {t("emptyAdmin")}
          </Button>
        </EmptyState.Actions>
      )}
    </EmptyState>
  );
}

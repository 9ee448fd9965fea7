import { Button, Group, List, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import "./i18n.ts";

/** What this network is and how registration works; sign-up / sign-in buttons when signed out. */
export function RegisterIntro({ name, slug, signedOut }: { name: string; slug: string; signedOut: boolean }) {
  const { t } = useTranslation("register");
  const next = encodeURIComponent(`/n/${slug}/register`);
  return (
    <Stack gap="md">
      <Text>{t("intro", { name })}</Text>
      <div>
        <Title order={3} size="h5" mb={6}>
          {t("howTitle")}
        </Title>
        <List type="ordered" size="sm" spacing={6}>
          <List.Item>{t("how.account")}</List.Item>
          <List.Item>{t("how.employment")}</List.Item>
          <List.Item>{t("how.consent")}</List.Item>
          <List.Item>{t("how.verify")}</List.Item>
        </List>
      </div>
      {signedOut && (
        <>
          <Text size="sm" c="dimmed">
            {t("signedOutHint")}
          </Text>
          <Group>
            <Button component={Link} to={`/sign-up?next=${next}`}>
              {t("signUp")}
            </Button>
            <Button component={Link} to={`/sign-in?next=${next}`} variant="default">
              {t("signIn")}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { ApiError } from "../../api/client.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { MemberGate } from "../../components/MemberGate.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { MessageButton } from "../messages/MessageButton.tsx";
import { ProfileDetails } from "./ProfileDetails.tsx";
import { getProfile, profileKeys } from "./queries.ts";
import { filterAs, type ViewAs } from "./viewAs.ts";
import "./i18n.ts";

function Viewer({ slug, userId, myId }: { slug: string; userId: string; myId: string }) {
  const { t } = useTranslation("profile");
  const [params, setParams] = useSearchParams();
  const q = useQuery({
    queryKey: profileKeys.detail(slug, userId),
    queryFn: () => getProfile(slug, userId),
  });
  if (q.isLoading) return <PageLoader />;
  if (q.error) {
    return q.error instanceof ApiError && q.error.status === 404 ? (
      <Alert color="orange">{t("notFound")}</Alert>
    ) : (
      <ErrorAlert error={q.error} />
    );
  }
  const own = userId === myId;
  const raw = params.get("as");
  const as: ViewAs = own && (raw === "members" || raw === "operators") ? raw : "me";
  const p = own ? filterAs(q.data!, as) : q.data!;
  return (
    <Stack gap="md">
      {own && (
        <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-gray-light)">
          <Stack gap="xs">
            <Text size="sm">{t("ownNote")}</Text>
            <Group justify="space-between" gap="xs">
              <SegmentedControl
                size="xs"
                aria-label={t("viewAsLabel")}
                value={as}
                onChange={(v) => setParams(v === "me" ? {} : { as: v }, { replace: true })}
                data={(["me", "operators", "members"] as const).map((v) => ({
                  value: v,
                  label: t(`viewAsOptions.${v}`),
                }))}
              />
              <Button component={Link} to={`/n/${slug}/profile`} size="xs" variant="light">
                {t("edit")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {!own && (
        <Group justify="flex-end">
          <MessageButton slug={slug} userId={userId} />
        </Group>
      )}
      <Paper withBorder radius="md" p={{ base: "md", sm: "xl" }}>
        <ProfileDetails p={p} />
      </Paper>
    </Stack>
  );
}

export default function ProfileViewPage() {
  const { slug = "", userId = "" } = useParams();
  return (
    <MemberGate slug={slug}>
      {(n, me) => (
        <Stack maw={820}>
          <Viewer slug={n.slug} userId={userId} myId={me.user.id} />
        </Stack>
      )}
    </MemberGate>
  );
}

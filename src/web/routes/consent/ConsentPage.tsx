import { Alert, Anchor, Button, Group, Modal, Paper, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { ConsentOut } from "../../../modules/consent/schemas.ts";
import type { ConsentChoices } from "../../../shared/profile.ts";
import { ConsentOptIns } from "../../components/ConsentOptIns.tsx";
import { formatDate, formatDateTime } from "../../components/dates.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { MemberGate } from "../../components/MemberGate.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { PrivacyNoticeView } from "../../components/PrivacyNoticeView.tsx";
import { getPublicNetwork, publicNetworkKeys } from "../register/queries.ts";
import { consentKeys, getConsent, putConsent } from "./queries.ts";
import "./i18n.ts";

type Consent = ConsentOut;

function Settings({ slug }: { slug: string }) {
  const { t } = useTranslation("consent");
  const qc = useQueryClient();
  const [reading, { open, close }] = useDisclosure(false);
  const key = consentKeys.detail(slug);
  const q = useQuery({ queryKey: key, queryFn: () => getConsent(slug) });
  const notice = useQuery({
    queryKey: publicNetworkKeys.detail(slug),
    queryFn: () => getPublicNetwork(slug),
  });
  const put = useMutation({
    mutationFn: (body: ConsentChoices & { acceptNoticeVersion?: number }) => putConsent(slug, body),
    onMutate: async (body) => {
      // Optimistic: the switch moves at once; rolled back if the server refuses.
      await qc.cancelQueries({ queryKey: key });
      const before = qc.getQueryData<Consent>(key);
      if (before) qc.setQueryData(key, { ...before, choices: { ...body } });
      return { before };
    },
    onError: (_e, _b, ctx) => ctx?.before && qc.setQueryData(key, ctx.before),
    onSuccess: (c, body) => {
      qc.setQueryData(key, c);
      notifications.show({
        color: "teal",
        message: body.acceptNoticeVersion ? t("acceptedNow") : t("updated"),
      });
    },
  });

  if (q.isLoading) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const c = q.data!;
  const newer = c.latestNoticeVersion != null && (c.noticeVersion ?? 0) < c.latestNoticeVersion;
  const latest = notice.data?.privacyNotice ?? null;

  return (
    <Stack gap="lg" maw={760}>
      <PageTitle title={t("title")} subtitle={t("subtitle")} />
      {newer && (
        <Alert
          color="orange"
          title={
            // Someone who never accepted any version (an operator added by hand) is asked to read
            // it, not told that it changed.
            c.noticeVersion == null
              ? t("notYet", { version: c.latestNoticeVersion })
              : t("newer", { version: c.latestNoticeVersion })
          }
        >
          <Stack gap="xs">
            <Text size="sm">{c.noticeVersion == null ? t("notYetBody") : t("newerBody")}</Text>
            <Group gap="sm">
              <Button size="xs" variant="default" onClick={open} disabled={!latest}>
                {t("read")}
              </Button>
              <Button
                size="xs"
                loading={put.isPending && !!put.variables?.acceptNoticeVersion}
                onClick={() => put.mutate({ ...c.choices, acceptNoticeVersion: c.latestNoticeVersion! })}
              >
                {t("acceptNewer", { version: c.latestNoticeVersion })}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <ErrorAlert error={put.error} />
      <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }}>
        <Title order={3} size="h4" mb="md">
          {t("optIns")}
        </Title>
        <ConsentOptIns
          as="switch"
          value={c.choices}
          onChange={(k, checked) => put.mutate({ ...c.choices, [k]: checked })}
        />
        {c.updatedAt && (
          <Text size="xs" c="dimmed" mt="md">
            {t("lastChanged", { date: formatDateTime(c.updatedAt) })}
          </Text>
        )}
      </Paper>
      <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }}>
        <Title order={3} size="h4" mb="xs">
          {t("notice")}
        </Title>
        <Text size="sm">
          {c.noticeVersion
            ? t("accepted", { version: c.noticeVersion, date: formatDate(c.acceptedAt) })
            : t("notAccepted")}
        </Text>
        {latest && (
          <Anchor component="button" type="button" size="sm" mt="xs" onClick={open} className="tsu-tap-row">
            {t("read")}
          </Anchor>
        )}
      </Paper>
      <Modal
        opened={reading}
        onClose={close}
        title={t("notice")}
        size="lg"
        closeButtonProps={{ "aria-label": t("close") }}
      >
        {latest && <PrivacyNoticeView notice={latest} maxHeight={480} />}
      </Modal>
    </Stack>
  );
}

export default function ConsentPage() {
  const { slug = "" } = useParams();
  return <MemberGate slug={slug}>{(n) => <Settings slug={n.slug} />}</MemberGate>;
}

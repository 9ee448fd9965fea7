// The network's automatic-approval rule: strict (the default) or lenient. Switching to lenient is
// confirmed with a warning of what it allows: name and months are facts a former colleague knows.
import { Alert, Card, Radio, Skeleton, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmModal } from "../../../components/ConfirmModal.tsx";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import {
  getRegistrationPolicy,
  type RegistrationPolicy,
  registrationKeys,
  setRegistrationPolicy,
} from "./queries.ts";
import "../i18n.ts";

export function RegistrationPolicyCard({ slug }: { slug: string }) {
  const { t } = useTranslation("operator");
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const q = useQuery({ queryKey: registrationKeys.policy(slug), queryFn: () => getRegistrationPolicy(slug) });
  const save = useMutation({
    mutationFn: (policy: RegistrationPolicy) => setRegistrationPolicy(slug, policy),
    onSuccess: (data) => {
      qc.setQueryData(registrationKeys.policy(slug), data);
      setConfirming(false);
      notifications.show({ color: "teal", message: t("approvals.policy.saved") });
    },
  });
  const current = q.data?.policy;
  const choose = (value: string) => {
    if (value === current) return;
    save.reset();
    if (value === "lenient") setConfirming(true);
    else save.mutate("strict");
  };

  return (
    <Card withBorder padding="md" mb="lg">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">
            {t("approvals.policy.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("approvals.policy.description")}
          </Text>
        </div>
        <ErrorAlert error={q.error} />
        {q.isLoading && <Skeleton h={96} />}
        {current && (
          <Radio.Group value={current} onChange={choose} aria-label={t("approvals.policy.title")}>
            <Stack gap="xs">
              <Radio
                value="strict"
                label={t("approvals.policy.strict")}
                description={t("approvals.policy.strictDescription")}
                disabled={save.isPending}
              />
              <Radio
                value="lenient"
                label={t("approvals.policy.lenient")}
                description={t("approvals.policy.lenientDescription")}
                disabled={save.isPending}
              />
            </Stack>
          </Radio.Group>
        )}
        {current === "lenient" && (
          <Alert color="yellow" role="alert">
            {t("approvals.policy.warning")}
          </Alert>
        )}
        {!confirming && <ErrorAlert error={save.error} />}
      </Stack>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => save.mutate("lenient")}
        loading={save.isPending}
        title={t("approvals.policy.confirmTitle")}
        message={t("approvals.policy.warning")}
        confirmLabel={t("approvals.policy.confirmLabel")}
        color="orange"
      >
        <Text size="sm">{t("approvals.policy.lenientDescription")}</Text>
        <ErrorAlert error={save.error} />
      </ConfirmModal>
    </Card>
  );
}

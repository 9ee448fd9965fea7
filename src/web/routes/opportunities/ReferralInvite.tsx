// On a posting's page, for the alumna who was referred for it: who referred her, why and how they
// know her, and her choice — 応募する (the posting's normal application box, below) or 辞退する
// (an optional reason the referrer never sees). Once answered, a line says how.
import { Blockquote, Button, Card, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useSubmit } from "../../components/useSubmit.ts";
import "./i18n.ts";
import type { Opportunity } from "./queries.ts";
import { declineReferral, type Referral, referralKeys, useReceivedReferrals } from "./referral-queries.ts";

/** Scrolls to the application box and puts the cursor in its motivation. */
function goToApply() {
  const box = document.querySelector<HTMLElement>("[data-testid=apply-box]");
  box?.scrollIntoView({ behavior: "smooth", block: "start" });
  box?.querySelector<HTMLTextAreaElement>("textarea")?.focus({ preventScroll: true });
}

function Asked({ slug, r }: { slug: string; r: Referral }) {
  const { t } = useTranslation("opportunities");
  const qc = useQueryClient();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const { error, busy, run } = useSubmit();
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      bg="var(--mantine-color-blue-light)"
      data-testid="referral-invite"
    >
      <Stack gap="sm">
        <Title order={4}>{t("referrals.invite.title", { name: r.referrer.name })}</Title>
        <Text size="sm" c="dimmed">
          {t(`referrals.relationships.${r.relationship}`)}
          {r.relationshipNote ? `（${r.relationshipNote}）` : ""}
        </Text>
        <Blockquote p="sm" radius="sm" style={{ whiteSpace: "pre-wrap" }}>
          {r.why}
        </Blockquote>
        <Text size="xs" c="dimmed">
          {t("referrals.invite.privacy")}
        </Text>
        <ErrorAlert error={error} />
        {declining ? (
          <Stack gap="xs">
            <Textarea
              label={t("referrals.invite.declineReason")}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={1000}
            />
            <Group>
              <Button
                color="gray"
                loading={busy === "submit"}
                onClick={() =>
                  run(async () => {
                    await declineReferral(slug, r.id, reason.trim() || null);
                    notifications.show({ color: "teal", message: t("referrals.invite.declinedDone") });
                    await qc.invalidateQueries({ queryKey: referralKeys.all(slug) });
                  })
                }
                data-testid="referral-decline-confirm"
              >
                {t("referrals.invite.declineConfirm")}
              </Button>
              <Button variant="subtle" onClick={() => setDeclining(false)}>
                {t("cancel", { ns: "common" })}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group grow>
            <Button onClick={goToApply} data-testid="referral-apply">
              {t("referrals.invite.apply")}
            </Button>
            <Button variant="default" onClick={() => setDeclining(true)} data-testid="referral-decline">
              {t("referrals.invite.decline")}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

export function ReferralInvite({ slug, o }: { slug: string; o: Opportunity }) {
  const { t } = useTranslation("opportunities");
  const list = useReceivedReferrals(slug, true, o.id);
  const items = list.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Stack gap="sm">
      {items.map((r) =>
        r.status === "asked" && !o.myApplication ? (
          <Asked key={r.id} slug={slug} r={r} />
        ) : (
          <Text key={r.id} size="sm" c="dimmed" data-testid="referral-answered">
            {r.status === "declined"
              ? t("referrals.invite.declined")
              : t("referrals.invite.applied", { name: r.referrer.name })}
          </Text>
        ),
      )}
    </Stack>
  );
}

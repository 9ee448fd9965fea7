// On an open posting's page, for employees and operators: refer an alumna — picked from the members
// the referrer can see in the directory — with why and how they know her; below, the referrals
// they made for this posting with her answer (and the coarse outcome once she applied).
import { Badge, Button, Card, Group, Select, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { client, unwrap } from "../../api/client.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useSubmit } from "../../components/useSubmit.ts";
import "./i18n.ts";
import type { Opportunity } from "./queries.ts";
import {
  RELATIONSHIPS,
  type Referral,
  type Relationship,
  referAlumna,
  referralKeys,
  useMyReferrals,
  withdrawReferral,
} from "./referral-queries.ts";

/** Her answer, and the outcome of her application once she applied. */
export function ReferralBadges({ r }: { r: Referral }) {
  const { t } = useTranslation("opportunities");
  const color = { asked: "blue", applied: "teal", declined: "gray", withdrawn: "gray" }[r.status];
  return (
    <Group gap={6}>
      <Badge variant="light" color={color} data-testid="referral-status">
        {t(`referrals.statuses.${r.status}`)}
      </Badge>
      {r.outcome && (
        <Badge variant="outline" color={r.outcome === "hired" ? "teal" : "gray"}>
          {t(`referrals.outcomes.${r.outcome}`)}
        </Badge>
      )}
    </Group>
  );
}

function Mine({ slug, o }: { slug: string; o: Opportunity }) {
  const { t } = useTranslation("opportunities");
  const qc = useQueryClient();
  const list = useMyReferrals(slug, true, o.id);
  const { error, busy, run } = useSubmit<string>();
  const items = list.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Stack gap="xs" data-testid="my-referrals">
      <Text size="sm" fw={600}>
        {t("referrals.refer.mine")}
      </Text>
      <ErrorAlert error={error} />
      {items.map((r) => (
        <Group key={r.id} justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm">{r.alumna.name}</Text>
          <Group gap={6} wrap="nowrap">
            <ReferralBadges r={r} />
            {r.canWithdraw && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                loading={busy === r.id}
                onClick={() =>
                  run(
                    async () => {
                      await withdrawReferral(slug, r.id);
                      notifications.show({ color: "teal", message: t("referrals.refer.withdrawn") });
                      await qc.invalidateQueries({ queryKey: referralKeys.all(slug) });
                    },
                    { as: r.id },
                  )
                }
              >
                {t("referrals.refer.withdraw")}
              </Button>
            )}
          </Group>
        </Group>
      ))}
    </Stack>
  );
}

export function ReferralBox({ slug, o }: { slug: string; o: Opportunity }) {
  const { t } = useTranslation("opportunities");
  const qc = useQueryClient();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 250);
  const [picked, setPicked] = useState<{ userId: string; name: string } | null>(null);
  const [relationship, setRelationship] = useState<Relationship>("worked_together");
  const [note, setNote] = useState("");
  const [why, setWhy] = useState("");
  const { error, busy, run } = useSubmit();
  const mine = useMyReferrals(slug, true, o.id);
  // The members the referrer can see (a hidden member is never offered), alumni only.
  const results = useQuery({
    queryKey: ["directory", slug, "referral-pick", q],
    enabled: q.length > 0 && !picked,
    queryFn: () =>
      unwrap(client.GET("/api/n/{slug}/directory", { params: { path: { slug }, query: { q, limit: 8 } } })),
  });
  const taken = new Set(
    (mine.data?.items ?? []).filter((r) => r.status !== "withdrawn").map((r) => r.alumna.userId),
  );
  const incentive = mine.data?.incentive;
  const submit = () =>
    run(async () => {
      if (!picked) return;
      await referAlumna(slug, o.id, {
        userId: picked.userId,
        why,
        relationship,
        relationshipNote: note.trim() || null,
      });
      notifications.show({ color: "teal", message: t("referrals.refer.done") });
      setPicked(null);
      setSearch("");
      setWhy("");
      setNote("");
      await qc.invalidateQueries({ queryKey: referralKeys.all(slug) });
    });
  return (
    <Card withBorder radius="md" padding="md" data-testid="referral-box">
      <Stack gap="sm">
        <Title order={4}>{t("referrals.refer.title")}</Title>
        <Text size="sm" c="dimmed">
          {t("referrals.refer.hint")}
        </Text>
        {incentive?.text && (
          <Text size="sm" fw={500}>
            {t("referrals.refer.incentive", { incentive: incentive.text, days: incentive.days })}
          </Text>
        )}
        {picked ? (
          <Group justify="space-between" wrap="nowrap">
            <Badge size="lg" variant="light" tt="none" data-testid="referral-picked">
              {picked.name}
            </Badge>
            <Button size="compact-xs" variant="subtle" onClick={() => setPicked(null)}>
              {t("referrals.refer.change")}
            </Button>
          </Group>
        ) : (
          <Stack gap={6}>
            <TextInput
              placeholder={t("referrals.refer.search")}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              data-testid="referral-search"
            />
            {(results.data?.items ?? [])
              .filter((c) => c.role === "alumni" && !taken.has(c.userId))
              .map((c) => (
                <Group key={c.userId} justify="space-between" wrap="nowrap">
                  <Text size="sm">{c.displayName}</Text>
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => setPicked({ userId: c.userId, name: c.displayName })}
                    data-testid="referral-pick"
                  >
                    {t("referrals.refer.pick")}
                  </Button>
                </Group>
              ))}
          </Stack>
        )}
        <Select
          label={t("referrals.refer.relationship")}
          data={RELATIONSHIPS.map((v) => ({ value: v, label: t(`referrals.relationships.${v}`) }))}
          value={relationship}
          onChange={(v) => v && setRelationship(v as Relationship)}
          allowDeselect={false}
        />
        <TextInput
          label={t("referrals.refer.note")}
          placeholder={t("referrals.refer.notePlaceholder")}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={200}
        />
        <Textarea
          label={t("referrals.refer.why")}
          placeholder={t("referrals.refer.whyPlaceholder")}
          value={why}
          onChange={(e) => setWhy(e.currentTarget.value)}
          autosize
          minRows={3}
          maxRows={8}
          maxLength={1000}
          description={`${why.length} / 1000`}
          required
          data-testid="referral-why"
        />
        <ErrorAlert error={error} />
        <Button
          onClick={submit}
          loading={busy === "submit"}
          disabled={!picked || !why.trim()}
          fullWidth
          data-testid="referral-submit"
        >
          {t("referrals.refer.submit")}
        </Button>
        <Mine slug={slug} o={o} />
      </Stack>
    </Card>
  );
}

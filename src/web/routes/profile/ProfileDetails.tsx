import { Anchor, Avatar, Badge, DataList, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { shownNames } from "../../../shared/names.ts";
import { formatYm } from "../../components/dates.ts";
import { SupporterBadge } from "../../components/SupporterBadge.tsx";
import type { Resources } from "../../i18n/resources.ts";
import type { ProfileView } from "./model.ts";
import "./i18n.ts";
import "../../components/profileLabels.ts";

// A long skill on two lines reads as a tag, not a bubble: rounded corners, text from the left.
const WRAP = { label: { whiteSpace: "normal", overflowWrap: "anywhere", textAlign: "left" } } as const;

const has = (v: unknown) =>
  v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0);

/** A profile exactly as given: a field that is absent (hidden) or empty is not shown. */
export function ProfileDetails({ p }: { p: ProfileView }) {
  const { t } = useTranslation("profile");
  const { t: tl } = useTranslation("profileLabels");
  const rows: [string, React.ReactNode][] = [];
  const add = (k: keyof Resources["profile"]["fields"], v: React.ReactNode) =>
    rows.push([t(`fields.${k}`), v]);
  if (has(p.joinYm)) add("joinYm", formatYm(p.joinYm));
  if (has(p.leaveYm)) add("leaveYm", formatYm(p.leaveYm));
  if (has(p.departments)) add("departments", p.departments!.join("、"));
  if (has(p.currentCompany)) add("currentCompany", p.currentCompany);
  if (has(p.industry)) add("industry", tl(`industries.${p.industry}`, { defaultValue: p.industry! }));
  if (has(p.jobType)) add("jobType", tl(`jobTypes.${p.jobType}`, { defaultValue: p.jobType! }));
  if (has(p.location)) add("location", p.location);
  if (has(p.skills))
    add(
      "skills",
      <Group gap={6}>
        {p.skills!.map((s) => (
          // The profile shows a long skill whole, on two lines if need be.
          <Badge key={s} variant="light" tt="none" maw="100%" h="auto" py={2} radius="md" styles={WRAP}>
            {s}
          </Badge>
        ))}
      </Group>,
    );
  if (has(p.openTo))
    add(
      "openTo",
      <Group gap={6}>
        {p.openTo!.map((o) => (
          <Badge key={o} color="grape" variant="light" tt="none">
            {tl(`openTo.${o}`, { defaultValue: o })}
          </Badge>
        ))}
      </Group>,
    );
  if (has(p.contactChannel)) add("contactChannel", p.contactChannel);
  if (has(p.contactHours)) add("contactHours", p.contactHours);
  if (has(p.links))
    add(
      "links",
      <Stack gap={2}>
        {p.links!.map((l) => (
          <Anchor key={l.url} href={l.url} target="_blank" rel="noopener noreferrer nofollow">
            {l.label}
          </Anchor>
        ))}
      </Stack>,
    );
  const names = shownNames(p);
  const employed = [names.former, names.formerReading && `（${names.formerReading}）`].filter(has).join("");
  return (
    <Stack gap="lg">
      <Group gap="lg" wrap="nowrap" align="center">
        <Avatar
          src={p.photoUrl ?? null}
          size={96}
          radius={96}
          alt={has(p.photoUrl) ? t("photoOf", { name: p.displayName }) : ""}
          name={p.displayName}
          color="initials"
        />
        <Stack gap={2}>
          {names.reading && (
            <Text c="dimmed" size="sm">
              {names.reading}
            </Text>
          )}
          <Group gap="xs">
            <Title order={2}>{p.displayName}</Title>
            {p.supporter && <SupporterBadge />}
          </Group>
          {employed && (
            <Text c="dimmed" size="sm">
              {t("fields.nameWhileEmployed")}: {employed}
            </Text>
          )}
        </Stack>
      </Group>
      {has(p.bio) && (
        <div>
          <Text fw={600} size="sm" mb={4}>
            {t("fields.bio")}
          </Text>
          <Text style={{ whiteSpace: "pre-wrap" }}>{p.bio}</Text>
        </div>
      )}
      {rows.length > 0 ? (
        <DataList withDivider labelWidth={160} orientation="horizontal">
          {rows.map(([label, value]) => (
            <DataList.Item key={label}>
              <DataList.ItemLabel>{label}</DataList.ItemLabel>
              <DataList.ItemValue>{value}</DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
      ) : (
        !has(p.bio) && <Text c="dimmed">{t("nothingShared")}</Text>
      )}
    </Stack>
  );
}

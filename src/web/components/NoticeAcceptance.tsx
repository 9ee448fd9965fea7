// The privacy notice to accept (required checkbox) and the five separate opt-ins, as used when
// joining a network (registration wizard, invitation page).
import { Alert, Checkbox, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ConsentChoices } from "../../shared/profile.ts";
import { ConsentOptIns } from "./ConsentOptIns.tsx";
import { type PrivacyNotice, PrivacyNoticeView } from "./PrivacyNoticeView.tsx";
import "./formStrings.ts";

export type NoticeAcceptanceValue = { accepted: boolean; choices: ConsentChoices };

export function NoticeAcceptance({
  notice,
  value,
  onChange,
  error,
}: {
  notice: PrivacyNotice | null;
  value: NoticeAcceptanceValue;
  onChange: (v: NoticeAcceptanceValue) => void;
  /** Shown under the acceptance checkbox (e.g. "please accept"). */
  error?: string | null;
}) {
  const { t } = useTranslation("forms");
  if (!notice) return <Alert color="orange">{t("noNotice")}</Alert>;
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t("noticeTitle")}
        </Title>
        <PrivacyNoticeView notice={notice} />
        <Checkbox
          checked={value.accepted}
          onChange={(e) => onChange({ ...value, accepted: e.currentTarget.checked })}
          label={t("acceptNotice", { version: notice.version })}
          error={error}
          required
        />
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t("optInsTitle")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("optInsHelp")}
        </Text>
        <ConsentOptIns
          value={value.choices}
          onChange={(k, checked) => onChange({ ...value, choices: { ...value.choices, [k]: checked } })}
        />
      </Stack>
    </Stack>
  );
}

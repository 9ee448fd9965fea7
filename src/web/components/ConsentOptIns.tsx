import { Checkbox, Stack, Switch, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CONSENT_KEYS, type ConsentChoices, type ConsentKey } from "../../shared/profile.ts";
import "./profileLabels.ts";

export const NO_CONSENT: ConsentChoices = {
  directory: false,
  rehire: false,
  freelance: false,
  events: false,
  surveys: false,
};

/**
 * The five separate opt-ins with a one-line explanation each. `as="switch"` for settings pages
 * (each change takes effect at once), checkboxes in forms.
 */
export function ConsentOptIns({
  value,
  onChange,
  as = "checkbox",
  disabled,
}: {
  value: ConsentChoices;
  onChange: (key: ConsentKey, checked: boolean) => void;
  as?: "checkbox" | "switch";
  disabled?: boolean;
}) {
  const { t } = useTranslation("profileLabels");
  const Control = as === "switch" ? Switch : Checkbox;
  return (
    <Stack gap="md">
      {CONSENT_KEYS.map((k) => (
        <Control
          key={k}
          checked={value[k]}
          disabled={disabled}
          onChange={(e) => onChange(k, e.currentTarget.checked)}
          label={<Text size="sm">{t(`consent.${k}.label`)}</Text>}
          description={t(`consent.${k}.help`)}
        />
      ))}
    </Stack>
  );
}

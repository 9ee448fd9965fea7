import { SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Visibility } from "../../shared/profile.ts";
import "./formStrings.ts";
import "./profileLabels.ts";

/** Who may see one profile field: only me / operators / all members. */
export function VisibilitySelect({
  field,
  value,
  onChange,
}: {
  /** The field's label, for screen readers. */
  field: string;
  value: Visibility;
  onChange: (v: Visibility) => void;
}) {
  const { t } = useTranslation(["profileLabels", "forms"]);
  return (
    <SegmentedControl
      size="xs"
      aria-label={t("forms:visibilityOf", { field })}
      value={value}
      onChange={(v) => onChange(v as Visibility)}
      data={(["private", "operators", "members"] as const).map((v) => ({
        value: v,
        label: t(`visibility.${v}`),
      }))}
    />
  );
}

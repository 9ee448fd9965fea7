import { Group, Input, NativeSelect } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import "./formStrings.ts";

type Props = {
  label: string;
  /** "YYYY-MM" or null. */
  value: string | null;
  onChange: (value: string | null) => void;
  error?: React.ReactNode;
  required?: boolean;
  description?: React.ReactNode;
  /** Earliest year offered (default 1950). */
  minYear?: number;
};

/** A year-month picker as two native selects (good on phones): 2015年 4月. */
export function YearMonthInput({
  label,
  value,
  onChange,
  error,
  required,
  description,
  minYear = 1950,
}: Props) {
  const { t, i18n } = useTranslation("forms");
  const id = useId();
  const [y = "", m = ""] = value ? value.split("-") : [];
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - minYear + 1 }, (_, i) => String(thisYear - i));
  const ja = i18n.language !== "en";
  const monthName = (n: number) =>
    ja
      ? `${n}月`
      : new Date(Date.UTC(2000, n - 1, 1)).toLocaleDateString("en", { month: "short", timeZone: "UTC" });

  function emit(ny: string, nm: string) {
    // A half-filled value stays as "YYYY-" / "-MM" so the other select keeps its choice.
    onChange(!ny && !nm ? null : `${ny}-${nm}`);
  }

  return (
    <Input.Wrapper label={label} error={error} required={required} description={description} id={id}>
      <Group gap="xs" wrap="nowrap" mt={4}>
        <NativeSelect
          aria-label={t("yearOf", { label })}
          value={y}
          onChange={(e) => emit(e.currentTarget.value, m)}
          data={[
            { value: "", label: ja ? "----年" : "Year" },
            ...years.map((v) => ({ value: v, label: ja ? `${v}年` : v })),
          ]}
          error={!!error}
          w={120}
        />
        <NativeSelect
          aria-label={t("monthOf", { label })}
          value={m}
          onChange={(e) => emit(y, e.currentTarget.value)}
          data={[
            { value: "", label: ja ? "--月" : "Month" },
            ...Array.from({ length: 12 }, (_, i) => ({
              value: String(i + 1).padStart(2, "0"),
              label: monthName(i + 1),
            })),
          ]}
          error={!!error}
          w={100}
        />
      </Group>
    </Input.Wrapper>
  );
}

/** Whether a YearMonthInput value is complete ("YYYY-MM"). */
export const isCompleteYm = (v: string | null | undefined) => !!v && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);

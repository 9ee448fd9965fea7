// The directory's filters (everything but the free text), shared by the directory page and the
// segment editor. Controlled: `value` in, `onChange(next)` out; nothing is fetched here except
// label suggestions.
import { Chip, Group, Input, MultiSelect, Select, SimpleGrid, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { OPEN_TO } from "../../../shared/profile.ts";
import { industryOptions, jobTypeOptions } from "../../components/profileLabels.ts";
import { SuggestAutocomplete, SuggestTagsInput } from "../../components/SuggestInputs.tsx";
import { DECADES, decadeOf, type Filter, joinYears } from "./filter.ts";
import { useImeSafeText } from "./useImeSafeText.ts";
import "./i18n.ts";

type Props = {
  slug: string;
  value: Filter;
  onChange: (next: Filter) => void;
  /** "stack" for a sidebar or drawer, "grid" (two columns from sm) for a wide form. */
  layout?: "stack" | "grid";
};

function Cohort({ value, onChange }: Pick<Props, "value" | "onChange">) {
  const { t } = useTranslation("directory");
  const decade = decadeOf(value);
  const years = joinYears().map((y) => ({ value: String(y), label: t("f.year", { year: y }) }));
  const setYear = (key: "joinFrom" | "joinTo", v: string | null) =>
    onChange({ ...value, [key]: v ? Number(v) : undefined });
  return (
    <Stack gap={6}>
      <Input.Label component="div">{t("f.cohort")}</Input.Label>
      <Group gap={6}>
        {DECADES.map((d) => (
          <Chip
            key={d}
            size="sm"
            checked={decade === d}
            onChange={() =>
              onChange(
                decade === d
                  ? { ...value, joinFrom: undefined, joinTo: undefined }
                  : { ...value, joinFrom: d, joinTo: d + 9 },
              )
            }
          >
            {t("f.decade", { decade: d })}
          </Chip>
        ))}
      </Group>
      <Group gap="xs" grow wrap="nowrap" align="flex-end">
        <Select
          size="xs"
          label={t("f.yearFrom")}
          placeholder={t("f.anyValue")}
          data={years}
          searchable
          clearable
          value={value.joinFrom !== undefined ? String(value.joinFrom) : null}
          onChange={(v) => setYear("joinFrom", v)}
        />
        <Select
          size="xs"
          label={t("f.yearTo")}
          placeholder={t("f.anyValue")}
          data={years}
          searchable
          clearable
          value={value.joinTo !== undefined ? String(value.joinTo) : null}
          onChange={(v) => setYear("joinTo", v)}
        />
      </Group>
    </Stack>
  );
}

function Location({ slug, value, onChange }: Props) {
  const { t } = useTranslation("directory");
  const { text, setText, inputProps } = useImeSafeText(value.location ?? "", (v) =>
    onChange({ ...value, location: v || undefined }),
  );
  const { onChange: _ignored, value: _v, ...events } = inputProps;
  return (
    <SuggestAutocomplete
      slug={slug}
      field="location"
      label={t("f.location")}
      description={t("f.locationHelp")}
      placeholder={t("f.locationPlaceholder")}
      maxLength={100}
      value={text}
      onChange={setText}
      clearable
      {...events}
    />
  );
}

export function FilterControls(props: Props) {
  const { slug, value, onChange, layout = "stack" } = props;
  const { t } = useTranslation("directory");
  const { t: tl } = useTranslation("profileLabels");
  const set = <K extends keyof Filter>(key: K, v: Filter[K]) => onChange({ ...value, [key]: v });
  const items: ReactNode[] = [
    <Cohort key="cohort" value={value} onChange={onChange} />,
    <SuggestTagsInput
      key="department"
      slug={slug}
      field="departments"
      label={t("f.department")}
      description={t("f.departmentHelp")}
      placeholder={t("f.departmentPlaceholder")}
      maxTags={10}
      clearable
      value={value.department ?? []}
      onChange={(v) => set("department", v)}
    />,
    <MultiSelect
      key="jobType"
      label={t("f.jobType")}
      description={t("f.any")}
      placeholder={value.jobType?.length ? undefined : t("f.anyValue")}
      data={jobTypeOptions(tl)}
      searchable
      clearable
      value={value.jobType ?? []}
      onChange={(v) => set("jobType", v as Filter["jobType"])}
    />,
    <MultiSelect
      key="industry"
      label={t("f.industry")}
      description={t("f.any")}
      placeholder={value.industry?.length ? undefined : t("f.anyValue")}
      data={industryOptions(tl)}
      searchable
      clearable
      value={value.industry ?? []}
      onChange={(v) => set("industry", v as Filter["industry"])}
    />,
    <SuggestTagsInput
      key="skill"
      slug={slug}
      field="skills"
      label={t("f.skill")}
      description={t("f.skillHelp")}
      placeholder={t("f.skillPlaceholder")}
      maxTags={10}
      clearable
      value={value.skill ?? []}
      onChange={(v) => set("skill", v)}
    />,
    <Location key="location" {...props} />,
    <Chip.Group
      key="openTo"
      multiple
      value={value.openTo ?? []}
      onChange={(v) => set("openTo", v as Filter["openTo"])}
    >
      <Stack gap={6}>
        <Input.Label component="div">
          {t("f.openTo")}{" "}
          <Input.Description component="span" display="inline">
            {t("f.openToHelp")}
          </Input.Description>
        </Input.Label>
        <Group gap={6}>
          {OPEN_TO.map((o) => (
            <Chip key={o} value={o} size="sm">
              {tl(`openTo.${o}`)}
            </Chip>
          ))}
        </Group>
      </Stack>
    </Chip.Group>,
  ];
  return layout === "grid" ? (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="lg">
      {items}
    </SimpleGrid>
  ) : (
    <Stack gap="md">{items}</Stack>
  );
}

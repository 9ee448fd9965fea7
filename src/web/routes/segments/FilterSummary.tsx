import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Filter } from "../directory/filter.ts";
import { summarizeFilter } from "../directory/summary.ts";
import "./i18n.ts";

/** A filter in words, one badge per condition. */
export function FilterSummary({ filter }: { filter: Filter }) {
  const { t } = useTranslation("directory");
  const { t: tl } = useTranslation("profileLabels");
  return (
    <Group gap={4}>
      {summarizeFilter(filter, t, tl).map((s) => (
        <Badge key={s} variant="light" color="gray" tt="none" fw={500} size="md" maw="100%">
          {s}
        </Badge>
      ))}
    </Group>
  );
}

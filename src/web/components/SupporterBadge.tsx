// The アルムナイサポーター badge: on posts, profiles, directory cards and group member lists.
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import "./i18n.ts";

export function SupporterBadge() {
  const { t } = useTranslation("ui");
  return (
    <Badge size="xs" variant="light" color="orange" title={t("supporterHint")} data-testid="supporter-badge">
      {t("supporter")}
    </Badge>
  );
}

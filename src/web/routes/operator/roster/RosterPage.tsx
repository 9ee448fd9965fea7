import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { RequireOperator } from "../../../components/RequireRole.tsx";
import "../i18n.ts";
import { RosterImports } from "./RosterImports.tsx";
import { RosterTable } from "./RosterTable.tsx";
import { RosterUpload } from "./RosterUpload.tsx";

export default function RosterPage() {
  const { t } = useTranslation("operator");
  return (
    <RequireOperator>
      {(network) => (
        <Stack gap="md" maw={1200}>
          <PageTitle title={t("roster.title")} subtitle={t("roster.description")} />
          <RosterUpload slug={network.slug} />
          <RosterImports slug={network.slug} />
          <RosterTable slug={network.slug} />
        </Stack>
      )}
    </RequireOperator>
  );
}

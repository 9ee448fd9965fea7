import { Stack, Text, Title } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** The page heading (h2) with an optional line under it; also sets the browser tab title. */
export function PageTitle({ title, subtitle }: { title: string; subtitle?: React.ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} | ${t("appName")}`;
  }, [title, t]);
  return (
    <Stack gap={4} mb="lg">
      <Title order={2} fz={{ base: 22, sm: 28 }}>
        {title}
      </Title>
      {subtitle && (
        <Text c="dimmed" size="sm" component="div">
          {subtitle}
        </Text>
      )}
    </Stack>
  );
}

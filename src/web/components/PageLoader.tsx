import { Center, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** A centred spinner while a page's data loads. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t("loading")} />
    </Center>
  );
}

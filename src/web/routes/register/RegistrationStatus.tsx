import { Alert, Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import "./i18n.ts";

/**
 * The neutral answer after applying: the same page for "pending" and "not approved", except that
 * "not approved" says it could not be completed and to contact HR (never why).
 */
export function RegistrationStatus({
  status,
  network,
  home = true,
}: {
  status: "pending" | "not_approved";
  /** The network's name, when the page does not show it already. */
  network?: string;
  home?: boolean;
}) {
  const { t } = useTranslation("register");
  const done = status === "not_approved";
  const title = network
    ? t(done ? "notApprovedTitleIn" : "statusTitleIn", { network })
    : t(done ? "notApprovedTitle" : "statusTitle");
  return (
    <Stack gap="md" role="status">
      <Alert color={done ? "gray" : "teal"} title={title}>
        <Text size="sm">{done ? t("notApprovedBody") : t("pendingBody")}</Text>
      </Alert>
      {home && (
        <div>
          <Button component={Link} to="/" variant="light">
            {t("backHome")}
          </Button>
        </div>
      )}
    </Stack>
  );
}

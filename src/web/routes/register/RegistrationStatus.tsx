import { Alert, Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import "./i18n.ts";

/**
 * The neutral answer after applying: the same page for "pending" and "not approved", except that
 * "not approved" says it could not be completed and to contact HR (never why).
 */
export function RegistrationStatus({ status }: { status: "pending" | "not_approved" }) {
  const { t } = useTranslation("register");
  const done = status === "not_approved";
  return (
    <Stack gap="md" role="status">
      <Alert color={done ? "gray" : "teal"} title={done ? t("notApprovedTitle") : t("statusTitle")}>
        <Text size="sm">{done ? t("notApprovedBody") : t("pendingBody")}</Text>
      </Alert>
      <div>
        <Button component={Link} to="/" variant="light">
          {t("backHome")}
        </Button>
      </div>
    </Stack>
  );
}

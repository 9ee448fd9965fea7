// One-click application on a posting's page (alumni): the motivation, an optional PDF and the
// profile fields she shares; once applied, her stage and a link to the application.
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useSubmit } from "../../components/useSubmit.ts";
import "./i18n.ts";
import {
  applicationKeys,
  applyTo,
  type Opportunity,
  opportunityKeys,
  SHARE_FIELDS,
  type ShareField,
  uploadCv,
} from "./queries.ts";

const DEFAULT_SHARE: ShareField[] = [
  "departments",
  "joinYm",
  "leaveYm",
  "currentCompany",
  "jobType",
  "skills",
];

export function ApplyBox({ slug, o }: { slug: string; o: Opportunity }) {
  const { t } = useTranslation("opportunities");
  const qc = useQueryClient();
  const nav = useNavigate();
  const [motivation, setMotivation] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [share, setShare] = useState<ShareField[]>(DEFAULT_SHARE);
  const { error, busy, run } = useSubmit();
  if (o.myApplication)
    return (
      <Card withBorder radius="md" padding="md" data-testid="apply-done">
        <Stack gap="xs">
          <Group gap="xs">
            <Badge color="teal" variant="light" size="lg">
              {t("apply.already", { stage: t(`stages.${o.myApplication.stage}`) })}
            </Badge>
          </Group>
          <Anchor component={Link} to={`/n/${slug}/opportunities/applications/${o.myApplication.id}`}>
            {t("apply.view")}
          </Anchor>
        </Stack>
      </Card>
    );
  if (o.status !== "open" || o.hiddenAsStale)
    return (
      <Card withBorder radius="md" padding="md">
        <Text size="sm" c="dimmed">
          {t("apply.closed")}
        </Text>
      </Card>
    );
  const submit = () =>
    run(async () => {
      const uploaded = file ? await uploadCv(slug, file) : null;
      const app = await applyTo(slug, o.id, { motivation, fileId: uploaded?.id ?? null, share });
      notifications.show({ color: "teal", message: t("apply.done") });
      await qc.invalidateQueries({ queryKey: opportunityKeys.all(slug) });
      await qc.invalidateQueries({ queryKey: applicationKeys.all(slug) });
      nav(`/n/${slug}/opportunities/applications/${app.id}`);
    });
  return (
    <Card withBorder radius="md" padding="md" data-testid="apply-box">
      <Stack gap="sm">
        <Title order={4}>{t("apply.title")}</Title>
        <Textarea
          label={t("apply.motivation")}
          placeholder={t("apply.motivationPlaceholder")}
          value={motivation}
          onChange={(e) => setMotivation(e.currentTarget.value)}
          autosize
          minRows={4}
          maxRows={12}
          maxLength={2000}
          description={`${motivation.length} / 2000`}
          required
          data-testid="apply-motivation"
        />
        <FileInput
          label={t("apply.file")}
          description={t("apply.fileHint")}
          accept="application/pdf"
          value={file}
          onChange={setFile}
          clearable
        />
        <Checkbox.Group
          label={t("apply.share")}
          description={t("apply.shareHint")}
          value={share}
          onChange={(v) => setShare(v as ShareField[])}
        >
          <SimpleGrid cols={2} spacing={6} mt={6}>
            {SHARE_FIELDS.map((f) => (
              <Checkbox key={f} value={f} label={t(`fields.${f}`)} size="sm" />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <ErrorAlert error={error} />
        <Button
          onClick={submit}
          loading={busy === "submit"}
          disabled={!motivation.trim()}
          fullWidth
          data-testid="apply-submit"
        >
          {t("apply.submit")}
        </Button>
      </Stack>
    </Card>
  );
}

// Upload a roster CSV: progress, dry run (validation only), then the real import.
import { Alert, Button, Card, Code, Group, List, Progress, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../api/client.ts";
import { upload } from "../../../api/upload.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { FileDrop } from "../../../components/FileDrop.tsx";
import { formatDuration, formatNumber } from "../format.ts";
import { rosterKeys } from "./queries.ts";
import "../i18n.ts";
import type { ImportResult, RosterInvalid } from "../types.ts";
import { RosterErrorsTable } from "./RosterErrorsTable.tsx";

export const SAMPLE_HEADER = "社員番号,氏名,フリガナ,入社日,退職日,最終所属,メールアドレス";
const SAMPLE_CSV = [
  SAMPLE_HEADER,
  "100123,山田 太郎,ヤマダ タロウ,2015/4/1,2020/3/31,営業本部 第一営業部,taro.yamada@example.com",
  "100245,佐藤 花子,サトウ ハナコ,2012/4/1,2023/9/30,人事部 採用課,",
].join("\r\n");
// With a BOM so that Excel opens the sample as UTF-8.
const SAMPLE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${SAMPLE_CSV}\r\n`)}`;
const MAX_BYTES = 20 * 1024 * 1024;

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; pct: number; dryRun: boolean }
  | { kind: "processing"; dryRun: boolean }
  | { kind: "checked"; result: ImportResult }
  | { kind: "invalid"; details: RosterInvalid }
  | { kind: "done"; result: ImportResult }
  | { kind: "error"; error: unknown };

const sizeLabel = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function RosterUpload({ slug }: { slug: string }) {
  const { t } = useTranslation("operator");
  const qc = useQueryClient();
  const openRef = useRef<() => void>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [rejected, setRejected] = useState(false);
  const busy = phase.kind === "uploading" || phase.kind === "processing";

  async function send(f: File, dryRun: boolean) {
    setPhase({ kind: "uploading", pct: 0, dryRun });
    const form = new FormData();
    form.append("file", f, f.name);
    try {
      const result = await upload(
        "/api/n/{slug}/roster/import",
        { path: { slug }, query: dryRun ? { dryRun: "1" } : {} },
        form,
        (fraction) =>
          setPhase(
            fraction >= 1
              ? { kind: "processing", dryRun }
              : { kind: "uploading", pct: Math.round(fraction * 100), dryRun },
          ),
      );
      setPhase(dryRun ? { kind: "checked", result } : { kind: "done", result });
      if (!dryRun) {
        qc.invalidateQueries({ queryKey: rosterKeys.all(slug) });
        qc.invalidateQueries({ queryKey: rosterKeys.imports(slug) });
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === "ROSTER_INVALID" && e.details?.errors)
        setPhase({ kind: "invalid", details: e.details as RosterInvalid });
      else setPhase({ kind: "error", error: e });
    }
  }

  function choose(f: File | undefined) {
    if (!f) return;
    setRejected(false);
    setFile(f);
    void send(f, true);
  }

  const encodingLabel = (enc: string) => t(`roster.encodings.${enc}`, { defaultValue: enc });

  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t("roster.upload.title")}
        </Title>
        <Text size="sm">{t("roster.upload.columns")}</Text>
        <Code block style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
          {SAMPLE_HEADER}
        </Code>
        <List size="sm" spacing={2}>
          <List.Item>{t("roster.upload.required")}</List.Item>
          <List.Item>{t("roster.upload.optional")}</List.Item>
          <List.Item>{t("roster.upload.dates")}</List.Item>
          <List.Item>{t("roster.upload.reimport")}</List.Item>
          <List.Item>{t("roster.upload.other")}</List.Item>
        </List>
        <div>
          <Button
            component="a"
            href={SAMPLE_HREF}
            download="roster-sample.csv"
            variant="subtle"
            size="xs"
            px={0}
          >
            {t("roster.upload.sample")}
          </Button>
        </div>

        <FileDrop
          openRef={openRef}
          onDrop={choose}
          onReject={() => setRejected(true)}
          extensions={[".csv", ".txt"]}
          maxSize={MAX_BYTES}
          disabled={busy}
          label={t("roster.upload.dropzoneLabel")}
        >
          <Stack align="center" gap={4} style={{ pointerEvents: "none" }}>
            <Text size="lg" aria-hidden>
              ⇪
            </Text>
            <Text fw={600} ta="center">
              {t("roster.upload.drop")}
            </Text>
            <Text size="xs" c="dimmed" ta="center">
              {t("roster.upload.accept")}
            </Text>
          </Stack>
        </FileDrop>
        <Group gap="xs" justify="center">
          <Text size="sm" c="dimmed">
            {t("roster.upload.or")}
          </Text>
          <Button variant="default" onClick={() => openRef.current?.()} disabled={busy}>
            {t("roster.upload.choose")}
          </Button>
        </Group>
        {rejected && (
          <Alert color="red" variant="light" role="alert">
            {t("roster.upload.rejected")}
          </Alert>
        )}

        {file && phase.kind !== "idle" && (
          <Text size="sm" c="dimmed">
            {t("roster.upload.file", { name: file.name, size: sizeLabel(file.size) })}
          </Text>
        )}
        {phase.kind === "uploading" && (
          <Stack gap={4}>
            <Progress
              value={phase.pct}
              size="lg"
              aria-label={t("roster.upload.uploading", { pct: phase.pct })}
            />
            <Text size="sm" aria-live="polite">
              {t("roster.upload.uploading", { pct: phase.pct })}
            </Text>
          </Stack>
        )}
        {phase.kind === "processing" && (
          <Stack gap={4}>
            <Progress value={100} size="lg" striped animated aria-label={t("roster.upload.validating")} />
            <Text size="sm" aria-live="polite">
              {t("roster.upload.validating")}
              {phase.dryRun && ` — ${t("roster.upload.checking")}`}
            </Text>
          </Stack>
        )}
        {phase.kind === "checked" && file && (
          <Alert
            color="teal"
            variant="light"
            title={t("roster.dryRun.okTitle", { rows: formatNumber(phase.result.rows) })}
          >
            <Stack gap="xs">
              <Text size="sm">
                {t("roster.dryRun.okBody", { encoding: encodingLabel(phase.result.encoding) })}
              </Text>
              <Group gap="xs">
                <Button onClick={() => send(file, false)}>
                  {t("roster.dryRun.import", { rows: formatNumber(phase.result.rows) })}
                </Button>
                <Button variant="default" onClick={() => openRef.current?.()}>
                  {t("roster.upload.another")}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {phase.kind === "invalid" && <RosterErrorsTable details={phase.details} />}
        {phase.kind === "done" && (
          <Alert color="teal" variant="filled" title={t("roster.done.title")} role="status">
            {t("roster.done.body", {
              rows: formatNumber(phase.result.rows),
              created: formatNumber(phase.result.created),
              updated: formatNumber(phase.result.updated),
              duration: formatDuration(phase.result.durationMs),
            })}
          </Alert>
        )}
        {phase.kind === "error" && <ErrorAlert error={phase.error} />}
      </Stack>
    </Card>
  );
}

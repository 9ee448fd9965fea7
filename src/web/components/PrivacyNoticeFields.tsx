import { ActionIcon, Button, Group, Input, Stack, Textarea, TextInput } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import "./i18n.ts";

/** Limits of the server's `privacyNoticeInput` (src/modules/networks/schemas.ts). */
export const NOTICE_LIMITS = { bodyMin: 20, bodyMax: 20_000, purposesMax: 20, purposeMax: 200 };

export type NoticeValues = { body: string; purposes: string[] };

/** Validation for @mantine/form, mirroring the server (messages in the UI language). */
export function validateNotice(
  v: NoticeValues,
  t: TFunction<"ui">,
): { body?: string; purposes?: string; [k: `purposes.${number}`]: string } {
  const out: Record<string, string> = {};
  const body = v.body.trim();
  if (body.length < NOTICE_LIMITS.bodyMin) out.body = t("noticeBody.tooShort");
  else if (body.length > NOTICE_LIMITS.bodyMax) out.body = t("noticeBody.tooLong");
  const filled = v.purposes.filter((p) => p.trim());
  if (filled.length === 0) out.purposes = t("purposes.required");
  v.purposes.forEach((p, i) => {
    if (p.trim().length > NOTICE_LIMITS.purposeMax) out[`purposes.${i}`] = t("purposes.tooLong");
  });
  return out;
}

/** The body without outer spaces and the non-empty purposes, as the server wants them. */
export function cleanNotice(v: NoticeValues): NoticeValues {
  return { body: v.body.trim(), purposes: v.purposes.map((p) => p.trim()).filter(Boolean) };
}

/**
 * Privacy notice inputs (body + list of purposes) for a @mantine/form whose values contain
 * `prefix.body` and `prefix.purposes` (or `body`/`purposes` at the top when prefix is "").
 */
export function PrivacyNoticeFields({ form, prefix = "" }: { form: any; prefix?: string }) {
  const { t } = useTranslation("ui");
  const p = prefix ? `${prefix}.` : "";
  const purposes: string[] = prefix ? form.getValues()[prefix].purposes : form.getValues().purposes;
  const purposesError = form.errors[`${p}purposes`];
  return (
    <Stack gap="sm">
      <Textarea
        label={t("noticeBody.label")}
        description={t("noticeBody.description")}
        autosize
        minRows={6}
        maxRows={18}
        required
        key={form.key(`${p}body`)}
        {...form.getInputProps(`${p}body`)}
      />
      <Input.Wrapper
        label={t("purposes.label")}
        description={t("purposes.description")}
        error={purposesError}
        required
      >
        <Stack gap={6} mt={6}>
          {purposes.map((_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is edited in place by position
            <Group key={i} gap={6} wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                aria-label={t("purposes.item", { n: i + 1 })}
                maxLength={NOTICE_LIMITS.purposeMax + 20}
                key={form.key(`${p}purposes.${i}`)}
                {...form.getInputProps(`${p}purposes.${i}`)}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                aria-label={t("purposes.remove", { n: i + 1 })}
                disabled={purposes.length <= 1}
                onClick={() => form.removeListItem(`${p}purposes`, i)}
              >
                <span aria-hidden>×</span>
              </ActionIcon>
            </Group>
          ))}
          {purposes.length < NOTICE_LIMITS.purposesMax && (
            <div>
              <Button variant="subtle" size="xs" onClick={() => form.insertListItem(`${p}purposes`, "")}>
                + {t("purposes.add")}
              </Button>
            </div>
          )}
        </Stack>
      </Input.Wrapper>
    </Stack>
  );
}

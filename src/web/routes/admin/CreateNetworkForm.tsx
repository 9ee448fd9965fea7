// Create a network: name, slug, optional first operator, and its first privacy notice.

import { Button, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { client, unwrap } from "../../api/client.ts";
import { ErrorAlert, fieldErrors } from "../../components/ErrorAlert.tsx";
import {
  cleanNotice,
  type NoticeValues,
  PrivacyNoticeFields,
  validateNotice,
} from "../../components/PrivacyNoticeFields.tsx";
import { DEFAULT_NOTICE } from "../../components/privacyNoticeTemplate.ts";
import { meKeys } from "../../session.ts";
import { adminNetworkKeys } from "./queries.ts";
import "./i18n.ts";

const SLUG = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
type Values = { name: string; slug: string; operatorEmail: string; privacyNotice: NoticeValues };

export function CreateNetworkForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation("admin");
  const { t: tu } = useTranslation("ui");
  const qc = useQueryClient();
  const form = useForm<Values>({
    initialValues: {
      name: "",
      slug: "",
      operatorEmail: "",
      privacyNotice: { body: DEFAULT_NOTICE.body, purposes: [...DEFAULT_NOTICE.purposes] },
    },
    validate: (v) => {
      const out: Record<string, string> = {};
      if (!v.name.trim() || v.name.trim().length > 100) out.name = t("create.errors.name");
      if (v.slug.length < 3 || v.slug.length > 40 || !SLUG.test(v.slug)) out.slug = t("create.errors.slug");
      if (v.operatorEmail.trim() && !EMAIL.test(v.operatorEmail.trim()))
        out.operatorEmail = t("create.errors.email");
      for (const [k, m] of Object.entries(validateNotice(v.privacyNotice, tu))) out[`privacyNotice.${k}`] = m;
      return out;
    },
  });
  const create = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        client.POST("/api/admin/networks", {
          body: {
            name: v.name.trim(),
            slug: v.slug,
            privacyNotice: cleanNotice(v.privacyNotice),
            ...(v.operatorEmail.trim() ? { operatorEmail: v.operatorEmail.trim() } : {}),
          },
        }),
      ),
    onSuccess: (_r, v) => {
      notifications.show({ color: "teal", message: t("create.done", { name: v.name.trim() }) });
      qc.invalidateQueries({ queryKey: adminNetworkKeys.all });
      qc.invalidateQueries({ queryKey: meKeys.all });
      form.reset();
      onDone();
    },
    onError: (e) => form.setErrors(fieldErrors(e)),
  });
  const slug = form.getValues().slug || "example";
  return (
    <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t("create.name")}
            placeholder={t("create.namePlaceholder")}
            description={t("create.nameDescription", {
              example: form.getValues().name.trim() || t("create.namePlaceholder"),
            })}
            required
            maxLength={120}
            {...form.getInputProps("name")}
          />
          <TextInput
            label={t("create.slug")}
            description={t("create.slugDescription", { slug })}
            placeholder="example-alumni"
            required
            maxLength={40}
            autoCapitalize="none"
            spellCheck={false}
            {...form.getInputProps("slug")}
            onChange={(e) =>
              form.setFieldValue("slug", e.currentTarget.value.toLowerCase().replace(/\s/g, "-"))
            }
          />
        </SimpleGrid>
        <TextInput
          type="email"
          label={t("create.operatorEmail")}
          description={t("create.operatorEmailDescription")}
          {...form.getInputProps("operatorEmail")}
        />
        <Stack gap={4}>
          <Text fw={600}>{t("create.noticeSection")}</Text>
          <Text size="sm" c="dimmed">
            {t("create.noticeHelp")}
          </Text>
        </Stack>
        <PrivacyNoticeFields form={form} prefix="privacyNotice" />
        <ErrorAlert error={create.error} />
        <div>
          <Button type="submit" loading={create.isPending}>
            {t("create.submit")}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

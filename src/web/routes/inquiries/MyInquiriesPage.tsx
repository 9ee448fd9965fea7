// お問い合わせ (members): write to the operators, and the list of one's own inquiries.
import {
  Button,
  Card,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ErrorAlert, fieldErrors } from "../../components/ErrorAlert.tsx";
import { LoadMore } from "../../components/LoadMore.tsx";
import { MemberGate } from "../../components/MemberGate.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { usePagedList } from "../../components/usePagedList.ts";
import { dateTimeCell } from "../operator/format.ts";
import { AttachmentPicker, type Uploaded } from "./Attachments.tsx";
import { STATUS_COLOR } from "./format.ts";
import {
  type InquirySummary,
  inquiryKeys,
  myInquiries,
  type OpenInquiryBody,
  openInquiry,
} from "./queries.ts";
import "./i18n.ts";

const CATEGORIES = ["general", "rehire", "freelance", "document"] as const;
const DOCUMENTS = ["separation_certificate", "withholding_slip", "pension_insurance"] as const;

function NewInquiry({ slug, onDone }: { slug: string; onDone: () => void }) {
  const { t } = useTranslation("inquiries");
  const qc = useQueryClient();
  const nav = useNavigate();
  const [files, setFiles] = useState<Uploaded[]>([]);
  const form = useForm({
    initialValues: {
      category: "general" as OpenInquiryBody["category"],
      documentKind: "",
      subject: "",
      body: "",
    },
    validate: {
      documentKind: (v, all) => (all.category === "document" && !v ? t("form.documentKindRequired") : null),
      subject: (v) =>
        !v.trim() ? t("form.required") : v.trim().length > 200 ? t("form.tooLong", { max: 200 }) : null,
      body: (v) =>
        !v.trim() ? t("form.required") : v.length > 10_000 ? t("form.tooLong", { max: 10_000 }) : null,
    },
  });
  const send = useMutation({
    mutationFn: (v: typeof form.values) =>
      openInquiry(slug, {
        category: v.category,
        documentKind: v.category === "document" ? (v.documentKind as (typeof DOCUMENTS)[number]) : null,
        subject: v.subject.trim(),
        body: v.body,
        attachmentIds: files.map((f) => f.id),
      }),
    onSuccess: (thread) => {
      notifications.show({ color: "teal", message: t("member.sent") });
      qc.invalidateQueries({ queryKey: inquiryKeys.all(slug) });
      onDone();
      nav(`/n/${slug}/inquiries/${thread.id}`);
    },
    onError: (e) => form.setErrors(fieldErrors(e)),
  });
  return (
    <Card withBorder padding="md">
      <form onSubmit={form.onSubmit((v) => send.mutate(v))} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t("member.newTitle")}
          </Title>
          <Select
            label={t("form.category")}
            data={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
            allowDeselect={false}
            maw={360}
            {...form.getInputProps("category")}
          />
          {form.values.category === "document" && (
            <Select
              label={t("form.documentKind")}
              data={DOCUMENTS.map((d) => ({ value: d, label: t(`documentKind.${d}`) }))}
              required
              maw={360}
              {...form.getInputProps("documentKind")}
            />
          )}
          <TextInput
            label={t("form.subject")}
            placeholder={t("form.subjectPlaceholder")}
            required
            maxLength={220}
            {...form.getInputProps("subject")}
          />
          <Textarea
            label={t("form.body")}
            placeholder={t("form.bodyPlaceholder")}
            required
            autosize
            minRows={5}
            {...form.getInputProps("body")}
          />
          <AttachmentPicker slug={slug} files={files} onChange={setFiles} />
          <ErrorAlert error={send.error} />
          <Group gap="sm">
            <Button type="submit" loading={send.isPending}>
              {t("form.submit")}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t("form.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function CategoryLabel({ inquiry }: { inquiry: Pick<InquirySummary, "category" | "documentKind"> }) {
  const { t } = useTranslation("inquiries");
  return (
    <>
      {t(`category.${inquiry.category}`)}
      {inquiry.documentKind ? `（${t(`documentKind.${inquiry.documentKind}`)}）` : ""}
    </>
  );
}

function Mine({ slug }: { slug: string }) {
  const { t } = useTranslation("inquiries");
  const [writing, setWriting] = useState(false);
  const { list, rows, loadMore } = usePagedList(inquiryKeys.mine(slug), (page) => myInquiries(slug, page));
  return (
    <Stack gap="md">
      {writing ? (
        <NewInquiry slug={slug} onDone={() => setWriting(false)} />
      ) : (
        <div>
          <Button onClick={() => setWriting(true)}>{t("member.newButton")}</Button>
        </div>
      )}
      <Card withBorder padding="md">
        <Title order={3} size="h4" mb="sm">
          {t("member.mine")}
        </Title>
        <ErrorAlert error={list.error} />
        {list.isLoading && <Skeleton height={120} />}
        {list.data && rows.length === 0 && (
          <Text c="dimmed" size="sm" py="md">
            {t("member.empty")}
          </Text>
        )}
        <Stack gap="xs">
          {rows.map((i) => (
            <Paper
              key={i.id}
              component={Link}
              to={`/n/${slug}/inquiries/${i.id}`}
              withBorder
              radius="md"
              p="sm"
              mih={44}
              style={{ textDecoration: "none", color: "inherit" }}
            >
              <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                <Text fw={600} size="sm" style={{ overflowWrap: "anywhere" }}>
                  {i.subject}
                </Text>
                <StatusBadge color={STATUS_COLOR[i.status]}>{t(`statusMember.${i.status}`)}</StatusBadge>
              </Group>
              <Text size="xs" c="dimmed" mt={4}>
                <CategoryLabel inquiry={i} /> ·{" "}
                {t("thread.lastActivity", { date: dateTimeCell(i.lastActivityAt) })}
              </Text>
            </Paper>
          ))}
        </Stack>
        {rows.length > 0 && <LoadMore {...loadMore} />}
      </Card>
    </Stack>
  );
}

export default function MyInquiriesPage() {
  const { t } = useTranslation("inquiries");
  const { slug = "" } = useParams();
  return (
    <MemberGate slug={slug}>
      {(n) => (
        <Stack gap={0} maw={860}>
          <PageTitle title={t("member.title")} subtitle={t("member.subtitle")} />
          <Mine slug={n.slug} />
        </Stack>
      )}
    </MemberGate>
  );
}

import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useElementSize } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { OPEN_TO } from "../../../shared/profile.ts";
import { ErrorAlert, fieldErrors } from "../../components/ErrorAlert.tsx";
import { MemberGate } from "../../components/MemberGate.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { industryOptions, jobTypeOptions } from "../../components/profileLabels.ts";
import { SuggestTagsInput } from "../../components/SuggestInputs.tsx";
import { YearMonthInput } from "../../components/YearMonthInput.tsx";
import { FieldRow } from "./FieldRow.tsx";
import { LinksField } from "./LinksField.tsx";
import { type OwnProfile, type ProfileForm, toBody, toForm, validateProfile } from "./model.ts";
import { PhotoField } from "./PhotoField.tsx";
import { getMyProfile, profileKeys, saveMyProfile } from "./queries.ts";
import "./i18n.ts";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }}>
      <Title order={3} size="h4" mb="md">
        {title}
      </Title>
      <Stack gap="lg">{children}</Stack>
    </Paper>
  );
}

const BORDER_BOX: ResizeObserverOptions = { box: "border-box" };

/**
 * The save button, kept at the bottom of the screen while the form scrolls under it. While it is
 * shown, a field scrolled into view (a tap, Tab, the phone's keyboard opening) comes to rest above
 * the bar, never under it.
 */
function SaveBar({ busy, label }: { busy: boolean; label: string }) {
  const { ref, height } = useElementSize(BORDER_BOX);
  useEffect(() => {
    const html = document.documentElement;
    html.style.scrollPaddingBottom = `${Math.ceil(height) + 16}px`;
    return () => {
      html.style.scrollPaddingBottom = "";
    };
  }, [height]);
  return (
    <Group
      ref={ref}
      justify="flex-end"
      pos="sticky"
      bottom={0}
      py="sm"
      // Edge to edge on a phone, over the page's padding.
      mx={{ base: "calc(var(--mantine-spacing-md) * -1)", sm: 0 }}
      px={{ base: "md", sm: 0 }}
      bg="var(--mantine-color-body)"
      style={{ borderTop: "1px solid var(--mantine-color-default-border)", zIndex: 3 }}
      data-testid="profile-save-bar"
    >
      <Button type="submit" loading={busy} size="md">
        {label}
      </Button>
    </Group>
  );
}

function Editor({ slug, profile }: { slug: string; profile: OwnProfile }) {
  const { t } = useTranslation("profile");
  const { t: tl } = useTranslation("profileLabels");
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<ProfileForm>({
    initialValues: toForm(profile),
    validate: (v) => validateProfile(v, t),
  });
  const key = profileKeys.mine(slug);
  const input = (k: keyof ProfileForm) => form.getInputProps(k);

  async function save(v: ProfileForm) {
    setError(null);
    setBusy(true);
    try {
      const p = await saveMyProfile(slug, toBody(v));
      qc.setQueryData(key, p);
      form.setValues(toForm(p));
      form.resetDirty(toForm(p));
      notifications.show({ color: "teal", message: t("saved") });
    } catch (e) {
      setError(e);
      form.setErrors(fieldErrors(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={form.onSubmit(save)} noValidate>
      <Stack gap="lg">
        <Section title={t("sections.basic")}>
          <FieldRow field="photo" form={form}>
            <PhotoField slug={slug} profile={profile} onSaved={(p) => qc.setQueryData(key, p)} />
          </FieldRow>
          <Stack gap={6}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
              <TextInput
                label={t("fields.displayName")}
                description={t("help.displayName")}
                required
                {...input("displayName")}
              />
              <TextInput
                label={t("fields.displayNameKana")}
                description={t("help.displayNameKana")}
                {...input("displayNameKana")}
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed" ta="right">
              {t("alwaysMembers")}
            </Text>
          </Stack>
          <FieldRow field="location" form={form}>
            <TextInput label={t("fields.location")} description={t("help.location")} {...input("location")} />
          </FieldRow>
        </Section>
        <Section title={t("sections.employment")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <FieldRow field="nameWhileEmployed" form={form}>
              <TextInput
                label={t("fields.nameWhileEmployed")}
                description={t("help.nameWhileEmployed")}
                {...input("nameWhileEmployed")}
              />
            </FieldRow>
            <FieldRow field="nameKana" form={form}>
              <TextInput label={t("fields.nameKana")} {...input("nameKana")} />
            </FieldRow>
            <FieldRow field="joinYm" form={form}>
              <YearMonthInput
                label={t("fields.joinYm")}
                value={form.values.joinYm}
                onChange={(v) => form.setFieldValue("joinYm", v)}
                error={form.errors.joinYm}
              />
            </FieldRow>
            <FieldRow field="leaveYm" form={form}>
              <YearMonthInput
                label={t("fields.leaveYm")}
                value={form.values.leaveYm}
                onChange={(v) => form.setFieldValue("leaveYm", v)}
                error={form.errors.leaveYm}
              />
            </FieldRow>
          </SimpleGrid>
          <FieldRow field="departments" form={form}>
            <SuggestTagsInput
              slug={slug}
              field="departments"
              label={t("fields.departments")}
              description={t("help.departments")}
              maxTags={20}
              clearable
              {...input("departments")}
            />
          </FieldRow>
        </Section>
        <Section title={t("sections.career")}>
          <FieldRow field="currentCompany" form={form}>
            <TextInput label={t("fields.currentCompany")} {...input("currentCompany")} />
          </FieldRow>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <FieldRow field="industry" form={form}>
              <Select
                label={t("fields.industry")}
                placeholder={t("choose")}
                data={industryOptions(tl)}
                clearable
                {...input("industry")}
              />
            </FieldRow>
            <FieldRow field="jobType" form={form}>
              <Select
                label={t("fields.jobType")}
                placeholder={t("choose")}
                data={jobTypeOptions(tl)}
                clearable
                {...input("jobType")}
              />
            </FieldRow>
          </SimpleGrid>
          <FieldRow field="skills" form={form}>
            <SuggestTagsInput
              slug={slug}
              field="skills"
              label={t("fields.skills")}
              description={t("help.skills")}
              maxTags={30}
              clearable
              {...input("skills")}
            />
          </FieldRow>
        </Section>
        <Section title={t("sections.about")}>
          <FieldRow field="bio" form={form}>
            <Textarea
              label={t("fields.bio")}
              description={t("help.bio", { count: form.values.bio.length })}
              autosize
              minRows={4}
              maxRows={14}
              {...input("bio")}
            />
          </FieldRow>
          <FieldRow field="links" form={form}>
            <LinksField form={form} />
          </FieldRow>
        </Section>
        <Section title={t("sections.contact")}>
          <FieldRow field="openTo" form={form}>
            <Checkbox.Group label={t("fields.openTo")} description={t("help.openTo")} {...input("openTo")}>
              <Group mt="xs" gap="lg">
                {OPEN_TO.map((o) => (
                  <Checkbox key={o} value={o} label={tl(`openTo.${o}`)} />
                ))}
              </Group>
            </Checkbox.Group>
          </FieldRow>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <FieldRow field="contactChannel" form={form}>
              <TextInput
                label={t("fields.contactChannel")}
                description={t("help.contactChannel")}
                {...input("contactChannel")}
              />
            </FieldRow>
            <FieldRow field="contactHours" form={form}>
              <TextInput
                label={t("fields.contactHours")}
                description={t("help.contactHours")}
                {...input("contactHours")}
              />
            </FieldRow>
          </SimpleGrid>
        </Section>
        <ErrorAlert error={error} />
        <SaveBar busy={busy} label={t("save")} />
      </Stack>
    </form>
  );
}

function ProfileEdit({ slug, userId }: { slug: string; userId: string }) {
  const { t } = useTranslation("profile");
  const q = useQuery({
    queryKey: profileKeys.mine(slug),
    queryFn: () => getMyProfile(slug),
  });
  // The editor starts from the first load; later cache updates (photo) flow in through props.
  const [first, setFirst] = useState<OwnProfile | null>(null);
  useEffect(() => {
    if (q.data && !first) setFirst(q.data);
  }, [q.data, first]);
  if (q.isLoading || (q.data && !first)) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <Stack maw={860} gap="md">
      <PageTitle
        title={t("editTitle")}
        subtitle={
          <>
            {t("editSubtitle")}{" "}
            <Anchor component={Link} to={`/n/${slug}/members/${userId}?as=members`} size="sm">
              {t("preview")} →
            </Anchor>
          </>
        }
      />
      <Editor slug={slug} profile={{ ...first!, photoUrl: q.data!.photoUrl }} />
    </Stack>
  );
}

export default function ProfileEditPage() {
  const { slug = "" } = useParams();
  return <MemberGate slug={slug}>{(n, me) => <ProfileEdit slug={n.slug} userId={me.user.id} />}</MemberGate>;
}

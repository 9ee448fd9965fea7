import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { INTERESTS } from "../../../shared/profile.ts";
import type { BodyOf } from "../../api/client.ts";
import { ErrorAlert, fieldErrors } from "../../components/ErrorAlert.tsx";
import { MemberGate } from "../../components/MemberGate.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { industryOptions, jobTypeOptions } from "../../components/profileLabels.ts";
import type { MyNetwork } from "../../session.ts";
import { answerWelcomeSurvey, getWelcomeSurvey, welcomeSurveyKeys } from "./queries.ts";
import { skipSurvey } from "./skip.ts";
import "./i18n.ts";

const MIN_YEAR = 1950;
type SurveyInput = BodyOf<"/api/n/{slug}/welcome-survey">;

function SurveyForm({ network }: { network: MyNetwork }) {
  const { t } = useTranslation("welcome");
  const { t: tl } = useTranslation("profileLabels");
  const nav = useNavigate();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const survey = useQuery({
    queryKey: welcomeSurveyKeys.detail(network.slug),
    queryFn: () => getWelcomeSurvey(network.slug),
  });
  const thisYear = new Date().getFullYear();
  const form = useForm({
    initialValues: {
      joinedYear: "" as number | string,
      // The selects offer only the server's values.
      industry: null as SurveyInput["industry"],
      jobType: null as SurveyInput["jobType"],
      interests: [] as SurveyInput["interests"],
      interestOther: "",
      comment: "",
    },
    validate: {
      joinedYear: (v) =>
        v === "" || (Number.isInteger(v) && (v as number) >= MIN_YEAR && (v as number) <= thisYear)
          ? null
          : t("yearInvalid", { min: MIN_YEAR }),
      interestOther: (v) => (v.trim().length > 200 ? t("tooLong", { max: 200 }) : null),
      comment: (v) => (v.trim().length > 2000 ? t("tooLong", { max: 2000 }) : null),
    },
  });
  const prefill = survey.data?.prefill;
  // biome-ignore lint/correctness/useExhaustiveDependencies: pre-fill once, when the survey arrives
  useEffect(() => {
    if (!prefill) return;
    if (prefill.joinedYear && form.values.joinedYear === "")
      form.setFieldValue("joinedYear", prefill.joinedYear);
    if (prefill.industry && !form.values.industry) {
      form.setFieldValue("industry", prefill.industry as SurveyInput["industry"]);
    }
    if (prefill.jobType && !form.values.jobType) {
      form.setFieldValue("jobType", prefill.jobType as SurveyInput["jobType"]);
    }
  }, [prefill]);

  if (survey.isLoading) return <PageLoader />;
  if (survey.error) return <ErrorAlert error={survey.error} />;
  if (survey.data?.response) {
    return (
      <Alert color="teal" maw={720}>
        {t("answered")}{" "}
        <Button component={Link} to={`/n/${network.slug}/profile`} size="xs" variant="light" ml="sm">
          {t("toProfile")}
        </Button>
      </Alert>
    );
  }

  async function submit(v: typeof form.values) {
    setError(null);
    setBusy(true);
    try {
      await answerWelcomeSurvey(network.slug, {
        joinedYear: v.joinedYear === "" ? null : Number(v.joinedYear),
        industry: v.industry,
        jobType: v.jobType,
        interests: v.interests,
        interestOther: v.interests.includes("other") ? v.interestOther : null,
        comment: v.comment,
      });
      await qc.invalidateQueries({ queryKey: welcomeSurveyKeys.detail(network.slug) });
      notifications.show({ color: "teal", message: t("thanks") });
      nav(`/n/${network.slug}/profile`);
    } catch (e) {
      setError(e);
      form.setErrors(fieldErrors(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder radius="md" p={{ base: "md", sm: "xl" }} maw={760}>
      <PageTitle title={t("title", { network: network.name })} subtitle={t("subtitle")} />
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="md">
          <NumberInput
            label={t("joinedYear")}
            description={prefill ? t("joinedYearHelp") : undefined}
            min={MIN_YEAR}
            max={thisYear}
            allowDecimal={false}
            thousandSeparator={false}
            w={200}
            {...form.getInputProps("joinedYear")}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t("industry")}
              placeholder={t("choose")}
              data={industryOptions(tl)}
              clearable
              {...form.getInputProps("industry")}
            />
            <Select
              label={t("jobType")}
              placeholder={t("choose")}
              data={jobTypeOptions(tl)}
              clearable
              {...form.getInputProps("jobType")}
            />
          </SimpleGrid>
          <Checkbox.Group label={t("interests")} {...form.getInputProps("interests")}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {INTERESTS.map((i) => (
                <Checkbox key={i} value={i} label={tl(`interests.${i}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          {form.values.interests.includes("other") && (
            <TextInput label={t("interestOther")} maxLength={220} {...form.getInputProps("interestOther")} />
          )}
          <Alert color="yellow" variant="light" id="sensitive-note">
            {t("sensitive")}
          </Alert>
          <Textarea
            label={t("comment")}
            placeholder={t("commentPlaceholder")}
            autosize
            minRows={3}
            maxRows={10}
            aria-describedby="sensitive-note"
            {...form.getInputProps("comment")}
          />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button
              variant="subtle"
              onClick={() => {
                skipSurvey(network.slug);
                nav(`/n/${network.slug}`);
              }}
            >
              {t("later")}
            </Button>
            <Button type="submit" loading={busy}>
              {t("submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export default function WelcomeSurveyPage() {
  const { slug = "" } = useParams();
  return <MemberGate slug={slug}>{(network) => <SurveyForm network={network} />}</MemberGate>;
}

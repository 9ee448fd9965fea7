// The network's logo and accent colour (operators).
import {
  Anchor,
  Button,
  Card,
  ColorInput,
  FileButton,
  Group,
  Image,
  Progress,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { accentStyle } from "../../../components/brand.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { PageLoader } from "../../../components/PageLoader.tsx";
import { PageTitle } from "../../../components/PageTitle.tsx";
import { RequireOperator } from "../../../components/RequireRole.tsx";
import { meKeys } from "../../../session.ts";
import { brandingKeys, getBranding, removeLogo, saveAccent, uploadLogo } from "./queries.ts";
import "../i18n.ts";

const MAX_BYTES = 2 * 1024 * 1024;
const TYPES = ["image/jpeg", "image/png", "image/webp"];
const HEX = /^#[0-9a-f]{6}$/i;
const SWATCHES = ["#c8102e", "#e60012", "#f39800", "#0068b7", "#003f8e", "#1d7a46", "#5a3d8a", "#333333"];

function Branding({ slug, name }: { slug: string; name: string }) {
  const { t } = useTranslation("operator");
  const qc = useQueryClient();
  const brand = useQuery({ queryKey: brandingKeys.all(slug), queryFn: () => getBranding(slug) });
  const [accent, setAccent] = useState("");
  const [progress, setProgress] = useState<number | null>(null);
  const [logoError, setLogoError] = useState<string | null>(null);
  useEffect(() => setAccent(brand.data?.accentColor ?? ""), [brand.data?.accentColor]);
  const saved = (b: Awaited<ReturnType<typeof getBranding>>, message: string) => {
    qc.setQueryData(brandingKeys.all(slug), b);
    qc.invalidateQueries({ queryKey: meKeys.all });
    notifications.show({ color: "teal", message });
  };
  const colour = useMutation({
    mutationFn: (c: string | null) => saveAccent(slug, c),
    onSuccess: (b) => saved(b, t("branding.accentSaved")),
  });
  const drop = useMutation({
    mutationFn: () => removeLogo(slug),
    onSuccess: (b) => saved(b, t("branding.logoRemoved")),
  });
  // The file input forgets each choice, so that the same file can be chosen again (after an error).
  const resetFile = useRef<() => void>(null);
  async function upload(file: File) {
    if (!TYPES.includes(file.type)) return setLogoError(t("branding.logoType"));
    if (file.size > MAX_BYTES) return setLogoError(t("branding.logoTooLarge"));
    const form = new FormData();
    form.append("file", file);
    setProgress(0);
    try {
      saved(await uploadLogo(slug, form, setProgress), t("branding.logoSaved"));
    } catch (e) {
      setLogoError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  }
  async function choose(file: File | null) {
    setLogoError(null);
    if (!file) return;
    try {
      await upload(file);
    } finally {
      resetFile.current?.();
    }
  }
  if (brand.isLoading) return <PageLoader />;
  if (brand.error) return <ErrorAlert error={brand.error} />;
  const b = brand.data!;
  const valid = accent === "" || HEX.test(accent);
  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t("branding.logo")}
          </Title>
          {b.logoUrl ? (
            <Image src={b.logoUrl} alt={name} h={48} w="auto" fit="contain" maw={240} />
          ) : (
            <Text size="sm" c="dimmed">
              {t("branding.noLogo")}
            </Text>
          )}
          <Group gap="xs">
            <FileButton onChange={choose} accept={TYPES.join(",")} resetRef={resetFile}>
              {(props) => (
                <Button {...props} variant="light" loading={progress !== null}>
                  {b.logoUrl ? t("branding.change") : t("branding.upload")}
                </Button>
              )}
            </FileButton>
            {b.logoUrl && (
              <Button variant="subtle" color="red" onClick={() => drop.mutate()} loading={drop.isPending}>
                {t("branding.remove")}
              </Button>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t("branding.logoHelp")}
          </Text>
          {progress !== null && (
            <Progress value={progress * 100} size="sm" aria-label={t("branding.upload")} />
          )}
          {logoError && (
            <Text size="sm" c="red" role="alert">
              {logoError}
            </Text>
          )}
          <ErrorAlert error={drop.error} />
        </Stack>
      </Card>
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t("branding.accent")}
          </Title>
          <ColorInput
            maw={320}
            label={t("branding.accent")}
            description={t("branding.accentHelp")}
            format="hex"
            swatches={SWATCHES}
            value={accent}
            onChange={setAccent}
            error={valid ? undefined : t("branding.accentInvalid")}
          />
          <div style={accentStyle(valid ? accent : null)}>
            <Text size="xs" c="dimmed" mb={4}>
              {t("branding.preview")}
            </Text>
            <Group gap="sm">
              <Button size="xs">{t("branding.previewButton")}</Button>
              <Button size="xs" variant="light">
                {t("branding.previewButton")}
              </Button>
              <Anchor size="sm" component="span">
                {t("branding.previewLink")}
              </Anchor>
            </Group>
          </div>
          <ErrorAlert error={colour.error} />
          <Group gap="xs">
            <Button
              onClick={() => colour.mutate(accent ? accent.toLowerCase() : null)}
              disabled={!valid || (accent || null) === b.accentColor}
              loading={colour.isPending}
            >
              {t("branding.save")}
            </Button>
            {b.accentColor && (
              <Button variant="subtle" onClick={() => colour.mutate(null)} disabled={colour.isPending}>
                {t("branding.reset")}
              </Button>
            )}
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}

export default function BrandingPage() {
  const { t } = useTranslation("operator");
  return (
    <RequireOperator>
      {(network) => (
        <Stack gap="md" maw={800}>
          <PageTitle title={t("branding.title")} subtitle={t("branding.description")} />
          <Branding slug={network.slug} name={network.name} />
        </Stack>
      )}
    </RequireOperator>
  );
}

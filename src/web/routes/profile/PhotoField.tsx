import { Avatar, Button, FileButton, Group, Progress, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OwnProfile } from "./model.ts";
import { removeMyPhoto, uploadMyPhoto } from "./queries.ts";
import "./i18n.ts";

const MAX_BYTES = 2 * 1024 * 1024;
const TYPES = ["image/jpeg", "image/png", "image/webp"];

/** The photo: preview of the chosen file while it uploads, size/type checks, remove. */
export function PhotoField({
  slug,
  profile,
  onSaved,
}: {
  slug: string;
  profile: OwnProfile;
  onSaved: (p: OwnProfile) => void;
}) {
  const { t } = useTranslation("profile");
  const [preview, setPreview] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  async function choose(file: File | null) {
    setError(null);
    if (!file) return;
    if (!TYPES.includes(file.type)) return setError(t("photoType"));
    if (file.size > MAX_BYTES) return setError(t("photoTooLarge"));
    setPreview(URL.createObjectURL(file));
    setProgress(0);
    const form = new FormData();
    form.append("file", file);
    try {
      const p = await uploadMyPhoto(slug, form, setProgress);
      onSaved(p);
      notifications.show({ color: "teal", message: t("photoSaved") });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setPreview(null);
      setProgress(null);
    }
  }

  async function remove() {
    setError(null);
    try {
      onSaved(await removeMyPhoto(slug));
      notifications.show({ color: "teal", message: t("photoRemoved") });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  const src = preview ?? profile.photoUrl;
  return (
    <Group gap="md" align="center" wrap="nowrap">
      <Avatar
        src={src}
        size={96}
        radius={96}
        alt={t("photoOf", { name: profile.displayName })}
        name={profile.displayName}
        color="initials"
      />
      <Stack gap={6} style={{ flex: 1 }}>
        <Group gap="xs">
          <FileButton onChange={choose} accept={TYPES.join(",")}>
            {(props) => (
              <Button {...props} size="xs" variant="light" loading={progress !== null}>
                {profile.photoUrl ? t("photoChange") : t("photoUpload")}
              </Button>
            )}
          </FileButton>
          {profile.photoUrl && (
            <Button size="xs" variant="subtle" color="red" onClick={remove} disabled={progress !== null}>
              {t("photoRemove")}
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t("photoHelp")}
        </Text>
        {progress !== null && <Progress value={progress * 100} size="sm" aria-label={t("photoUpload")} />}
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Group>
  );
}

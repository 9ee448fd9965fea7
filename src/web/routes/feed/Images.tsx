// Pictures of a post: a picker in the composer that uploads each chosen picture at once (the post
// then sends their ids), and the pictures of a post, one wide or two to a row, opening full size.
import {
  ActionIcon,
  Box,
  Button,
  FileButton,
  Group,
  Image,
  Modal,
  Progress,
  SimpleGrid,
  Stack,
  Text,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { client } from "../../api/client.ts";
import { upload } from "../../api/upload.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import type { Post } from "./queries.ts";

export type PostImage = Post["images"][number];

const MAX_IMAGES = 4;
const MAX_BYTES = 8 * 1024 * 1024;
const ACCEPT = "image/jpeg,image/png,image/webp";

export function ImagePicker({
  slug,
  images,
  onChange,
}: {
  slug: string;
  images: PostImage[];
  onChange: (images: PostImage[]) => void;
}) {
  const { t } = useTranslation("feed");
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const add = async (files: File[]) => {
    setError(null);
    let list = images;
    for (const file of files) {
      if (list.length >= MAX_IMAGES) return setError(new Error(t("images.tooMany", { max: MAX_IMAGES })));
      if (file.size > MAX_BYTES) return setError(new Error(t("images.tooLarge")));
      const form = new FormData();
      form.append("file", file);
      setProgress(0);
      try {
        const up = await upload("/api/n/{slug}/posts/images", { path: { slug } }, form, setProgress);
        list = [...list, up];
        onChange(list);
      } catch (e) {
        return setError(e);
      } finally {
        setProgress(null);
      }
    }
  };
  const remove = (img: PostImage) => {
    onChange(images.filter((i) => i.id !== img.id));
    // A picture not posted yet is removed from the server too (a posted one goes with the edit).
    if (img.url.includes("/posts/images/")) {
      client
        .DELETE("/api/n/{slug}/posts/images/{id}", { params: { path: { slug, id: img.id } } })
        .catch(() => {});
    }
  };
  return (
    <Stack gap={6}>
      <Group gap="xs" wrap="wrap">
        <FileButton onChange={add} accept={ACCEPT} multiple>
          {(props) => (
            <Button
              {...props}
              variant="default"
              size="xs"
              disabled={progress !== null || images.length >= MAX_IMAGES}
              leftSection={<span aria-hidden>🖼</span>}
            >
              {t("images.add")}
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed" style={{ flex: "1 1 180px" }}>
          {t("images.hint", { max: MAX_IMAGES })}
        </Text>
      </Group>
      {progress !== null && <Progress value={progress * 100} size="sm" aria-label={t("images.uploading")} />}
      {images.length > 0 && (
        <Group gap="xs">
          {images.map((img, i) => (
            <Box key={img.id} pos="relative">
              <Image
                src={img.url}
                alt={t("images.alt", { n: i + 1 })}
                w={88}
                h={88}
                fit="cover"
                radius="sm"
              />
              <ActionIcon
                pos="absolute"
                top={2}
                right={2}
                size="sm"
                radius="xl"
                color="dark"
                variant="filled"
                aria-label={t("images.remove", { n: i + 1 })}
                onClick={() => remove(img)}
              >
                ×
              </ActionIcon>
            </Box>
          ))}
        </Group>
      )}
      <ErrorAlert error={error} />
    </Stack>
  );
}

export function PostImages({ images }: { images: PostImage[] }) {
  const { t } = useTranslation("feed");
  const [open, setOpen] = useState<PostImage | null>(null);
  if (!images.length) return null;
  const one = images.length === 1;
  return (
    <>
      <SimpleGrid cols={one ? 1 : 2} spacing={4} data-testid="post-images">
        {images.map((img, i) => (
          <Box
            key={img.id}
            component="button"
            type="button"
            onClick={() => setOpen(img)}
            aria-label={t("images.open", { n: i + 1 })}
            p={0}
            style={{ border: 0, background: "none", cursor: "zoom-in" }}
          >
            <Image
              src={img.url}
              alt={t("images.alt", { n: i + 1 })}
              radius="sm"
              fit="cover"
              loading="lazy"
              h={one ? undefined : 160}
              mah={one ? 420 : undefined}
              style={one ? { aspectRatio: `${img.width} / ${img.height}` } : undefined}
            />
          </Box>
        ))}
      </SimpleGrid>
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        size="xl"
        centered
        withCloseButton
        title={t("images.viewer")}
      >
        {open && <Image src={open.url} alt="" fit="contain" mah="80vh" />}
      </Modal>
    </>
  );
}

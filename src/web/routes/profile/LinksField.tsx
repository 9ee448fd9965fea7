import { ActionIcon, Button, Group, Input, Stack, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { ProfileForm } from "./model.ts";
import "./i18n.ts";

const MAX_LINKS = 5;

/** Up to five links, each a label and an http(s) URL. */
export function LinksField({ form }: { form: UseFormReturnType<ProfileForm> }) {
  const { t } = useTranslation("profile");
  const links = form.values.links;
  return (
    <Input.Wrapper label={t("fields.links")}>
      <Stack gap="xs" mt={4}>
        {links.map((_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is edited in place by position
          <Group key={i} gap="xs" align="flex-start" wrap="wrap">
            <TextInput
              aria-label={`${t("linkLabel")} ${i + 1}`}
              placeholder={t("linkLabel")}
              w={{ base: "100%", xs: 160 }}
              {...form.getInputProps(`links.${i}.label`)}
            />
            <Group gap="xs" wrap="nowrap" style={{ flex: "1 1 220px" }} align="flex-start">
              <TextInput
                aria-label={`${t("linkUrl")} ${i + 1}`}
                placeholder="https://"
                type="url"
                style={{ flex: 1 }}
                {...form.getInputProps(`links.${i}.url`)}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                aria-label={t("linkRemove", { n: i + 1 })}
                onClick={() => form.removeListItem("links", i)}
              >
                <span aria-hidden>×</span>
              </ActionIcon>
            </Group>
          </Group>
        ))}
        {links.length < MAX_LINKS && (
          <div>
            <Button
              variant="subtle"
              size="xs"
              onClick={() => form.insertListItem("links", { label: "", url: "" })}
            >
              + {t("linkAdd")}
            </Button>
          </div>
        )}
      </Stack>
    </Input.Wrapper>
  );
}

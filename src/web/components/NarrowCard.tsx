import { Paper, Stack } from "@mantine/core";
import { PageTitle } from "./PageTitle.tsx";

/** A centred, narrow card for short forms (sign-in, sign-up, messages). */
export function NarrowCard({
  title,
  subtitle,
  children,
  width = 460,
}: {
  title: string;
  subtitle?: React.ReactNode;
  children: React.ReactNode;
  width?: number;
}) {
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "md", sm: "xl" }}
      maw={width}
      mx="auto"
      mt={{ base: 0, sm: "xl" }}
    >
      <PageTitle title={title} subtitle={subtitle} />
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}

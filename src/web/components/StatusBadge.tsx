import { Badge, type BadgeProps } from "@mantine/core";

/** A light, unwrapped badge for a row's status in a table. */
export function StatusBadge(props: BadgeProps) {
  return <Badge miw="max-content" variant="light" {...props} />;
}

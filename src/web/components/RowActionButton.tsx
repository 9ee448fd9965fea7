import { Button } from "@mantine/core";
import type { ReactNode } from "react";

/** A small text button acting on one table row (e.g. revoke); `label` names the row for screen readers. */
export function RowActionButton({
  color = "red",
  label,
  onClick,
  children,
}: {
  color?: string;
  label: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Button size="compact-xs" variant="subtle" color={color} aria-label={label} onClick={onClick}>
      {children}
    </Button>
  );
}

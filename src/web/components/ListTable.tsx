import { type MantineSpacing, Skeleton, Stack, Table, type TableProps, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import type { ReactNode } from "react";
import { ErrorAlert } from "./ErrorAlert.tsx";

/** Below Mantine's `sm` breakpoint: a phone, where a list with `cards` shows them. */
const PHONE = "(max-width: 48em)";

type Props = Omit<TableProps, "children" | "data"> & {
  /** The query's error (shown above the table). */
  error: unknown;
  loading: boolean;
  /** Rows loaded; undefined while nothing is loaded yet. */
  count: number | undefined;
  /** What to say when the list is empty. */
  empty: ReactNode;
  emptyPy?: MantineSpacing;
  skeletonHeight: number;
  minWidth: number;
  maxHeight?: number;
  /** The header cells (`Table.Th`s). */
  head: ReactNode;
  /** The rows (`Table.Tr`s). */
  children: ReactNode;
  /**
   * The same rows as cards, shown instead of the table on a phone, where a wide table would keep
   * columns (and the row's actions) off-screen. Without them the table scrolls sideways.
   */
  cards?: ReactNode;
};

/**
 * A loaded list as a table: the error, a skeleton while loading, a dimmed sentence when empty,
 * else the table inside a horizontal scroll container (usable on a phone), or the `cards` on one.
 */
export function ListTable({
  error,
  loading,
  count,
  empty,
  emptyPy,
  skeletonHeight,
  minWidth,
  maxHeight,
  head,
  children,
  cards,
  ...table
}: Props) {
  const phone = useMediaQuery(PHONE, false, { getInitialValueInEffect: false });
  return (
    <>
      <ErrorAlert error={error} />
      {loading && <Skeleton h={skeletonHeight} />}
      {count === 0 && (
        <Text size="sm" c="dimmed" py={emptyPy}>
          {empty}
        </Text>
      )}
      {!!count &&
        (cards && phone ? (
          <Stack gap="sm">{cards}</Stack>
        ) : (
          <Table.ScrollContainer minWidth={minWidth} maxHeight={maxHeight}>
            <Table fz="sm" verticalSpacing={6} {...table}>
              <Table.Thead>
                <Table.Tr>{head}</Table.Tr>
              </Table.Thead>
              <Table.Tbody>{children}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))}
    </>
  );
}

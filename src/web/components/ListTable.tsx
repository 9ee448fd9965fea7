import { type MantineSpacing, Skeleton, Table, type TableProps, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { ErrorAlert } from "./ErrorAlert.tsx";

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
};

/**
 * A loaded list as a table: the error, a skeleton while loading, a dimmed sentence when empty,
 * else the table inside a horizontal scroll container (usable on a phone).
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
  ...table
}: Props) {
  return (
    <>
      <ErrorAlert error={error} />
      {loading && <Skeleton h={skeletonHeight} />}
      {count === 0 && (
        <Text size="sm" c="dimmed" py={emptyPy}>
          {empty}
        </Text>
      )}
      {!!count && (
        <Table.ScrollContainer minWidth={minWidth} maxHeight={maxHeight}>
          <Table fz="sm" verticalSpacing={6} {...table}>
            <Table.Thead>
              <Table.Tr>{head}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>{children}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}

import { useInfiniteQuery } from "@tanstack/react-query";

/** One page of a keyset-paged API list. */
export type Page<T> = { items: T[]; total: number; nextCursor: string | null };

/** What a page request adds to the list's own parameters. */
export type PageQuery = { limit: number; cursor?: string };

/**
 * A keyset-paged list (50 a page, `?cursor=`): the query, the rows loaded so far and the props
 * for `LoadMore`. `fetchPage` makes the typed call with `page` merged into its query.
 */
/** What the hook needs of a page (total: null when the server did not count). */
type AnyPage = { items: unknown[]; total?: number | null; nextCursor: string | null };

export function usePagedList<P extends AnyPage>(
  queryKey: readonly unknown[],
  fetchPage: (page: PageQuery) => Promise<P>,
) {
  const list = useInfiniteQuery({
    queryKey,
    initialPageParam: "",
    queryFn: ({ pageParam }) => fetchPage(pageParam ? { limit: 50, cursor: pageParam } : { limit: 50 }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = (list.data?.pages.flatMap((p) => p.items) ?? []) as P["items"];
  const loadMore = {
    shown: rows.length,
    total: list.data?.pages[0]?.total ?? 0,
    hasMore: !!list.hasNextPage,
    loading: list.isFetchingNextPage,
    onLoadMore: () => list.fetchNextPage(),
  };
  return { list, rows, loadMore };
}

/** Empty strings and nulls left out of a query (the server treats a missing value as "any"). */
export function presentOnly<T extends Record<string, unknown>>(
  q: T,
): { [K in keyof T]?: Exclude<T[K], null | ""> } {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== "" && v != null)) as any;
}

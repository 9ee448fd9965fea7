import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../api.ts";

/** One page of a keyset-paged API list. */
export type Page<T> = { items: T[]; total: number; nextCursor: string | null };

/**
 * A keyset-paged list (50 a page, `?cursor=`): the query, the rows loaded so far and the props
 * for `LoadMore`. Empty params are left out of the URL.
 */
export function usePagedList<T>(
  queryKey: readonly unknown[],
  path: string,
  params: Record<string, string | null | undefined>,
) {
  const list = useInfiniteQuery({
    queryKey,
    initialPageParam: "",
    queryFn: ({ pageParam }) => {
      const p = new URLSearchParams({ limit: "50" });
      for (const [k, v] of Object.entries(params)) if (v) p.set(k, v);
      if (pageParam) p.set("cursor", pageParam);
      return api<Page<T>>(`${path}?${p}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const loadMore = {
    shown: rows.length,
    total: list.data?.pages[0]?.total ?? 0,
    hasMore: !!list.hasNextPage,
    loading: list.isFetchingNextPage,
    onLoadMore: () => list.fetchNextPage(),
  };
  return { list, rows, loadMore };
}

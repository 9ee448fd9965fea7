import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { client, unwrap } from "../../api/client.ts";
import { cleanFilter, type DirectorySort, type Filter } from "./filter.ts";
import { directoryKeys } from "./queries.ts";

/**
 * The directory search in keyset pages of 24 (lists as repeated keys: `skill=a&skill=b`): the cards
 * loaded so far, the total (first page only, exact up to a cap; `totalCapped`: more than that match)
 * and the LoadMore props.
 */
export function useDirectorySearch(slug: string, filter: Filter, sort: DirectorySort | undefined) {
  const list = useInfiniteQuery({
    queryKey: directoryKeys.search(slug, filter, sort),
    initialPageParam: "",
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET("/api/n/{slug}/directory", {
          params: {
            path: { slug },
            query: { ...cleanFilter(filter), sort, limit: 24, cursor: pageParam || undefined },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? null;
  const capped = !!list.data?.pages[0]?.totalCapped;
  const loadMore = {
    shown: rows.length,
    total: total ?? rows.length,
    hasMore: !!list.hasNextPage,
    loading: list.isFetchingNextPage,
    onLoadMore: () => list.fetchNextPage(),
  };
  return { list, rows, total, capped, loadMore };
}

/** How many members a filter matches now (`/directory/count`), for live counts while editing. */
export function useDirectoryCount(slug: string, filter: Filter) {
  return useQuery({
    queryKey: directoryKeys.count(slug, filter),
    queryFn: () =>
      unwrap(
        client.GET("/api/n/{slug}/directory/count", {
          params: { path: { slug }, query: cleanFilter(filter) },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

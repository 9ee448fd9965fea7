import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { directoryPage } from "../../../modules/directory/schemas.ts";
import { api } from "../../api.ts";
import { type DirectorySort, type Filter, filterToParams } from "./filter.ts";

/** `total` (first page only) is exact up to a cap; `totalCapped`: more than that match. */
type DirectoryPage = z.infer<typeof directoryPage>;

const base = (slug: string) => `/api/n/${encodeURIComponent(slug)}/directory`;

/**
 * The directory search in keyset pages of 24 (`usePagedList` cannot repeat a parameter, which
 * list filters need): the cards loaded so far, the total (first page) and the LoadMore props.
 */
export function useDirectorySearch(slug: string, filter: Filter, sort: DirectorySort | undefined) {
  const params = filterToParams(filter, sort);
  const list = useInfiniteQuery({
    queryKey: ["directory", slug, params.toString()],
    initialPageParam: "",
    queryFn: ({ pageParam }) => {
      const p = new URLSearchParams(params);
      p.set("limit", "24");
      if (pageParam) p.set("cursor", pageParam);
      return api<DirectoryPage>(`${base(slug)}?${p}`);
    },
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
  const params = filterToParams(filter);
  return useQuery({
    queryKey: ["directory-count", slug, params.toString()],
    queryFn: () => api<{ total: number }>(`${base(slug)}/count?${params}`),
    placeholderData: keepPreviousData,
  });
}

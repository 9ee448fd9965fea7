import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { client, unwrap } from "../api/client.ts";
import { directoryKeys } from "../routes/directory/queries.ts";

export type SuggestField = "skills" | "departments" | "location";

/**
 * Labels in use in the network (skills, departments, locations) starting with what is typed,
 * most used first, as the viewer may see them (`/directory/suggest`).
 */
export function useSuggestions(slug: string, field: SuggestField, search: string, limit = 10) {
  const [q] = useDebouncedValue(search.trim(), 200);
  const query = useQuery({
    queryKey: directoryKeys.suggest(slug, field, q, limit),
    queryFn: () =>
      unwrap(
        client.GET("/api/n/{slug}/directory/suggest", {
          params: { path: { slug }, query: { field, q, limit } },
        }),
      ),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  const items = query.data?.items ?? [];
  const labels = [...new Set(items.map((i) => i.label))];
  const counts = new Map(items.map((i) => [i.label, i.count]));
  return { labels, counts };
}

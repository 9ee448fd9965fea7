// Query keys of the member directory: searches, live counts and the label suggestions.
import { type DirectorySort, type Filter, filterToParams } from "./filter.ts";

export const directoryKeys = {
  all: (slug: string) => ["directory", slug] as const,
  // The filter as its query string: equal filters share one cache entry whatever their key order.
  search: (slug: string, filter: Filter, sort?: DirectorySort) =>
    [...directoryKeys.all(slug), filterToParams(filter, sort).toString()] as const,
  count: (slug: string, filter: Filter) =>
    ["directory-count", slug, filterToParams(filter).toString()] as const,
  suggest: (slug: string, field: string, q: string, limit: number) =>
    ["directory-suggest", slug, field, q, limit] as const,
};

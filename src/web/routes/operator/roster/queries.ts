// Query keys and calls of the roster page (operators).
import { client, type paths, unwrap } from "../../../api/client.ts";
import { type PageQuery, presentOnly } from "../../../components/usePagedList.ts";

type RosterQuery = NonNullable<paths["/api/n/{slug}/roster"]["get"]["parameters"]["query"]>;
export type RosterExportQuery = NonNullable<
  paths["/api/n/{slug}/roster/export.csv"]["get"]["parameters"]["query"]
>;
/** The table's controls ("": any). */
export type RosterFilter = { q: string; status: string; sort: string };

export const rosterKeys = {
  all: (slug: string) => ["roster", slug] as const,
  list: (slug: string, filter: RosterFilter) => [...rosterKeys.all(slug), filter] as const,
  imports: (slug: string) => ["roster-imports", slug] as const,
};

export const rosterPage = (slug: string, filter: RosterFilter, page: PageQuery) =>
  unwrap(
    client.GET("/api/n/{slug}/roster", {
      params: { path: { slug }, query: { ...(presentOnly(filter) as RosterQuery), ...page } },
    }),
  );

export const rosterImports = (slug: string) =>
  unwrap(client.GET("/api/n/{slug}/roster/imports", { params: { path: { slug } } }));

export type RosterRowPatch = NonNullable<
  paths["/api/n/{slug}/roster/{id}"]["patch"]["requestBody"]
>["content"]["application/json"];

export const updateRosterRow = (slug: string, id: string, body: RosterRowPatch) =>
  unwrap(client.PATCH("/api/n/{slug}/roster/{id}", { params: { path: { slug, id } }, body }));

export const deleteRosterRow = (slug: string, id: string) =>
  unwrap(client.DELETE("/api/n/{slug}/roster/{id}", { params: { path: { slug, id } } }));

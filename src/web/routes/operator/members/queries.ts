// Query keys and calls of the members page (operators).
import { client, type paths, unwrap } from "../../../api/client.ts";
import { type PageQuery, presentOnly } from "../../../components/usePagedList.ts";

export type MembersQuery = NonNullable<paths["/api/n/{slug}/members"]["get"]["parameters"]["query"]>;
/** The page's filters as its controls hold them (null / "": any). */
export type MembersFilter = { q: string; role: string | null; status: string | null };

export const memberKeys = {
  all: (slug: string) => ["members", slug] as const,
  list: (slug: string, filter: MembersFilter) => [...memberKeys.all(slug), filter] as const,
};

export const membersPage = (slug: string, filter: MembersFilter, page: PageQuery) =>
  unwrap(
    client.GET("/api/n/{slug}/members", {
      params: { path: { slug }, query: { ...(presentOnly(filter) as MembersQuery), ...page } },
    }),
  );

export const updateMember = (
  slug: string,
  userId: string,
  body: {
    role?: NonNullable<MembersQuery["role"]>;
    status?: NonNullable<MembersQuery["status"]>;
    supporter?: boolean;
  },
) => unwrap(client.PATCH("/api/n/{slug}/members/{userId}", { params: { path: { slug, userId } }, body }));

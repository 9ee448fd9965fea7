// The opportunities API for the web: query keys, the lists, one posting, its history, writes.
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { type BodyOf, client, type paths, type ResponseOf, unwrap } from "../../api/client.ts";
import { upload } from "../../api/upload.ts";

export type Opportunity = ResponseOf<"/api/n/{slug}/opportunities/{id}">;
export type OpportunityInput = BodyOf<"/api/n/{slug}/opportunities">;
export type OpportunityPatch = BodyOf<"/api/n/{slug}/opportunities/{id}", "patch">;
export type ListQuery = NonNullable<paths["/api/n/{slug}/opportunities"]["get"]["parameters"]["query"]>;
export type AdminQuery = NonNullable<
  paths["/api/n/{slug}/admin/opportunities"]["get"]["parameters"]["query"]
>;
export type Settings = ResponseOf<"/api/n/{slug}/opportunities/settings">;
export type OpportunityType = Opportunity["type"];
export type Kind = NonNullable<Opportunity["kind"]>;
export type Remote = NonNullable<Opportunity["remote"]>;
export type EmploymentType = NonNullable<Opportunity["employmentType"]>;
export type FeeUnit = NonNullable<Opportunity["feeUnit"]>;

export const TYPES: OpportunityType[] = ["rehire", "freelance"];
export const KINDS: Kind[] = ["task", "mentoring"];
export const REMOTES: Remote[] = ["onsite", "hybrid", "remote"];
export const EMPLOYMENT_TYPES: EmploymentType[] = ["full_time", "contract", "part_time", "other"];
export const FEE_UNITS: FeeUnit[] = ["hour", "day", "month", "project"];

export const opportunityKeys = {
  all: (slug: string) => ["opportunities", slug] as const,
  list: (slug: string, q: ListQuery) => [...opportunityKeys.all(slug), "list", q] as const,
  admin: (slug: string, q: AdminQuery) => [...opportunityKeys.all(slug), "admin", q] as const,
  one: (slug: string, id: string) => [...opportunityKeys.all(slug), "one", id] as const,
  revisions: (slug: string, id: string) => [...opportunityKeys.all(slug), "revisions", id] as const,
  settings: (slug: string) => [...opportunityKeys.all(slug), "settings"] as const,
};

/** A keyset list, page after page. */
export function useOpportunities(slug: string, q: ListQuery) {
  return useInfiniteQuery({
    queryKey: opportunityKeys.list(slug, q),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET("/api/n/{slug}/opportunities", {
          params: { path: { slug }, query: { ...q, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAdminOpportunities(slug: string, q: AdminQuery, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: opportunityKeys.admin(slug, q),
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET("/api/n/{slug}/admin/opportunities", {
          params: { path: { slug }, query: { ...q, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useOpportunity(slug: string, id: string) {
  return useQuery({
    queryKey: opportunityKeys.one(slug, id),
    queryFn: () => unwrap(client.GET("/api/n/{slug}/opportunities/{id}", { params: { path: { slug, id } } })),
    retry: false,
  });
}

export function useRevisions(slug: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: opportunityKeys.revisions(slug, id),
    enabled,
    queryFn: () =>
      unwrap(client.GET("/api/n/{slug}/opportunities/{id}/revisions", { params: { path: { slug, id } } })),
  });
}

export function useSettings(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: opportunityKeys.settings(slug),
    enabled,
    queryFn: () => unwrap(client.GET("/api/n/{slug}/opportunities/settings", { params: { path: { slug } } })),
  });
}

export const saveSettings = (slug: string, body: BodyOf<"/api/n/{slug}/opportunities/settings", "put">) =>
  unwrap(client.PUT("/api/n/{slug}/opportunities/settings", { params: { path: { slug } }, body }));

export const createOpportunity = (slug: string, body: OpportunityInput) =>
  unwrap(client.POST("/api/n/{slug}/opportunities", { params: { path: { slug } }, body }));

export const editOpportunity = (slug: string, id: string, body: OpportunityPatch) =>
  unwrap(client.PATCH("/api/n/{slug}/opportunities/{id}", { params: { path: { slug, id } }, body }));

export type Action = "publish" | "approve" | "close" | "reopen" | "reconfirm";
export function act(slug: string, id: string, action: Action) {
  const params = { params: { path: { slug, id } } };
  switch (action) {
    case "publish":
      return unwrap(client.POST("/api/n/{slug}/opportunities/{id}/publish", params));
    case "approve":
      return unwrap(client.POST("/api/n/{slug}/opportunities/{id}/approve", params));
    case "close":
      return unwrap(client.POST("/api/n/{slug}/opportunities/{id}/close", params));
    case "reopen":
      return unwrap(client.POST("/api/n/{slug}/opportunities/{id}/reopen", params));
    case "reconfirm":
      return unwrap(client.POST("/api/n/{slug}/opportunities/{id}/reconfirm", params));
  }
}

export const duplicateOpportunity = (slug: string, id: string) =>
  unwrap(client.POST("/api/n/{slug}/opportunities/{id}/duplicate", { params: { path: { slug, id } } }));

export const returnOpportunity = (slug: string, id: string, reason: string) =>
  unwrap(
    client.POST("/api/n/{slug}/opportunities/{id}/return", {
      params: { path: { slug, id } },
      body: { reason },
    }),
  );

// --- Applications ---------------------------------------------------------------------------------

export type Application = ResponseOf<"/api/n/{slug}/applications/{id}">;
export type Stage = Application["stage"];
export type ApplyBody = BodyOf<"/api/n/{slug}/opportunities/{id}/applications">;
export type ShareField = NonNullable<ApplyBody["share"]>[number];
export type Board = ResponseOf<"/api/n/{slug}/opportunities/{id}/applications">;
export const SHARE_FIELDS: ShareField[] = [
  "email",
  "departments",
  "joinYm",
  "leaveYm",
  "currentCompany",
  "industry",
  "jobType",
  "skills",
  "location",
  "bio",
  "links",
  "contactHours",
];
export const BOARD_STAGES: Stage[] = [
  "applied",
  "screening",
  "interview",
  "offered",
  "hired",
  "contracted",
  "declined_by_us",
  "declined_by_applicant",
  "withdrawn",
];

export const applicationKeys = {
  all: (slug: string) => ["applications", slug] as const,
  mine: (slug: string) => [...applicationKeys.all(slug), "mine"] as const,
  one: (slug: string, id: string) => [...applicationKeys.all(slug), "one", id] as const,
  board: (slug: string, id: string) => [...applicationKeys.all(slug), "board", id] as const,
};

export function useMyApplications(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: applicationKeys.mine(slug),
    enabled,
    queryFn: () => unwrap(client.GET("/api/n/{slug}/applications", { params: { path: { slug } } })),
  });
}

export function useApplication(slug: string, id: string) {
  return useQuery({
    queryKey: applicationKeys.one(slug, id),
    queryFn: () => unwrap(client.GET("/api/n/{slug}/applications/{id}", { params: { path: { slug, id } } })),
    retry: false,
  });
}

export function useBoard(slug: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: applicationKeys.board(slug, id),
    enabled,
    queryFn: () =>
      unwrap(client.GET("/api/n/{slug}/opportunities/{id}/applications", { params: { path: { slug, id } } })),
  });
}

/** Uploads a CV (multipart, field `file`); the server checks it is a PDF by its content. */
export async function uploadCv(
  slug: string,
  file: File,
  onProgress: (fraction: number) => void = () => {},
): Promise<{ id: string; name: string; size: number }> {
  const form = new FormData();
  form.append("file", file);
  // The route answers 201 (the typed helper reads the 200 answer's type).
  return (await upload("/api/n/{slug}/opportunities/uploads", { path: { slug } }, form, onProgress)) as never;
}

export const applyTo = (slug: string, id: string, body: ApplyBody) =>
  unwrap(
    client.POST("/api/n/{slug}/opportunities/{id}/applications", { params: { path: { slug, id } }, body }),
  );

export const moveStage = (slug: string, id: string, stage: Stage, reason: string | null) =>
  unwrap(
    client.POST("/api/n/{slug}/applications/{id}/stage", {
      params: { path: { slug, id } },
      body: { stage, reason },
    }),
  );

export const withdrawApplication = (slug: string, id: string, reason: string | null) =>
  unwrap(
    client.POST("/api/n/{slug}/applications/{id}/withdraw", {
      params: { path: { slug, id } },
      body: { reason },
    }),
  );

export const addNote = (slug: string, id: string, body: string, rating: number | null) =>
  unwrap(
    client.POST("/api/n/{slug}/applications/{id}/notes", {
      params: { path: { slug, id } },
      body: { body, rating },
    }),
  );

export const sendMessage = (slug: string, id: string, body: string) =>
  unwrap(
    client.POST("/api/n/{slug}/applications/{id}/messages", {
      params: { path: { slug, id } },
      body: { body },
    }),
  );

export const addReviewer = (slug: string, id: string, userId: string) =>
  unwrap(
    client.PUT("/api/n/{slug}/opportunities/{id}/reviewers/{userId}", {
      params: { path: { slug, id, userId } },
    }),
  );

export const removeReviewer = (slug: string, id: string, userId: string) =>
  unwrap(
    client.DELETE("/api/n/{slug}/opportunities/{id}/reviewers/{userId}", {
      params: { path: { slug, id, userId } },
    }),
  );

export const fileUrl = (slug: string, id: string) =>
  `/api/n/${encodeURIComponent(slug)}/applications/${encodeURIComponent(id)}/file`;

// --- Matching ------------------------------------------------------------------------------------

export type Matches = ResponseOf<"/api/n/{slug}/opportunities/{id}/matches">;
export type Match = Matches["items"][number];
export type MatchReason = Match["reasons"][number];

export const matchKeys = {
  of: (slug: string, id: string) => [...opportunityKeys.all(slug), "matches", id] as const,
};

export function useMatches(slug: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: matchKeys.of(slug, id),
    enabled,
    queryFn: () =>
      unwrap(
        client.GET("/api/n/{slug}/opportunities/{id}/matches", {
          params: { path: { slug, id }, query: { limit: 50 } },
        }),
      ),
  });
}

export const inviteToApply = (slug: string, id: string, userIds: string[]) =>
  unwrap(
    client.POST("/api/n/{slug}/opportunities/{id}/invites", {
      params: { path: { slug, id } },
      body: { userIds },
    }),
  );

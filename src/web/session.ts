import { useQuery, useQueryClient } from "@tanstack/react-query";
import { authPost, hasSession } from "./api/auth.ts";
import { ApiError, client, type ResponseOf, unwrap } from "./api/client.ts";

export type MyNetwork = Me["networks"][number];
export type Me = ResponseOf<"/api/me">;

export const meKeys = { all: ["me"] as const };

/** The signed-in user and their networks (throws ApiError). */
export const fetchMe = () => unwrap(client.GET("/api/me"));

/** The signed-in user and their networks; null when signed out. */
export function useMe() {
  return useQuery({
    queryKey: meKeys.all,
    queryFn: async () => {
      if (!(await hasSession())) return null;
      try {
        return await fetchMe();
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 30_000,
  });
}

export function useRefreshMe() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: meKeys.all });
}

export async function signOut() {
  await authPost("/api/auth/sign-out", {});
}

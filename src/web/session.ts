import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { MyNetwork } from "../modules/networks/schemas.ts";
import { ApiError, api } from "./api.ts";

export type { MyNetwork } from "../modules/networks/schemas.ts";
export type Me = {
  user: { id: string; name: string; email: string; platformAdmin: boolean; locale: "ja" | "en" };
  networks: MyNetwork[];
};

/** The signed-in user and their networks; null when signed out. */
export function useMe() {
  return useQuery({
    queryKey: ["me"],
    queryFn: async () => {
      try {
        return await api<Me>("/api/me");
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
  return () => qc.invalidateQueries({ queryKey: ["me"] });
}

export async function signOut() {
  await api("/api/auth/sign-out", { method: "POST", body: {} });
}

// The referrals API for the web (リファラル): query keys, the lists, the report, writes.
import { useQuery } from "@tanstack/react-query";
import { type BodyOf, client, type paths, type ResponseOf, unwrap } from "../../api/client.ts";

export type Referral = ResponseOf<"/api/n/{slug}/referrals">["items"][number];
export type ReferralReport = ResponseOf<"/api/n/{slug}/admin/referrals">;
export type ReportQuery = NonNullable<paths["/api/n/{slug}/admin/referrals"]["get"]["parameters"]["query"]>;
export type Relationship = Referral["relationship"];
export type ReferralStatus = Referral["status"];

export const RELATIONSHIPS: Relationship[] = ["worked_together", "same_department", "manager", "other"];
export const REFERRAL_STATUSES: ReferralStatus[] = ["asked", "applied", "declined", "withdrawn"];

export const referralKeys = {
  all: (slug: string) => ["referrals", slug] as const,
  mine: (slug: string, opportunityId?: string) =>
    [...referralKeys.all(slug), "mine", opportunityId ?? null] as const,
  received: (slug: string, opportunityId?: string) =>
    [...referralKeys.all(slug), "received", opportunityId ?? null] as const,
  report: (slug: string, q: ReportQuery) => [...referralKeys.all(slug), "report", q] as const,
};

const byPosting = (opportunityId?: string) => (opportunityId ? { opportunityId } : {});

export function useMyReferrals(slug: string, enabled: boolean, opportunityId?: string) {
  return useQuery({
    queryKey: referralKeys.mine(slug, opportunityId),
    enabled,
    queryFn: () =>
      unwrap(
        client.GET("/api/n/{slug}/referrals", {
          params: { path: { slug }, query: byPosting(opportunityId) },
        }),
      ),
  });
}

export function useReceivedReferrals(slug: string, enabled: boolean, opportunityId?: string) {
  return useQuery({
    queryKey: referralKeys.received(slug, opportunityId),
    enabled,
    queryFn: () =>
      unwrap(
        client.GET("/api/n/{slug}/referrals/received", {
          params: { path: { slug }, query: byPosting(opportunityId) },
        }),
      ),
  });
}

export function useReferralReport(slug: string, q: ReportQuery) {
  return useQuery({
    queryKey: referralKeys.report(slug, q),
    queryFn: () =>
      unwrap(client.GET("/api/n/{slug}/admin/referrals", { params: { path: { slug }, query: q } })),
  });
}

export const referAlumna = (
  slug: string,
  id: string,
  body: BodyOf<"/api/n/{slug}/opportunities/{id}/referrals">,
) =>
  unwrap(client.POST("/api/n/{slug}/opportunities/{id}/referrals", { params: { path: { slug, id } }, body }));

export const declineReferral = (slug: string, id: string, reason: string | null) =>
  unwrap(
    client.POST("/api/n/{slug}/referrals/{id}/decline", { params: { path: { slug, id } }, body: { reason } }),
  );

export const withdrawReferral = (slug: string, id: string) =>
  unwrap(client.POST("/api/n/{slug}/referrals/{id}/withdraw", { params: { path: { slug, id } } }));

export const markReferralPaid = (slug: string, id: string) =>
  unwrap(client.POST("/api/n/{slug}/referrals/{id}/paid", { params: { path: { slug, id } } }));

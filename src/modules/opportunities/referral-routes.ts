// Referrals (リファラル): HTTP only. Mounted at the end of the module's routes (routes.ts).
import { access, memberScopeOf } from "../../server/access.ts";
import { requestLang } from "../../server/context.ts";
import { sendCsv } from "../../server/csv-export.ts";
import type { FastifyZod } from "../../server/http.ts";
import { opportunitiesPolicy } from "./policy.ts";
import { exportReferrals, referralReport } from "./referral-report.ts";
import {
  declineReferral,
  markIncentivePaid,
  myReferrals,
  receivedReferrals,
  refer,
  withdrawReferral,
} from "./referrals.ts";
import {
  opportunityParams,
  referralDeclineInput,
  referralExportQuery,
  referralInput,
  referralListOut,
  referralListQuery,
  referralOut,
  referralParams,
  referralReportOut,
  referralReportQuery,
  slugParams,
} from "./schemas.ts";

const tags = ["opportunities"];
const referRule = { access: access.member(opportunitiesPolicy.refer) };
const operators = { access: access.member(opportunitiesPolicy.referrals) };

export default async function referralRoutes(app: FastifyZod) {
  app.post(
    "/n/:slug/opportunities/:id/referrals",
    {
      config: referRule,
      schema: {
        tags,
        summary:
          "Refer an alumna for an open posting she may see (employees, operators): why, and how I know her; she is asked. 422 REFERRAL_NOT_OPEN when she did not opt in to offers of its type, 409 REFERRAL_DUPLICATE / REFERRAL_ALREADY_APPLIED",
        params: opportunityParams,
        body: referralInput,
        response: { 201: referralOut },
      },
    },
    async (req, reply) => {
      const out = await refer(memberScopeOf(req), req.params.id, req.body);
      reply.code(201);
      return out;
    },
  );

  app.get(
    "/n/:slug/referrals",
    {
      config: referRule,
      schema: {
        tags,
        summary:
          "The referrals I made: her answer and, once she applied, the application's coarse outcome and the incentive",
        params: slugParams,
        querystring: referralListQuery,
        response: { 200: referralListOut },
      },
    },
    async (req) => myReferrals(memberScopeOf(req), req.query),
  );

  app.get(
    "/n/:slug/referrals/received",
    {
      config: { access: access.member(opportunitiesPolicy.referred) },
      schema: {
        tags,
        summary: "The referrals made to me (alumni): who referred me, why, and my answer",
        params: slugParams,
        querystring: referralListQuery,
        response: { 200: referralListOut },
      },
    },
    async (req) => receivedReferrals(memberScopeOf(req), req.query),
  );

  app.post(
    "/n/:slug/referrals/:id/decline",
    {
      config: { access: access.member(opportunitiesPolicy.answerReferral) },
      schema: {
        tags,
        summary: "Decline a referral made to me (an optional reason, shown to nobody but the operators)",
        params: referralParams,
        body: referralDeclineInput,
        response: { 200: referralOut },
      },
    },
    async (req) => declineReferral(memberScopeOf(req), req.params.id, req.body.reason),
  );

  app.post(
    "/n/:slug/referrals/:id/withdraw",
    {
      config: { access: access.member(opportunitiesPolicy.withdrawReferral) },
      schema: {
        tags,
        summary: "Withdraw a referral she has not answered (its referrer, operators)",
        params: referralParams,
        response: { 200: referralOut },
      },
    },
    async (req) => withdrawReferral(memberScopeOf(req), req.params.id),
  );

  app.post(
    "/n/:slug/referrals/:id/paid",
    {
      config: operators,
      schema: {
        tags,
        summary:
          "Record the referral incentive as paid (operators; 409 REFERRAL_NOT_ELIGIBLE before the network's days after the hire)",
        params: referralParams,
        response: { 200: referralOut },
      },
    },
    async (req) => markIncentivePaid(memberScopeOf(req), req.params.id),
  );

  app.get(
    "/n/:slug/admin/referrals",
    {
      config: operators,
      schema: {
        tags,
        summary:
          "The referrals report (operators): every referral of the filter with its outcome and incentive, and totals",
        params: slugParams,
        querystring: referralReportQuery,
        response: { 200: referralReportOut },
      },
    },
    async (req) => referralReport(memberScopeOf(req), req.query),
  );

  app.get(
    "/n/:slug/admin/referrals/export.csv",
    {
      config: operators,
      schema: {
        tags,
        summary: "The referrals report as CSV (UTF-8 with BOM, or Shift_JIS); audited (operators)",
        params: slugParams,
        querystring: referralExportQuery,
      },
    },
    async (req, reply) => {
      const { encoding, ...q } = req.query;
      return sendCsv(reply, await exportReferrals(memberScopeOf(req), q, encoding, requestLang(req)));
    },
  );
}

// Who may do what with opportunities (募集). Employees and operators post; the poster and operators
// manage a posting (edit, publish, close, reopen, reconfirm, add co-reviewers); operators approve
// employees' postings when the network asks for it and set the network's rules. Every member reads
// the postings that reach them (a draft, or a posting outside one's audience, does not exist for
// them: 404); alumni apply. The applications of a posting are read by its reviewers: the poster,
// the co-reviewers the poster adds and the operators; an applicant reads her own (never the notes).
import { NETWORK_ROLES } from "../../server/auth.ts";
import { anyMember, definePolicy, onResource, role } from "../../server/policy.ts";
import type { Scope } from "../../server/scope.ts";

/** A posting as the rules see it: who posted it and who co-reviews it. */
export type OpportunityAccess = { createdBy: string; reviewers: string[] };

const isOperator = (s: Scope) => s.member?.role === "operator";
export const posts = (s: Scope, o: OpportunityAccess) => isOperator(s) || o.createdBy === s.actor.userId;
export const reviews = (s: Scope, o: OpportunityAccess) =>
  posts(s, o) || (s.member?.role !== "alumni" && o.reviewers.includes(s.actor.userId ?? ""));

export const opportunitiesPolicy = definePolicy("opportunities", {
  read: anyMember(),
  /** Post an opening or a project: employees and operators. */
  create: role("operator", "employee"),
  /** Edit, publish, close, reopen, reconfirm, duplicate, name co-reviewers: the poster and operators. */
  manage: onResource(["operator", "employee"], posts),
  /** The board, notes, ratings, stage changes, the thread: the poster, co-reviewers, operators. */
  review: onResource(["operator", "employee"], reviews),
  /** Approve or return employees' postings; the network's rules for postings. */
  approve: role("operator"),
  settings: role("operator"),
  /** Post for a segment (as events and the feed: operators). */
  segment: role("operator"),
  /** Apply, withdraw, read one's own applications: alumni. */
  apply: role("alumni"),
  /** An application: its applicant, or a reviewer of its posting. */
  readApplication: onResource(
    NETWORK_ROLES,
    (s, a: { userId: string; access: OpportunityAccess }) =>
      a.userId === s.actor.userId || reviews(s, a.access),
    "notFound",
  ),
  // Referrals (リファラル): employees and operators refer an alumna; she answers hers; the referrer
  // (or an operator) withdraws it while she has not; operators keep the report and the incentive.
  refer: role("operator", "employee"),
  /** The referrals made to me: alumni. */
  referred: role("alumni"),
  answerReferral: onResource(["alumni"], (s, r: Referral) => r.userId === s.actor.userId, "notFound"),
  withdrawReferral: onResource(
    ["operator", "employee"],
    (s, r: Referral) => isOperator(s) || r.referrerId === s.actor.userId,
    "notFound",
  ),
  /** The report, the CSV, the incentive's payment. */
  referrals: role("operator"),
});

/** A referral as the rules see it: the alumna referred and who referred her. */
type Referral = { userId: string; referrerId: string };

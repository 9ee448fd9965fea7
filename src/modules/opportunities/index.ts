// What other modules may use of the opportunities module: import from here, never from its files.
// The benchmark (bench/opportunities) uses matchesFor, wishesOf, the input and query schemas and
// listOpportunities: postings built from the API's input schema, the list and matches run outside
// a request to record their statements for the plans, and whom an offer reaches.
export { matchesFor } from "./matches.ts";
export { wishesOf } from "./matching.ts";
export { askApproval, offerToInvitees, tellReviewers, tellStage } from "./offers.ts";
export { stillOpen as opportunityStillOpen } from "./queries.ts";
export { settleReferral, tellReferred, tellReferrer } from "./referral-news.ts";
export { matchesQuery, opportunityInput, opportunityListQuery } from "./schemas.ts";
export {
  backfillDepartmentKeys,
  listOpportunities,
  OPPORTUNITY_CLOSE_JOB,
  OPPORTUNITY_RECONFIRM_JOB,
  type OpportunityCloseJob,
  type OpportunityReconfirmJob,
  opportunityNotFound,
  type PostingContent,
  postingColumns,
  runAutoClose,
  runReconfirm,
} from "./service.ts";

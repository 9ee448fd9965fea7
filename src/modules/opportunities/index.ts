// What other modules may use of the opportunities module: import from here, never from its files.
export { askApproval, offerToInvitees, tellReviewers, tellStage } from "./offers.ts";
export { stillOpen as opportunityStillOpen } from "./queries.ts";
export {
  backfillDepartmentKeys,
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

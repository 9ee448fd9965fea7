// Response shapes of the operator API (docs/api.md): the server's zod-inferred types, imported as
// types only (nothing from the server reaches the bundle), plus the few shapes the UI adds.
import type { CreateInvitationsInput } from "../../../modules/invitations/schemas.ts";
import type { MemberItem } from "../../../modules/members/schemas.ts";
import type { Candidate } from "../../../modules/registration/schemas.ts";
import type { RosterIssue } from "../../../modules/roster/messages.ts";
import type { SurveySummary } from "../../../modules/welcome-survey/schemas.ts";

export type {
  ApiToken,
  Invitation,
  InvitationStatus,
  InviteResult,
} from "../../../modules/invitations/schemas.ts";
export type { MemberItem } from "../../../modules/members/schemas.ts";
export type { Notice } from "../../../modules/networks/schemas.ts";
export type { Candidate, RegistrationItem as Registration } from "../../../modules/registration/schemas.ts";
export type { RosterIssue } from "../../../modules/roster/messages.ts";
export type {
  ImportResult,
  RosterEntry,
  RosterImport,
  RosterState,
} from "../../../modules/roster/schemas.ts";
export type { SurveySummary } from "../../../modules/welcome-survey/schemas.ts";

export type { Page } from "../../components/usePagedList.ts";

/** The 422 ROSTER_INVALID error's details. */
export type RosterInvalid = { rows?: number; errors: RosterIssue[]; totalErrors: number };

export type InviteRole = CreateInvitationsInput["role"];
export type InviteOptions = Pick<CreateInvitationsInput, "role" | "expiresInDays" | "locale"> & {
  message: string;
};

export type MatchReason = Candidate["reasons"][number];
export type MemberRole = MemberItem["role"];
export type Count = SurveySummary["byIndustry"][number];

// Response shapes of the operator API (docs/api.md), as the pages use them.
export type Messages = { ja: string; en: string };

export type RosterState = "not_invited" | "invited" | "member";
export type RosterEntry = {
  id: string;
  employeeNumber: string;
  name: string;
  nameKana: string | null;
  joinDate: string;
  leaveDate: string;
  department: string | null;
  email: string | null;
  state: RosterState;
  invitedAt: string | null;
};
export type Page<T> = { items: T[]; total: number; nextCursor: string | null };

export type ImportResult = {
  encoding: string;
  rows: number;
  created: number;
  updated: number;
  durationMs: number;
  dryRun: boolean;
};
export type RosterIssue = { line: number; field?: string; code: string; messages: Messages };
export type RosterInvalid = { rows?: number; errors: RosterIssue[]; totalErrors: number };
export type RosterImport = {
  id: string;
  filename: string | null;
  encoding: string;
  rowCount: number;
  created: number;
  updated: number;
  durationMs: number;
  createdAt: string;
  by: string | null;
};

export type InviteRole = "alumni" | "employee";
export type InviteOptions = { role: InviteRole; expiresInDays: number; locale: "ja" | "en" };
export type InviteResult = {
  created: { id: string; email: string; expiresAt: string }[];
  skipped: { ref: string; code: string; messages: Messages }[];
};
export type InvitationStatus = "pending" | "accepted" | "expired" | "revoked";
export type Invitation = {
  id: string;
  email: string;
  name: string | null;
  role: string;
  status: InvitationStatus;
  rosterEntryId: string | null;
  expiresAt: string;
  createdAt: string;
  createdVia: string;
  acceptedAt: string | null;
};

export type MatchReason = "employee_number" | "name" | "kana" | "join_month" | "leave_month" | "department";
export type Candidate = {
  rosterEntryId: string;
  employeeNumber: string;
  name: string;
  nameKana: string | null;
  joinDate: string;
  leaveDate: string;
  department: string | null;
  linked?: boolean;
  reasons: MatchReason[];
};
export type Registration = {
  id: string;
  name: string;
  nameKana: string | null;
  email: string;
  joinYm: string;
  leaveYm: string;
  department: string | null;
  employeeNumber: string | null;
  status: "pending" | "approved" | "rejected";
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  automatic?: boolean;
  note?: string | null;
  rosterEntryId?: string | null;
  candidates: Candidate[];
};

export type MemberRole = "operator" | "employee" | "alumni";
export type MemberItem = {
  userId: string;
  name: string;
  displayName: string | null;
  email: string;
  role: MemberRole;
  status: "active" | "suspended";
  joinYm: string | null;
  leaveYm: string | null;
  verifiedVia: string | null;
  verifiedAt: string | null;
  lastActiveAt: string | null;
  createdAt: string;
};

export type Count = { value: string; count: number };
export type SurveySummary = {
  responses: number;
  members: number;
  byIndustry: Count[];
  byJobType: Count[];
  byInterest: Count[];
  byJoinDecade: Count[];
  comments: { text: string; submittedAt: string }[];
  interestOthers?: { text: string; submittedAt: string }[];
};

export type Notice = { version: number; body: string; purposes: string[]; createdAt: string };

export type ApiToken = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

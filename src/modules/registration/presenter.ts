import type { Candidate } from "./matching.ts";
import type { RegistrationListRow } from "./queries.ts";
import type { RegistrationItem } from "./schemas.ts";

export function presentCandidate(c: Candidate) {
  return {
    rosterEntryId: c.id,
    employeeNumber: c.employeeNumber,
    name: c.name,
    nameKana: c.nameKana,
    joinDate: c.joinDate,
    leaveDate: c.leaveDate,
    department: c.department,
    linked: c.linkedUserId !== null,
    reasons: c.reasons,
  };
}

export function presentRegistration(row: RegistrationListRow, candidates: Candidate[]): RegistrationItem {
  const r = row.r;
  return {
    id: r.id,
    name: r.name,
    nameKana: r.nameKana,
    email: r.email,
    joinYm: r.joinYm,
    leaveYm: r.leaveYm,
    department: r.department,
    employeeNumber: r.employeeNumber,
    status: r.status as RegistrationItem["status"],
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedBy: row.deciderName ?? null,
    automatic: r.status === "approved" && r.decidedBy === null && row.verifiedVia === "roster_match",
    note: r.decisionNote,
    rosterEntryId: r.matchedRosterEntryId,
    candidates: candidates.map(presentCandidate),
  };
}

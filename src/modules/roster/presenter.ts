import type { RosterState } from "./schemas.ts";

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

export function presentRosterEntry(r: {
  id: string;
  employeeNumber: string;
  name: string;
  nameKana: string | null;
  joinDate: string;
  leaveDate: string;
  department: string | null;
  email: string | null;
  state: RosterState;
  invitedAt: Date | string | null;
}) {
  return {
    id: r.id,
    employeeNumber: r.employeeNumber,
    name: r.name,
    nameKana: r.nameKana,
    joinDate: r.joinDate,
    leaveDate: r.leaveDate,
    department: r.department,
    email: r.email,
    state: r.state,
    invitedAt: iso(r.invitedAt),
  };
}

export function presentImport(r: {
  id: string;
  filename: string | null;
  encoding: string;
  rowCount: number;
  created: number;
  updated: number;
  durationMs: number;
  createdAt: Date;
  by: string | null;
}) {
  return { ...r, createdAt: r.createdAt.toISOString() };
}

/** Opaque keyset cursor: the sort key and id of the last row of the page. */
export function encodeCursor(key: string, id: string) {
  return Buffer.from(JSON.stringify([key, id])).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): { key: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (typeof key === "string" && typeof id === "string") return { key, id };
  } catch {}
  return undefined;
}

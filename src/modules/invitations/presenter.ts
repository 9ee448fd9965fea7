import type { InvitationStatus } from "./schemas.ts";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentInvitation(r: {
  id: string;
  email: string;
  name: string | null;
  role: string;
  status: InvitationStatus;
  rosterEntryId: string | null;
  expiresAt: Date;
  createdAt: Date;
  createdVia: string;
  acceptedAt: Date | null;
  message: string | null;
  remindedAt: Date | null;
}) {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    status: r.status,
    rosterEntryId: r.rosterEntryId,
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    createdVia: r.createdVia,
    acceptedAt: iso(r.acceptedAt),
    message: r.message,
    remindedAt: iso(r.remindedAt),
  };
}

export function presentApiToken(t: {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: iso(t.lastUsedAt),
    revokedAt: iso(t.revokedAt),
  };
}

export function presentNoticeOrNull(
  n: { version: number; body: string; purposes: string[]; createdAt: Date } | null,
) {
  return n
    ? { version: n.version, body: n.body, purposes: n.purposes, createdAt: n.createdAt.toISOString() }
    : null;
}

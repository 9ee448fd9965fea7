import type { ConsentChoices } from "../../shared/profile.ts";
import type { ConsentOut } from "./schemas.ts";

/** A member's current consent in a network (what getConsent returns). */
export type MemberConsent = {
  noticeVersion: number;
  acceptedAt: Date;
  updatedAt: Date;
  choices: ConsentChoices;
};

const NONE = { directory: false, rehire: false, freelance: false, events: false, surveys: false };

export function presentConsent(c: MemberConsent | null, latestNoticeVersion: number | null): ConsentOut {
  return {
    noticeVersion: c?.noticeVersion ?? null,
    latestNoticeVersion,
    acceptedAt: c?.acceptedAt.toISOString() ?? null,
    choices: c ? { ...c.choices } : { ...NONE },
    updatedAt: c?.updatedAt.toISOString() ?? null,
  };
}

export function presentNoticeItem(n: { version: number; body: string; purposes: string[]; createdAt: Date }) {
  return { version: n.version, body: n.body, purposes: n.purposes, createdAt: n.createdAt.toISOString() };
}

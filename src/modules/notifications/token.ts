// One-click unsubscribe links (RFC 8058): the link names the member, the network and the kind,
// signed with the installation's secret, so that it works without signing in and cannot be forged
// for someone else.
import { createHmac, timingSafeEqual } from "node:crypto";
import { NOTIFICATION_KINDS, type NotificationKind } from "../../db/schema/index.ts";

export type Unsubscribe = { networkId: string; userId: string; kind: NotificationKind };

const sign = (secret: string, payload: string) =>
  createHmac("sha256", secret).update(`unsubscribe:${payload}`).digest("base64url");

export function unsubscribeToken(secret: string, u: Unsubscribe): string {
  const payload = Buffer.from(JSON.stringify([u.networkId, u.userId, u.kind])).toString("base64url");
  return `${payload}.${sign(secret, payload)}`;
}

/** The unsubscribe a token stands for, or null when it is not one of ours. */
export function readUnsubscribeToken(secret: string, token: string): Unsubscribe | null {
  const [payload, sig, ...rest] = token.split(".");
  if (!payload || !sig || rest.length) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const [networkId, userId, kind] = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (typeof networkId !== "string" || typeof userId !== "string") return null;
    if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind)) return null;
    return { networkId, userId, kind };
  } catch {
    return null;
  }
}

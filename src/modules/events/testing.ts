// Test helpers for events: an event made through the API (published now unless told otherwise).
import { record } from "../../server/events.ts";
import { call, type TestEnv, type TestNetwork, type TestUser } from "../../test/harness.ts";
import { saveConsent } from "../consent/index.ts";

/** The member agrees to be listed in the directory (as the consent form records it). */
export async function listInDirectory(env: TestEnv, net: TestNetwork, u: TestUser) {
  await env.ctx.db.transaction(async (tx) => {
    await saveConsent(tx, {
      networkId: net.id,
      userId: u.id,
      noticeVersion: 1,
      accepted: true,
      directory: true,
      rehire: false,
      freelance: false,
      events: true,
      surveys: false,
    });
    await record(tx, { type: "member.changed", networkId: net.id, userIds: [u.id] });
  });
}

export const inDays = (days: number, hour = 19) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour - 9, 0, 0, 0);
  return d.toISOString();
};

export async function makeTestEvent(
  env: TestEnv,
  net: TestNetwork,
  body: Record<string, unknown> = {},
  by: TestUser = net.operator,
): Promise<{ id: string; title: string }> {
  const res = await call(env, {
    method: "POST",
    url: `/api/n/${net.slug}/events`,
    user: by,
    payload: {
      title: "アルムナイ交流会",
      format: "in_person",
      venueName: "本社 20F ラウンジ",
      startsAt: inDays(7),
      endsAt: inDays(7, 21),
      publishAt: "now",
      ...body,
    },
  });
  if (res.statusCode !== 201) throw new Error(`event not created: ${res.body}`);
  return res.json();
}

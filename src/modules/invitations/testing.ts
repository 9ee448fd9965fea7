// Test helpers for invitations: invite through the API and read the link out of the email.
import { call, linkIn, mailsTo, type TestEnv, type TestNetwork } from "../../test/harness.ts";

export const CONSENT = {
  consent: {
    noticeVersion: 1,
    directory: true,
    rehire: true,
    freelance: false,
    events: true,
    surveys: false,
  },
};

/** Invites `email` as the network's operator and returns the token from the mail. */
export async function inviteByEmail(
  env: TestEnv,
  net: TestNetwork,
  email: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; token: string }> {
  const res = await call(env, {
    method: "POST",
    url: `/api/n/${net.slug}/invitations`,
    user: net.operator,
    payload: { invitees: [{ email, name: "招待 太郎" }], ...extra },
  });
  if (res.statusCode !== 201) throw new Error(`invite failed ${res.statusCode} ${res.body}`);
  const id = res.json().created[0].id;
  return { id, token: await tokenFromMail(env, email) };
}

/** The token of the last invitation mail sent to `email`. */
export async function tokenFromMail(env: TestEnv, email: string): Promise<string> {
  const mails = await mailsTo(env, email);
  const url = linkIn(mails.at(-1)!.text);
  return url.split("/invite/")[1];
}

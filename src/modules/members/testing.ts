// Test helpers for members and profiles: a member admitted the real way (member row, profile and
// consent through admitMember), and multipart bodies for uploads.
import type { NetworkRole } from "../../server/auth.ts";
import { makeUser, type TestEnv, type TestNetwork, type TestUser } from "../../test/harness.ts";
import { admitMember } from "./admit.ts";

export async function admitTestMember(
  env: TestEnv,
  network: TestNetwork,
  role: NetworkRole,
  opts: { name?: string; directory?: boolean | null } = {},
): Promise<TestUser> {
  const u = await makeUser(env, { name: opts.name ?? "卒業 一郎" });
  const directory = opts.directory === undefined ? true : opts.directory;
  await env.ctx.db.transaction(async (tx) => {
    await admitMember(tx, {
      networkId: network.id,
      userId: u.id,
      role,
      verifiedVia: "operator_added",
      verifiedBy: network.operator.id,
      profile: { displayName: opts.name ?? "卒業 一郎", joinYm: "2012-04", leaveYm: "2020-03" },
      ...(directory === null
        ? {}
        : {
            consent: {
              noticeVersion: 1,
              directory,
              rehire: false,
              freelance: false,
              events: true,
              surveys: false,
            },
          }),
    });
  });
  return u;
}

/** A multipart/form-data body with one file part. */
export function multipartFile(
  content: Buffer,
  opts: { filename?: string; contentType?: string; field?: string } = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----tsunagari${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${opts.field ?? "file"}"; filename="${
      opts.filename ?? "photo.jpg"
    }"\r\nContent-Type: ${opts.contentType ?? "application/octet-stream"}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

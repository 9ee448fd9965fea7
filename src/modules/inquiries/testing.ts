// Test helpers for the operators' desk: open an inquiry and upload an attachment as a member.

import { call, type TestEnv, type TestUser } from "../../test/harness.ts";
import { multipartFile } from "../members/testing.ts";

export async function openTestInquiry(
  env: TestEnv,
  slug: string,
  user: TestUser,
  body: Record<string, unknown> = {},
) {
  const res = await call(env, {
    method: "POST",
    url: `/api/n/${slug}/inquiries`,
    user,
    payload: {
      category: "general",
      subject: "源泉徴収票の再発行について",
      body: "昨年分の源泉徴収票を紛失してしまいました。再発行をお願いできますか。",
      ...body,
    },
  });
  if (res.statusCode !== 201) throw new Error(`open inquiry failed ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; status: string };
}

export function uploadTestAttachment(
  env: TestEnv,
  slug: string,
  user: TestUser,
  content: Buffer,
  filename = "書類.pdf",
) {
  const { payload, headers } = multipartFile(content, { filename, contentType: "application/pdf" });
  return env.app.inject({
    method: "POST",
    url: `/api/n/${slug}/inquiries/attachments`,
    headers: { origin: "http://localhost:3999", cookie: user.cookie, ...headers },
    payload,
  });
}

/** A small valid-looking PDF. */
export const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

// Invitee lines: valid ones are kept for sending, bad ones are reported with their line and kept
// as written, so the form can send the others and leave only the lines to correct.
import type { TFunction } from "i18next";
import { expect, it } from "vitest";
import { parseInvitees } from "./InvitationsPage.tsx";

const t = ((key: string, v: Record<string, unknown>) =>
  `${key} ${JSON.stringify(v)}`) as unknown as TFunction<"operator">;

it("keeps the valid lines and the bad lines apart", () => {
  const r = parseInvitees("taro@example.com,山田 太郎\n\nnot-an-address, 誰か\nHANAKO@example.jp\n", t);
  expect(r.invitees).toEqual([
    { email: "taro@example.com", name: "山田 太郎" },
    { email: "hanako@example.jp" },
  ]);
  expect(r.badLines).toEqual(["not-an-address, 誰か"]);
  expect(r.errors).toEqual([
    `invitations.form.badLine ${JSON.stringify({ line: 3, value: "not-an-address" })}`,
  ]);
});

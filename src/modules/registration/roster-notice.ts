// Tells the person a registration names — at the address the roster has for them — that an
// account was registered in their name, approved or waiting for the operators, and to contact the
// operators if it was not them. Name and months are facts a former colleague knows: the person
// themselves is the one who can tell an impostor apart. The registrant learns nothing from it: the
// mail goes only to the roster address (never to theirs) and the answer to them is unchanged.
import type { Scope } from "../../server/scope.ts";
import { claimedRows, emailKey, type RegistrationFacts, type RosterRow } from "./matching.ts";

/** At most this many people are told about one registration (namesakes with the same months). */
export const MAX_NOTICES = 5;

export async function noticeRosterAddresses(
  scope: Scope,
  v: {
    registrationId: string;
    facts: RegistrationFacts;
    rows: RosterRow[];
    registrant: { email: string; name: string };
    approved: boolean;
  },
) {
  const own = emailKey(v.registrant.email);
  const to = new Map<string, string>();
  for (const row of claimedRows(v.facts, v.rows, v.registrant.email).slice(0, MAX_NOTICES)) {
    // The registrant's own address is theirs already: a notice there would tell them the roster has it.
    if (row.email && emailKey(row.email) !== own && !to.has(emailKey(row.email)))
      to.set(emailKey(row.email), row.email.trim());
  }
  for (const address of to.values()) {
    // The roster has no language: the mail is in Japanese and English.
    await scope.ctx.mailer.enqueue(
      address,
      "registrationInYourName",
      "ja",
      {
        networkName: scope.network.name,
        name: v.facts.name,
        accountName: v.registrant.name,
        approved: v.approved,
      },
      {
        tx: scope.db,
        key: `registrationInYourName:${v.registrationId}:${emailKey(address)}`,
        networkId: scope.network.id,
      },
    );
  }
}

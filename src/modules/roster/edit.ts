// Correcting one roster row by hand, or deleting one nobody is linked to. A row is checked by the
// import's own rules (validate.ts), its matching keys are derived as the import derives them
// (queries.ts matchingKeys), and it waits for an import running at the same moment (lockRoster).
import { audit } from "../../server/audit.ts";
import { inTransaction, type Scope } from "../../server/scope.ts";
import { AppError, errors } from "../../shared/errors.ts";
import { todayInJapan } from "./dates.ts";
import { ROSTER_FIELDS, type RosterField } from "./messages.ts";
import { presentRosterEntry } from "./presenter.ts";
import {
  deleteUnlinkedRosterRow,
  findRosterEntry,
  lockRoster,
  lockRosterRow,
  takenBy,
  updateRosterRow,
} from "./queries.ts";
import type { RosterRowPatch } from "./schemas.ts";
import { validateRow } from "./validate.ts";

export const rosterRowErrors = {
  notFound: () => errors.notFound({ ja: "名簿の行", en: "roster entry" }),
  invalid: (issues: { field?: RosterField; code: string; messages: { ja: string; en: string } }[]) =>
    new AppError(
      422,
      "ROSTER_ROW_INVALID",
      {
        ja: "入力内容に誤りがあります。各項目を確認してください（何も変更していません）。",
        en: "Some fields are not valid. Check each field (nothing was changed).",
      },
      { errors: issues.map(({ field, code, messages }) => ({ field, code, messages })) },
    ),
  employeeNumberTaken: (value: string) =>
    new AppError(
      409,
      "ROSTER_EMPLOYEE_NUMBER_TAKEN",
      {
        ja: `社員番号「${value}」は名簿の別の行で使われています。社員番号は名簿の中で一つの行にしか使えません。`,
        en: `The employee number "${value}" is already used by another roster entry. Each employee number belongs to one entry.`,
      },
      { field: "employeeNumber" },
    ),
  emailTaken: (value: string) =>
    new AppError(
      409,
      "ROSTER_EMAIL_TAKEN",
      {
        ja: `メールアドレス「${value}」は名簿の別の行で使われています。`,
        en: `The email "${value}" is already used by another roster entry.`,
      },
      { field: "email" },
    ),
  linked: () =>
    errors.conflict("ROSTER_ENTRY_IS_MEMBER", {
      ja: "この行はメンバーと紐付いているため削除できません。",
      en: "This roster entry is linked to a member and cannot be deleted.",
    }),
};

/**
 * Applies `patch` (a field left out keeps its value; null or "" clears an optional one) after
 * checking the whole row as an import would. Audited with the names of the changed fields.
 */
export async function editRosterRow(scope: Scope, id: string, patch: RosterRowPatch, today = todayInJapan()) {
  const networkId = scope.network.id;
  return inTransaction(scope, async ({ db: tx }) => {
    await lockRoster(tx, networkId);
    const current = await lockRosterRow(tx, networkId, id);
    if (!current) throw rosterRowErrors.notFound();
    const values = Object.fromEntries(
      ROSTER_FIELDS.map((f) => [f, f in patch ? (patch[f] ?? "") : (current[f] ?? "")]),
    ) as Record<RosterField, string>;
    const { row, issues } = validateRow({ line: 1, values }, today);
    if (!row) throw rosterRowErrors.invalid(issues);
    const { line: _, ...next } = row;
    const changed = ROSTER_FIELDS.filter((f) => (next[f] ?? null) !== (current[f] ?? null));
    if (changed.length) {
      if (changed.includes("employeeNumber")) {
        if (await takenBy(tx, networkId, id, { employeeNumber: next.employeeNumber }))
          throw rosterRowErrors.employeeNumberTaken(next.employeeNumber);
      }
      // Imported files may hold one address twice; an edit does not add a second holder.
      if (changed.includes("email") && next.email) {
        if (await takenBy(tx, networkId, id, { email: next.email }))
          throw rosterRowErrors.emailTaken(next.email);
      }
      await updateRosterRow(tx, networkId, id, next);
      await audit(tx, {
        networkId,
        actor: scope.actor,
        action: "roster.row_updated",
        targetType: "roster_entry",
        targetId: id,
        data: { fields: changed, linked: !!current.linkedUserId },
      });
    }
    return presentRosterEntry((await findRosterEntry(tx, networkId, id))!);
  });
}

/** Deletes a row that no member is linked to. Invitations already sent stay valid. */
export async function deleteRosterRow(scope: Scope, id: string) {
  const networkId = scope.network.id;
  await inTransaction(scope, async ({ db: tx }) => {
    await lockRoster(tx, networkId);
    const current = await lockRosterRow(tx, networkId, id);
    if (!current) throw rosterRowErrors.notFound();
    if (current.linkedUserId || !(await deleteUnlinkedRosterRow(tx, networkId, id)))
      throw rosterRowErrors.linked();
    await audit(tx, {
      networkId,
      actor: scope.actor,
      action: "roster.row_deleted",
      targetType: "roster_entry",
      targetId: id,
      data: { employeeNumber: current.employeeNumber },
    });
  });
}

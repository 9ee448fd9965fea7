// Roster import: validate the whole file first, then upsert it in one transaction, in batches.
import type { z } from "zod";
import { audit } from "../../server/audit.ts";
import { inTransaction, type Scope } from "../../server/scope.ts";
import { AppError, errors } from "../../shared/errors.ts";
import { decodeCursor, encodeCursor, presentImport, presentRosterEntry } from "./presenter.ts";
import {
  existingEmployeeNumbers,
  insertImportRecord,
  listImports,
  lockRoster,
  searchRoster,
  upsertRosterBatch,
} from "./queries.ts";
import type { rosterListQuery } from "./schemas.ts";

type RosterListQuery = z.infer<typeof rosterListQuery>;

import { checkRosterFile } from "./validate.ts";

/** Rows per INSERT (12 parameters each: well under PostgreSQL's 65,535). */
export const BATCH_SIZE = 500;

export type ImportResult = {
  encoding: string;
  rows: number;
  created: number;
  updated: number;
  durationMs: number;
  dryRun: boolean;
};

export const fileMissing = () =>
  new AppError(400, "ROSTER_FILE_MISSING", {
    ja: "CSV ファイルを選んでください（フォーム項目名 file）。",
    en: "Choose a CSV file (form field “file”).",
  });

export const fileTooLarge = () =>
  new AppError(413, "ROSTER_FILE_TOO_LARGE", {
    ja: "ファイルが大きすぎます（20MB まで）。ファイルを分けて取り込んでください。",
    en: "The file is too large (20 MB at most). Split it and import the parts.",
  });

export async function importRoster(
  scope: Scope,
  file: { data: Uint8Array; filename: string | null },
  opts: { dryRun: boolean; today?: string },
): Promise<ImportResult> {
  const started = performance.now();
  const check = checkRosterFile(file.data, { today: opts.today });
  if (check.totalErrors > 0) {
    throw new AppError(
      422,
      "ROSTER_INVALID",
      {
        ja: `ファイルに ${check.totalErrors.toLocaleString("ja-JP")} 件の問題があります。修正してから取り込み直してください（何も取り込まれていません）。`,
        en: `The file has ${check.totalErrors.toLocaleString("en-US")} problem(s). Fix them and upload it again (nothing was imported).`,
      },
      { rows: check.rowCount, errors: check.errors, totalErrors: check.totalErrors },
    );
  }
  const networkId = scope.network.id;
  const encoding = check.encoding ?? "utf-8";
  const filename = file.filename ? file.filename.slice(0, 255) : null;

  return inTransaction(scope, async ({ db: tx }) => {
    if (!opts.dryRun) await lockRoster(tx, networkId);
    let updated = 0;
    for (let i = 0; i < check.rows.length; i += BATCH_SIZE) {
      const batch = check.rows.slice(i, i + BATCH_SIZE);
      const existing = await existingEmployeeNumbers(
        tx,
        networkId,
        batch.map((r) => r.employeeNumber),
      );
      updated += existing.size;
      if (!opts.dryRun) await upsertRosterBatch(tx, networkId, batch, check.columns);
    }
    const result = {
      encoding,
      rows: check.rows.length,
      created: check.rows.length - updated,
      updated,
      dryRun: opts.dryRun,
    };
    if (opts.dryRun) return { ...result, durationMs: Math.round(performance.now() - started) };
    const durationMs = Math.round(performance.now() - started);
    const importId = await insertImportRecord(tx, {
      networkId,
      userId: scope.actor.userId,
      filename,
      encoding,
      rowCount: result.rows,
      created: result.created,
      updated: result.updated,
      durationMs,
    });
    await audit(tx, {
      networkId,
      actor: scope.actor,
      action: "roster.import",
      targetType: "roster_import",
      targetId: importId,
      data: { filename, encoding, rows: result.rows, created: result.created, updated: result.updated },
    });
    return { ...result, durationMs };
  });
}

/** A page of roster entries matching the operator's search. */
export async function rosterPage(scope: Scope, q: RosterListQuery) {
  const { q: text, status, state, sort, cursor, limit } = q;
  const after = decodeCursor(cursor);
  if (cursor && !after) throw errors.validation([{ path: "cursor", message: "invalid cursor" }]);
  const r = await searchRoster(scope.db, scope.network.id, {
    q: text,
    state: status ?? state,
    sort,
    after,
    limit,
  });
  const last = r.rows.at(-1);
  return {
    items: r.rows.map(presentRosterEntry),
    total: r.total,
    nextCursor: r.more && last ? encodeCursor(last.sortKey, last.id) : null,
  };
}

export async function rosterImports(scope: Scope) {
  return (await listImports(scope.db, scope.network.id)).map(presentImport);
}

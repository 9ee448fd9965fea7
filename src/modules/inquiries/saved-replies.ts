// Saved replies (定型文): texts the operators of a network keep to answer common inquiries fast.
import { randomUUID } from "node:crypto";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { inquirySavedReply } from "../../db/schema/index.ts";
import { byId, inNetwork } from "../../db/scoped.ts";
import { audit } from "../../server/audit.ts";
import { inTransaction, type Scope } from "../../server/scope.ts";
import { errors } from "../../shared/errors.ts";
import type { SavedReplyInput } from "./schemas.ts";

type Row = typeof inquirySavedReply.$inferSelect;

const present = (r: Row) => ({
  id: r.id,
  title: r.title,
  body: r.body,
  updatedAt: r.updatedAt.toISOString(),
});
const notFound = () => errors.notFound({ ja: "定型文", en: "saved reply" });
const titleTaken = () =>
  errors.conflict("SAVED_REPLY_TITLE_TAKEN", {
    ja: "同じ題名の定型文が既にあります。別の題名にしてください。",
    en: "A saved reply with this title already exists. Please choose another title.",
  });

export async function listSavedReplies(scope: Scope) {
  const rows = await scope.db
    .select()
    .from(inquirySavedReply)
    .where(inNetwork(inquirySavedReply, scope.network.id))
    .orderBy(asc(inquirySavedReply.title));
  return rows.map(present);
}

export async function createSavedReply(scope: Scope, input: SavedReplyInput) {
  const networkId = scope.network.id;
  return inTransaction(scope, async ({ db: tx, actor }) => {
    const id = randomUUID();
    const [row] = await tx
      .insert(inquirySavedReply)
      .values({ id, networkId, ...input, createdBy: actor.userId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw titleTaken();
    await audit(tx, {
      networkId,
      actor,
      action: "inquiries.saved_reply.create",
      targetType: "inquiry_saved_reply",
      targetId: id,
      data: { title: input.title },
    });
    return present(row);
  });
}

export async function updateSavedReply(scope: Scope, id: string, input: SavedReplyInput) {
  const networkId = scope.network.id;
  return inTransaction(scope, async ({ db: tx, actor }) => {
    const [exists] = await tx
      .select({ id: inquirySavedReply.id })
      .from(inquirySavedReply)
      .where(byId(inquirySavedReply, networkId, id));
    if (!exists) throw notFound();
    const [taken] = await tx
      .select({ id: inquirySavedReply.id })
      .from(inquirySavedReply)
      .where(
        inNetwork(
          inquirySavedReply,
          networkId,
          and(eq(inquirySavedReply.title, input.title), ne(inquirySavedReply.id, id)),
        ),
      );
    if (taken) throw titleTaken();
    const [row] = await tx
      .update(inquirySavedReply)
      .set({ ...input, updatedAt: sql`now()` })
      .where(byId(inquirySavedReply, networkId, id))
      .returning();
    if (!row) throw notFound();
    await audit(tx, {
      networkId,
      actor,
      action: "inquiries.saved_reply.update",
      targetType: "inquiry_saved_reply",
      targetId: id,
      data: { title: input.title },
    });
    return present(row);
  });
}

export async function deleteSavedReply(scope: Scope, id: string) {
  const networkId = scope.network.id;
  await inTransaction(scope, async ({ db: tx, actor }) => {
    const [row] = await tx
      .delete(inquirySavedReply)
      .where(byId(inquirySavedReply, networkId, id))
      .returning({ title: inquirySavedReply.title });
    if (!row) throw notFound();
    await audit(tx, {
      networkId,
      actor,
      action: "inquiries.saved_reply.delete",
      targetType: "inquiry_saved_reply",
      targetId: id,
      data: { title: row.title },
    });
  });
}

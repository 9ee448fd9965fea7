// The operators' desk (お問い合わせ): inquiries members open, their messages and attachments, the
// event log response times are computed from, and the operators' saved replies.
//
// Tenancy (docs/decisions/0004-tenancy.md): every row carries its network id and references other
// rows of the network by (network_id, id); an inquiry belongs to a member of this very network.
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  foreignKey,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { member, organization, user } from "./auth.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true });
const networkId = () =>
  text("network_id")
    .notNull()
    .references(() => organization.id, { onDelete: "cascade" });

/**
 * `status`: `open` (waiting for the operators), `answered` (the operators replied; waiting for
 * the member, if at all), `closed`. `waiting_since`: when the member began to wait for the
 * operators (set while open, null otherwise). `document_kind` only for document requests.
 */
export const inquiry = pgTable(
  "inquiry",
  {
    id: text("id").primaryKey(),
    networkId: networkId(),
    openedBy: text("opened_by").notNull(),
    category: text("category").notNull(),
    documentKind: text("document_kind"),
    subject: text("subject").notNull(),
    status: text("status").notNull().default("open"),
    assigneeId: text("assignee_id").references(() => user.id, { onDelete: "set null" }),
    waitingSince: ts("waiting_since"),
    lastActivityAt: ts("last_activity_at").notNull().defaultNow(),
    createdAt: ts("created_at").notNull().defaultNow(),
    closedAt: ts("closed_at"),
  },
  (t) => [
    unique("inquiry_network_id_uq").on(t.networkId, t.id),
    index("inquiry_network_activity_idx").on(t.networkId, t.lastActivityAt, t.id),
    index("inquiry_network_opener_idx").on(t.networkId, t.openedBy, t.lastActivityAt),
    // The member who opened it, of this network; their inquiries go with their membership.
    foreignKey({
      name: "inquiry_member_fk",
      columns: [t.networkId, t.openedBy],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
    check("inquiry_status_ck", sql`${t.status} in ('open', 'answered', 'closed')`),
    check("inquiry_category_ck", sql`${t.category} in ('general', 'rehire', 'freelance', 'document')`),
    check(
      "inquiry_document_kind_ck",
      sql`(${t.category} = 'document') = (${t.documentKind} is not null) and (${t.documentKind} is null or ${t.documentKind} in ('separation_certificate', 'withholding_slip', 'pension_insurance'))`,
    ),
  ],
);

/** One message of the thread: the member's (`member`) or an operator's reply (`operator`). */
export const inquiryMessage = pgTable(
  "inquiry_message",
  {
    id: text("id").primaryKey(),
    networkId: networkId(),
    inquiryId: text("inquiry_id").notNull(),
    authorId: text("author_id").references(() => user.id, { onDelete: "set null" }),
    authorRole: text("author_role").notNull(),
    body: text("body").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    unique("inquiry_message_network_id_uq").on(t.networkId, t.id),
    index("inquiry_message_inquiry_idx").on(t.networkId, t.inquiryId, t.createdAt),
    foreignKey({
      name: "inquiry_message_inquiry_fk",
      columns: [t.networkId, t.inquiryId],
      foreignColumns: [inquiry.networkId, inquiry.id],
    }).onDelete("cascade"),
    check("inquiry_message_author_role_ck", sql`${t.authorRole} in ('member', 'operator')`),
  ],
);

/**
 * A file uploaded for a message, kept in the file storage under `storage_key`. Uploaded first
 * (`message_id` null, only its uploader can attach it), then attached when the message is sent.
 */
export const inquiryAttachment = pgTable(
  "inquiry_attachment",
  {
    id: text("id").primaryKey(),
    networkId: networkId(),
    uploadedBy: text("uploaded_by")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    messageId: text("message_id"),
    storageKey: text("storage_key").notNull(),
    fileName: text("file_name").notNull(),
    mime: text("mime").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("inquiry_attachment_message_idx").on(t.networkId, t.messageId),
    index("inquiry_attachment_uploader_idx").on(t.networkId, t.uploadedBy, t.createdAt),
    foreignKey({
      name: "inquiry_attachment_message_fk",
      columns: [t.networkId, t.messageId],
      foreignColumns: [inquiryMessage.networkId, inquiryMessage.id],
    }).onDelete("cascade"),
  ],
);

/**
 * What happened to an inquiry, when and by whom: `opened`, `member_message`, `operator_reply`,
 * `status` (data: from, to), `assigned` (data: assigneeId). Response times are computed from it.
 */
export const inquiryEvent = pgTable(
  "inquiry_event",
  {
    id: text("id").primaryKey(),
    networkId: networkId(),
    inquiryId: text("inquiry_id").notNull(),
    kind: text("kind").notNull(),
    actorId: text("actor_id").references(() => user.id, { onDelete: "set null" }),
    data: jsonb("data").$type<Record<string, unknown>>(),
    at: ts("at").notNull().defaultNow(),
  },
  (t) => [
    index("inquiry_event_inquiry_idx").on(t.networkId, t.inquiryId, t.at),
    index("inquiry_event_network_at_idx").on(t.networkId, t.at),
    foreignKey({
      name: "inquiry_event_inquiry_fk",
      columns: [t.networkId, t.inquiryId],
      foreignColumns: [inquiry.networkId, inquiry.id],
    }).onDelete("cascade"),
    check(
      "inquiry_event_kind_ck",
      sql`${t.kind} in ('opened', 'member_message', 'operator_reply', 'status', 'assigned')`,
    ),
  ],
);

/** The operators' saved replies (定型文), per network. */
export const inquirySavedReply = pgTable(
  "inquiry_saved_reply",
  {
    id: text("id").primaryKey(),
    networkId: networkId(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [unique("inquiry_saved_reply_title_uq").on(t.networkId, t.title)],
);

CREATE TABLE "moderation_case" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"author_id" text NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"auto_hidden_at" timestamp with time zone,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	"resolution" text,
	"resolution_reason" text,
	CONSTRAINT "moderation_case_network_id_uq" UNIQUE("network_id","id"),
	CONSTRAINT "moderation_case_target_ck" CHECK ("moderation_case"."target_type" in ('post', 'comment', 'message')),
	CONSTRAINT "moderation_case_status_ck" CHECK ("moderation_case"."status" in ('open', 'resolved')),
	CONSTRAINT "moderation_case_resolution_ck" CHECK ("moderation_case"."resolution" is null or "moderation_case"."resolution" in ('dismissed', 'hidden', 'restored'))
);
--> statement-breakpoint
CREATE TABLE "report" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"case_id" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"reporter_id" text NOT NULL,
	"round" integer NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_target_ck" CHECK ("report"."target_type" in ('post', 'comment', 'message')),
	CONSTRAINT "report_reason_ck" CHECK ("report"."reason" in ('spam', 'harassment', 'personal_info', 'other'))
);
--> statement-breakpoint
ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_ck";--> statement-breakpoint
ALTER TABLE "notification_pref" DROP CONSTRAINT "notification_pref_kind_ck";--> statement-breakpoint
ALTER TABLE "post_comment" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "network_settings" ADD COLUMN "report_threshold" smallint DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "moderation_case" ADD CONSTRAINT "moderation_case_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_case_fk" FOREIGN KEY ("network_id","case_id") REFERENCES "public"."moderation_case"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_reporter_fk" FOREIGN KEY ("network_id","reporter_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "moderation_case_target_uq" ON "moderation_case" USING btree ("network_id","target_type","target_id");--> statement-breakpoint
CREATE INDEX "moderation_case_queue_idx" ON "moderation_case" USING btree ("network_id","status","last_reported_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE UNIQUE INDEX "report_once_uq" ON "report" USING btree ("network_id","target_type","target_id","reporter_id");--> statement-breakpoint
CREATE INDEX "report_case_idx" ON "report" USING btree ("network_id","case_id","round");--> statement-breakpoint
ALTER TABLE "network_settings" ADD CONSTRAINT "network_settings_report_threshold_ck" CHECK ("network_settings"."report_threshold" between 1 and 50);--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_ck" CHECK ("notification"."kind" in ('reply', 'mention', 'dm', 'inquiry_answered', 'group_request', 'announcement', 'watched_activity', 'moderation'));--> statement-breakpoint
ALTER TABLE "notification_pref" ADD CONSTRAINT "notification_pref_kind_ck" CHECK ("notification_pref"."kind" in ('reply', 'mention', 'dm', 'inquiry_answered', 'group_request', 'announcement', 'watched_activity', 'moderation'));--> statement-breakpoint
-- The reports of direct messages move into the one report table: a case per reported message
-- (open, its author the sender), each report kept with its reporter, note and time. The former
-- reason "inappropriate" has no equal in the new set: it becomes "other", the note says so.
INSERT INTO "moderation_case" ("id", "network_id", "target_type", "target_id", "author_id", "round", "status", "opened_at", "last_reported_at")
SELECT gen_random_uuid()::text, r."network_id", 'message', r."message_id", m."sender_id", 1, 'open', min(r."created_at"), max(r."created_at")
  FROM "message_report" r
  JOIN "direct_message" m ON m."network_id" = r."network_id" AND m."id" = r."message_id"
 GROUP BY r."network_id", r."message_id", m."sender_id";--> statement-breakpoint
INSERT INTO "report" ("id", "network_id", "case_id", "target_type", "target_id", "reporter_id", "round", "reason", "note", "created_at", "updated_at")
SELECT r."id", r."network_id", c."id", 'message', r."message_id", r."reporter_id", 1,
       CASE WHEN r."reason" IN ('spam', 'harassment', 'other') THEN r."reason" ELSE 'other' END,
       CASE WHEN r."reason" IN ('spam', 'harassment', 'other') THEN r."note"
            ELSE '[不適切な内容 / inappropriate]' || coalesce(' ' || r."note", '') END,
       r."created_at", r."created_at"
  FROM "message_report" r
  JOIN "moderation_case" c ON c."network_id" = r."network_id" AND c."target_type" = 'message' AND c."target_id" = r."message_id";--> statement-breakpoint
DROP TABLE "message_report" CASCADE;

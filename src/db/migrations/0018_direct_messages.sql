CREATE TABLE "conversation" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"kind" text NOT NULL,
	"direct_key" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_message_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_network_id_uq" UNIQUE("network_id","id"),
	CONSTRAINT "conversation_kind_ck" CHECK ("conversation"."kind" in ('direct', 'group')),
	CONSTRAINT "conversation_direct_key_ck" CHECK (("conversation"."kind" = 'direct') = ("conversation"."direct_key" is not null))
);
--> statement-breakpoint
CREATE TABLE "conversation_participant" (
	"network_id" text NOT NULL,
	"conversation_id" text NOT NULL,
	"user_id" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_read_message_id" text,
	"last_read_at" timestamp with time zone,
	"muted" boolean DEFAULT false NOT NULL,
	CONSTRAINT "conversation_participant_network_id_conversation_id_user_id_pk" PRIMARY KEY("network_id","conversation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "direct_message" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"conversation_id" text NOT NULL,
	"sender_id" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "direct_message_network_id_uq" UNIQUE("network_id","id")
);
--> statement-breakpoint
CREATE TABLE "member_block" (
	"network_id" text NOT NULL,
	"blocker_id" text NOT NULL,
	"blocked_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_block_network_id_blocker_id_blocked_id_pk" PRIMARY KEY("network_id","blocker_id","blocked_id"),
	CONSTRAINT "member_block_self_ck" CHECK ("member_block"."blocker_id" <> "member_block"."blocked_id")
);
--> statement-breakpoint
CREATE TABLE "message_report" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"message_id" text NOT NULL,
	"reporter_id" text NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_report_reason_ck" CHECK ("message_report"."reason" in ('spam', 'harassment', 'inappropriate', 'other'))
);
--> statement-breakpoint
CREATE TABLE "message_setting" (
	"network_id" text NOT NULL,
	"user_id" text NOT NULL,
	"refuse_strangers" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_setting_network_id_user_id_pk" PRIMARY KEY("network_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "conversation" ADD CONSTRAINT "conversation_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_participant" ADD CONSTRAINT "conversation_participant_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_participant" ADD CONSTRAINT "conversation_participant_conversation_fk" FOREIGN KEY ("network_id","conversation_id") REFERENCES "public"."conversation"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_participant" ADD CONSTRAINT "conversation_participant_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_message" ADD CONSTRAINT "direct_message_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_message" ADD CONSTRAINT "direct_message_conversation_fk" FOREIGN KEY ("network_id","conversation_id") REFERENCES "public"."conversation"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_message" ADD CONSTRAINT "direct_message_sender_fk" FOREIGN KEY ("network_id","sender_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_block" ADD CONSTRAINT "member_block_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_block" ADD CONSTRAINT "member_block_blocker_fk" FOREIGN KEY ("network_id","blocker_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_block" ADD CONSTRAINT "member_block_blocked_fk" FOREIGN KEY ("network_id","blocked_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_report" ADD CONSTRAINT "message_report_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_report" ADD CONSTRAINT "message_report_message_fk" FOREIGN KEY ("network_id","message_id") REFERENCES "public"."direct_message"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_report" ADD CONSTRAINT "message_report_reporter_fk" FOREIGN KEY ("network_id","reporter_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_setting" ADD CONSTRAINT "message_setting_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_setting" ADD CONSTRAINT "message_setting_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "conversation_direct_uq" ON "conversation" USING btree ("network_id","direct_key") WHERE "conversation"."direct_key" is not null;--> statement-breakpoint
CREATE INDEX "conversation_participant_user_idx" ON "conversation_participant" USING btree ("network_id","user_id");--> statement-breakpoint
CREATE INDEX "direct_message_history_idx" ON "direct_message" USING btree ("network_id","conversation_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "member_block_blocked_idx" ON "member_block" USING btree ("network_id","blocked_id");--> statement-breakpoint
CREATE UNIQUE INDEX "message_report_once_uq" ON "message_report" USING btree ("network_id","message_id","reporter_id");--> statement-breakpoint
CREATE INDEX "message_report_list_idx" ON "message_report" USING btree ("network_id","created_at" DESC NULLS LAST);
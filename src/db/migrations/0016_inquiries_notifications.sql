CREATE TABLE "inquiry" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"opened_by" text NOT NULL,
	"category" text NOT NULL,
	"document_kind" text,
	"subject" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"assignee_id" text,
	"waiting_since" timestamp with time zone,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "inquiry_network_id_uq" UNIQUE("network_id","id"),
	CONSTRAINT "inquiry_status_ck" CHECK ("inquiry"."status" in ('open', 'answered', 'closed')),
	CONSTRAINT "inquiry_category_ck" CHECK ("inquiry"."category" in ('general', 'rehire', 'freelance', 'document')),
	CONSTRAINT "inquiry_document_kind_ck" CHECK (("inquiry"."category" = 'document') = ("inquiry"."document_kind" is not null) and ("inquiry"."document_kind" is null or "inquiry"."document_kind" in ('separation_certificate', 'withholding_slip', 'pension_insurance')))
);
--> statement-breakpoint
CREATE TABLE "inquiry_attachment" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"message_id" text,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inquiry_event" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"inquiry_id" text NOT NULL,
	"kind" text NOT NULL,
	"actor_id" text,
	"data" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inquiry_event_kind_ck" CHECK ("inquiry_event"."kind" in ('opened', 'member_message', 'operator_reply', 'status', 'assigned'))
);
--> statement-breakpoint
CREATE TABLE "inquiry_message" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"inquiry_id" text NOT NULL,
	"author_id" text,
	"author_role" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inquiry_message_network_id_uq" UNIQUE("network_id","id"),
	CONSTRAINT "inquiry_message_author_role_ck" CHECK ("inquiry_message"."author_role" in ('member', 'operator'))
);
--> statement-breakpoint
CREATE TABLE "inquiry_saved_reply" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inquiry_saved_reply_title_uq" UNIQUE("network_id","title")
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"actor_id" text,
	"subject" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"mailed_at" timestamp with time zone,
	CONSTRAINT "notification_kind_ck" CHECK ("notification"."kind" in ('reply', 'mention', 'dm', 'inquiry_answered', 'group_request', 'announcement', 'watched_activity'))
);
--> statement-breakpoint
CREATE TABLE "notification_digest" (
	"network_id" text NOT NULL,
	"user_id" text NOT NULL,
	"day" text NOT NULL,
	"count" integer NOT NULL,
	"items" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_digest_network_id_user_id_day_pk" PRIMARY KEY("network_id","user_id","day")
);
--> statement-breakpoint
CREATE TABLE "notification_pref" (
	"network_id" text NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_pref_network_id_user_id_kind_pk" PRIMARY KEY("network_id","user_id","kind"),
	CONSTRAINT "notification_pref_kind_ck" CHECK ("notification_pref"."kind" in ('reply', 'mention', 'dm', 'inquiry_answered', 'group_request', 'announcement', 'watched_activity')),
	CONSTRAINT "notification_pref_channel_ck" CHECK ("notification_pref"."channel" in ('inapp', 'email', 'digest', 'off'))
);
--> statement-breakpoint
CREATE TABLE "notification_setting" (
	"network_id" text NOT NULL,
	"user_id" text NOT NULL,
	"digest_hour" integer DEFAULT 8 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_setting_network_id_user_id_pk" PRIMARY KEY("network_id","user_id"),
	CONSTRAINT "notification_setting_hour_ck" CHECK ("notification_setting"."digest_hour" between 0 and 23)
);
--> statement-breakpoint
CREATE TABLE "notification_watch" (
	"network_id" text NOT NULL,
	"user_id" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"level" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_watch_network_id_user_id_target_type_target_id_pk" PRIMARY KEY("network_id","user_id","target_type","target_id"),
	CONSTRAINT "notification_watch_level_ck" CHECK ("notification_watch"."level" in ('watch', 'mute')),
	CONSTRAINT "notification_watch_target_ck" CHECK ("notification_watch"."target_type" in ('post', 'group'))
);
--> statement-breakpoint
ALTER TABLE "network_settings" ADD COLUMN "business_start" smallint DEFAULT 540 NOT NULL;--> statement-breakpoint
ALTER TABLE "network_settings" ADD COLUMN "business_end" smallint DEFAULT 1080 NOT NULL;--> statement-breakpoint
ALTER TABLE "network_settings" ADD COLUMN "business_days" smallint[] DEFAULT '{1,2,3,4,5}' NOT NULL;--> statement-breakpoint
ALTER TABLE "network_settings" ADD COLUMN "business_time_zone" text DEFAULT 'Asia/Tokyo' NOT NULL;--> statement-breakpoint
ALTER TABLE "network_settings" ADD COLUMN "business_holidays" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "inquiry" ADD CONSTRAINT "inquiry_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry" ADD CONSTRAINT "inquiry_assignee_id_user_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry" ADD CONSTRAINT "inquiry_member_fk" FOREIGN KEY ("network_id","opened_by") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_attachment" ADD CONSTRAINT "inquiry_attachment_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_attachment" ADD CONSTRAINT "inquiry_attachment_uploaded_by_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_attachment" ADD CONSTRAINT "inquiry_attachment_message_fk" FOREIGN KEY ("network_id","message_id") REFERENCES "public"."inquiry_message"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_event" ADD CONSTRAINT "inquiry_event_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_event" ADD CONSTRAINT "inquiry_event_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_event" ADD CONSTRAINT "inquiry_event_inquiry_fk" FOREIGN KEY ("network_id","inquiry_id") REFERENCES "public"."inquiry"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_message" ADD CONSTRAINT "inquiry_message_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_message" ADD CONSTRAINT "inquiry_message_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_message" ADD CONSTRAINT "inquiry_message_inquiry_fk" FOREIGN KEY ("network_id","inquiry_id") REFERENCES "public"."inquiry"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_saved_reply" ADD CONSTRAINT "inquiry_saved_reply_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_saved_reply" ADD CONSTRAINT "inquiry_saved_reply_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_digest" ADD CONSTRAINT "notification_digest_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_pref" ADD CONSTRAINT "notification_pref_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_setting" ADD CONSTRAINT "notification_setting_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_watch" ADD CONSTRAINT "notification_watch_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inquiry_network_activity_idx" ON "inquiry" USING btree ("network_id","last_activity_at","id");--> statement-breakpoint
CREATE INDEX "inquiry_network_opener_idx" ON "inquiry" USING btree ("network_id","opened_by","last_activity_at");--> statement-breakpoint
CREATE INDEX "inquiry_attachment_message_idx" ON "inquiry_attachment" USING btree ("network_id","message_id");--> statement-breakpoint
CREATE INDEX "inquiry_attachment_uploader_idx" ON "inquiry_attachment" USING btree ("network_id","uploaded_by","created_at");--> statement-breakpoint
CREATE INDEX "inquiry_event_inquiry_idx" ON "inquiry_event" USING btree ("network_id","inquiry_id","at");--> statement-breakpoint
CREATE INDEX "inquiry_event_network_at_idx" ON "inquiry_event" USING btree ("network_id","at");--> statement-breakpoint
CREATE INDEX "inquiry_message_inquiry_idx" ON "inquiry_message" USING btree ("network_id","inquiry_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_key_uq" ON "notification" USING btree ("network_id","user_id","key");--> statement-breakpoint
CREATE INDEX "notification_subject_idx" ON "notification" USING btree ("network_id","subject");--> statement-breakpoint
CREATE INDEX "notification_list_idx" ON "notification" USING btree ("network_id","user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notification_unread_idx" ON "notification" USING btree ("network_id","user_id") WHERE "notification"."read_at" is null;--> statement-breakpoint
CREATE INDEX "notification_watch_target_idx" ON "notification_watch" USING btree ("network_id","target_type","target_id");--> statement-breakpoint
ALTER TABLE "network_settings" ADD CONSTRAINT "network_settings_business_hours_ck" CHECK ("network_settings"."business_start" >= 0 and "network_settings"."business_start" < "network_settings"."business_end" and "network_settings"."business_end" <= 1440);
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
ALTER TABLE "notification" ADD CONSTRAINT "notification_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_digest" ADD CONSTRAINT "notification_digest_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_pref" ADD CONSTRAINT "notification_pref_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_setting" ADD CONSTRAINT "notification_setting_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_watch" ADD CONSTRAINT "notification_watch_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notification_key_uq" ON "notification" USING btree ("network_id","user_id","key");--> statement-breakpoint
CREATE INDEX "notification_subject_idx" ON "notification" USING btree ("network_id","subject");--> statement-breakpoint
CREATE INDEX "notification_list_idx" ON "notification" USING btree ("network_id","user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notification_unread_idx" ON "notification" USING btree ("network_id","user_id") WHERE "notification"."read_at" is null;--> statement-breakpoint
CREATE INDEX "notification_watch_target_idx" ON "notification_watch" USING btree ("network_id","target_type","target_id");
CREATE TABLE "calendar_feed" (
	"network_id" text NOT NULL,
	"user_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feed_network_id_user_id_pk" PRIMARY KEY("network_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "event" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"format" text NOT NULL,
	"venue_name" text,
	"venue_address" text,
	"map_url" text,
	"online_url" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"all_day" boolean DEFAULT false NOT NULL,
	"capacity" integer,
	"guests_max" integer DEFAULT 0 NOT NULL,
	"rsvp_opens_at" timestamp with time zone,
	"rsvp_closes_at" timestamp with time zone,
	"audience" text DEFAULT 'network' NOT NULL,
	"segment_id" text,
	"group_id" text,
	"sides" text DEFAULT 'all' NOT NULL,
	"offer_hours" integer,
	"approval" boolean DEFAULT false NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reminders" jsonb DEFAULT '[1440,60]'::jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"sequence" integer DEFAULT 0 NOT NULL,
	"seats_taken" integer DEFAULT 0 NOT NULL,
	"waitlisted" integer DEFAULT 0 NOT NULL,
	"next_seq" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_network_id_uq" UNIQUE("network_id","id"),
	CONSTRAINT "event_format_ck" CHECK ("event"."format" in ('in_person', 'online', 'hybrid')),
	CONSTRAINT "event_audience_ck" CHECK ("event"."audience" in ('network', 'segment', 'group')),
	CONSTRAINT "event_sides_ck" CHECK ("event"."sides" in ('all', 'employees', 'alumni')),
	CONSTRAINT "event_time_ck" CHECK ("event"."ends_at" >= "event"."starts_at"),
	CONSTRAINT "event_capacity_ck" CHECK ("event"."capacity" is null or "event"."capacity" >= 0),
	CONSTRAINT "event_seats_ck" CHECK ("event"."seats_taken" >= 0 and ("event"."capacity" is null or "event"."seats_taken" <= "event"."capacity")),
	CONSTRAINT "event_waitlisted_ck" CHECK ("event"."waitlisted" >= 0)
);
--> statement-breakpoint
CREATE TABLE "event_organizer" (
	"network_id" text NOT NULL,
	"event_id" text NOT NULL,
	"user_id" text NOT NULL,
	"added_by" text,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_organizer_network_id_event_id_user_id_pk" PRIMARY KEY("network_id","event_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "event_rsvp" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"event_id" text NOT NULL,
	"user_id" text,
	"walk_in_name" text,
	"status" text NOT NULL,
	"guests" integer DEFAULT 0 NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"listed" boolean DEFAULT true NOT NULL,
	"seq" integer NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"promoted_at" timestamp with time zone,
	"offer_expires_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"checked_in_by" text,
	CONSTRAINT "event_rsvp_network_id_uq" UNIQUE("network_id","id"),
	CONSTRAINT "event_rsvp_status_ck" CHECK ("event_rsvp"."status" in ('confirmed', 'waitlisted', 'pending', 'cancelled', 'declined', 'walk_in', 'offered')),
	CONSTRAINT "event_rsvp_guests_ck" CHECK ("event_rsvp"."guests" >= 0),
	CONSTRAINT "event_rsvp_who_ck" CHECK ("event_rsvp"."user_id" is not null or "event_rsvp"."walk_in_name" is not null)
);
--> statement-breakpoint
ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_ck";--> statement-breakpoint
ALTER TABLE "notification_pref" DROP CONSTRAINT "notification_pref_kind_ck";--> statement-breakpoint
ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_group_fk" FOREIGN KEY ("network_id","group_id") REFERENCES "public"."network_group"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_organizer" ADD CONSTRAINT "event_organizer_event_fk" FOREIGN KEY ("network_id","event_id") REFERENCES "public"."event"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_organizer" ADD CONSTRAINT "event_organizer_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_rsvp" ADD CONSTRAINT "event_rsvp_event_fk" FOREIGN KEY ("network_id","event_id") REFERENCES "public"."event"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_rsvp" ADD CONSTRAINT "event_rsvp_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feed_token_uq" ON "calendar_feed" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "event_start_idx" ON "event" USING btree ("network_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "event_organizer_user_idx" ON "event_organizer" USING btree ("network_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_rsvp_member_uq" ON "event_rsvp" USING btree ("network_id","event_id","user_id");--> statement-breakpoint
CREATE INDEX "event_rsvp_status_idx" ON "event_rsvp" USING btree ("network_id","event_id","status","seq");--> statement-breakpoint
CREATE INDEX "event_rsvp_user_idx" ON "event_rsvp" USING btree ("network_id","user_id");--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_ck" CHECK ("notification"."kind" in ('reply', 'mention', 'dm', 'inquiry_answered', 'group_request', 'group_join_requested', 'announcement', 'watched_activity', 'moderation', 'event_rsvp', 'event_change', 'event_reminder', 'event_thanks'));--> statement-breakpoint
ALTER TABLE "notification_pref" ADD CONSTRAINT "notification_pref_kind_ck" CHECK ("notification_pref"."kind" in ('reply', 'mention', 'dm', 'inquiry_answered', 'group_request', 'group_join_requested', 'announcement', 'watched_activity', 'moderation', 'event_rsvp', 'event_change', 'event_reminder', 'event_thanks'));
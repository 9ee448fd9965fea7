CREATE TABLE "opportunity" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"type" text NOT NULL,
	"kind" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"close_reason" text,
	"return_reason" text,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"department" text,
	"employment_type" text,
	"location" text,
	"remote" text,
	"hours" text,
	"salary_min" integer,
	"salary_max" integer,
	"salary_note" text,
	"trial_period" text,
	"change_scope_duties" text,
	"change_scope_workplace" text,
	"fixed_term" boolean DEFAULT false NOT NULL,
	"renewal_basis" text,
	"renewal_cap" text,
	"period_start" date,
	"period_end" date,
	"expected_hours" text,
	"fee_min" integer,
	"fee_max" integer,
	"fee_unit" text,
	"termination_terms" text,
	"how_to_apply" text,
	"recruiter_name" text,
	"recruiter_contact" text,
	"closes_at" timestamp with time zone,
	"openings" integer DEFAULT 1 NOT NULL,
	"filled" integer DEFAULT 0 NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"skill_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"audience" text DEFAULT 'network' NOT NULL,
	"segment_id" text,
	"tsv" "tsvector" DEFAULT ''::tsvector NOT NULL,
	"txt" text DEFAULT '' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "opportunity_network_id_uq" UNIQUE("network_id","id"),
	CONSTRAINT "opportunity_type_ck" CHECK ("opportunity"."type" in ('rehire', 'freelance')),
	CONSTRAINT "opportunity_kind_ck" CHECK (("opportunity"."type" = 'freelance' and "opportunity"."kind" in ('task', 'mentoring')) or ("opportunity"."type" = 'rehire' and "opportunity"."kind" is null)),
	CONSTRAINT "opportunity_status_ck" CHECK ("opportunity"."status" in ('draft', 'pending', 'returned', 'open', 'closed')),
	CONSTRAINT "opportunity_audience_ck" CHECK ("opportunity"."audience" in ('network', 'segment', 'invited')),
	CONSTRAINT "opportunity_openings_ck" CHECK ("opportunity"."openings" between 1 and 1000 and "opportunity"."filled" >= 0),
	CONSTRAINT "opportunity_salary_ck" CHECK ("opportunity"."salary_min" is null or "opportunity"."salary_max" is null or "opportunity"."salary_min" <= "opportunity"."salary_max"),
	CONSTRAINT "opportunity_fee_ck" CHECK ("opportunity"."fee_min" is null or "opportunity"."fee_max" is null or "opportunity"."fee_min" <= "opportunity"."fee_max")
);
--> statement-breakpoint
CREATE TABLE "opportunity_application" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"opportunity_id" text NOT NULL,
	"user_id" text NOT NULL,
	"motivation" text NOT NULL,
	"profile" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"file_id" text,
	"stage" text DEFAULT 'applied' NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stage_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_application_network_id_uq" UNIQUE("network_id","id"),
	CONSTRAINT "opportunity_application_stage_ck" CHECK ("opportunity_application"."stage" in ('applied', 'screening', 'interview', 'offered', 'hired', 'contracted', 'declined_by_us', 'declined_by_applicant', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "opportunity_file" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"storage_key" text NOT NULL,
	"application_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_file_network_id_uq" UNIQUE("network_id","id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_invite" (
	"network_id" text NOT NULL,
	"opportunity_id" text NOT NULL,
	"user_id" text NOT NULL,
	"invited_by" text,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_invite_network_id_opportunity_id_user_id_pk" PRIMARY KEY("network_id","opportunity_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_message" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"application_id" text NOT NULL,
	"author_id" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opportunity_note" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"application_id" text NOT NULL,
	"author_id" text NOT NULL,
	"body" text NOT NULL,
	"rating" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_note_rating_ck" CHECK ("opportunity_note"."rating" is null or "opportunity_note"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "opportunity_reviewer" (
	"network_id" text NOT NULL,
	"opportunity_id" text NOT NULL,
	"user_id" text NOT NULL,
	"added_by" text,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_reviewer_network_id_opportunity_id_user_id_pk" PRIMARY KEY("network_id","opportunity_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_revision" (
	"network_id" text NOT NULL,
	"opportunity_id" text NOT NULL,
	"revision" integer NOT NULL,
	"content" jsonb NOT NULL,
	"edited_by" text,
	"edited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_revision_network_id_opportunity_id_revision_pk" PRIMARY KEY("network_id","opportunity_id","revision")
);
--> statement-breakpoint
CREATE TABLE "opportunity_settings" (
	"network_id" text PRIMARY KEY NOT NULL,
	"approval_required" boolean DEFAULT false NOT NULL,
	"reconfirm_days" smallint DEFAULT 14 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_settings_reconfirm_ck" CHECK ("opportunity_settings"."reconfirm_days" between 1 and 90)
);
--> statement-breakpoint
CREATE TABLE "opportunity_stage_change" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"application_id" text NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"reason" text,
	"actor_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_ck";--> statement-breakpoint
ALTER TABLE "notification_pref" DROP CONSTRAINT "notification_pref_kind_ck";--> statement-breakpoint
ALTER TABLE "opportunity" ADD CONSTRAINT "opportunity_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_application" ADD CONSTRAINT "opportunity_application_fk" FOREIGN KEY ("network_id","opportunity_id") REFERENCES "public"."opportunity"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_application" ADD CONSTRAINT "opportunity_application_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_application" ADD CONSTRAINT "opportunity_application_file_fk" FOREIGN KEY ("network_id","file_id") REFERENCES "public"."opportunity_file"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_file" ADD CONSTRAINT "opportunity_file_member_fk" FOREIGN KEY ("network_id","uploaded_by") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_invite" ADD CONSTRAINT "opportunity_invite_fk" FOREIGN KEY ("network_id","opportunity_id") REFERENCES "public"."opportunity"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_invite" ADD CONSTRAINT "opportunity_invite_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_message" ADD CONSTRAINT "opportunity_message_app_fk" FOREIGN KEY ("network_id","application_id") REFERENCES "public"."opportunity_application"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_note" ADD CONSTRAINT "opportunity_note_app_fk" FOREIGN KEY ("network_id","application_id") REFERENCES "public"."opportunity_application"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_reviewer" ADD CONSTRAINT "opportunity_reviewer_fk" FOREIGN KEY ("network_id","opportunity_id") REFERENCES "public"."opportunity"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_reviewer" ADD CONSTRAINT "opportunity_reviewer_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_revision" ADD CONSTRAINT "opportunity_revision_fk" FOREIGN KEY ("network_id","opportunity_id") REFERENCES "public"."opportunity"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_settings" ADD CONSTRAINT "opportunity_settings_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_stage_change" ADD CONSTRAINT "opportunity_stage_change_app_fk" FOREIGN KEY ("network_id","application_id") REFERENCES "public"."opportunity_application"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "opportunity_list_idx" ON "opportunity" USING btree ("network_id","status","published_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opportunity_author_idx" ON "opportunity" USING btree ("network_id","created_by");--> statement-breakpoint
CREATE INDEX "opportunity_tsv_idx" ON "opportunity" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "opportunity_txt_idx" ON "opportunity" USING gin ("txt" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "opportunity_skills_idx" ON "opportunity" USING gin ("skill_keys");--> statement-breakpoint
CREATE UNIQUE INDEX "opportunity_application_live_uq" ON "opportunity_application" USING btree ("network_id","opportunity_id","user_id") WHERE "opportunity_application"."stage" <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "opportunity_application_posting_idx" ON "opportunity_application" USING btree ("network_id","opportunity_id","stage");--> statement-breakpoint
CREATE INDEX "opportunity_application_user_idx" ON "opportunity_application" USING btree ("network_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "opportunity_file_uploader_idx" ON "opportunity_file" USING btree ("network_id","uploaded_by","created_at");--> statement-breakpoint
CREATE INDEX "opportunity_invite_user_idx" ON "opportunity_invite" USING btree ("network_id","user_id");--> statement-breakpoint
CREATE INDEX "opportunity_message_app_idx" ON "opportunity_message" USING btree ("network_id","application_id","created_at");--> statement-breakpoint
CREATE INDEX "opportunity_note_app_idx" ON "opportunity_note" USING btree ("network_id","application_id","created_at");--> statement-breakpoint
CREATE INDEX "opportunity_reviewer_user_idx" ON "opportunity_reviewer" USING btree ("network_id","user_id");--> statement-breakpoint
CREATE INDEX "opportunity_stage_change_app_idx" ON "opportunity_stage_change" USING btree ("network_id","application_id","at");--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_ck" CHECK ("notification"."kind" in ('reply', 'mention', 'dm', 'inquiry_answered', 'group_request', 'group_join_requested', 'announcement', 'watched_activity', 'moderation', 'event_rsvp', 'event_change', 'event_reminder', 'event_thanks', 'opportunity_offer', 'opportunity_application', 'opportunity_review'));--> statement-breakpoint
ALTER TABLE "notification_pref" ADD CONSTRAINT "notification_pref_kind_ck" CHECK ("notification_pref"."kind" in ('reply', 'mention', 'dm', 'inquiry_answered', 'group_request', 'group_join_requested', 'announcement', 'watched_activity', 'moderation', 'event_rsvp', 'event_change', 'event_reminder', 'event_thanks', 'opportunity_offer', 'opportunity_application', 'opportunity_review'));
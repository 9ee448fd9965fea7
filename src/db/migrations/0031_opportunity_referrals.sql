CREATE TABLE "opportunity_referral" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"opportunity_id" text NOT NULL,
	"user_id" text NOT NULL,
	"referrer_id" text NOT NULL,
	"why" text NOT NULL,
	"relationship" text NOT NULL,
	"relationship_note" text,
	"status" text DEFAULT 'asked' NOT NULL,
	"decline_reason" text,
	"application_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"incentive_paid_at" timestamp with time zone,
	"incentive_paid_by" text,
	CONSTRAINT "opportunity_referral_network_id_uq" UNIQUE("network_id","id"),
	CONSTRAINT "opportunity_referral_status_ck" CHECK ("opportunity_referral"."status" in ('asked', 'applied', 'declined', 'withdrawn')),
	CONSTRAINT "opportunity_referral_relationship_ck" CHECK ("opportunity_referral"."relationship" in ('worked_together', 'same_department', 'manager', 'other')),
	CONSTRAINT "opportunity_referral_applied_ck" CHECK (("opportunity_referral"."status" = 'applied') = ("opportunity_referral"."application_id" is not null)),
	CONSTRAINT "opportunity_referral_paid_ck" CHECK (("opportunity_referral"."incentive_paid_at" is null) = ("opportunity_referral"."incentive_paid_by" is null))
);
--> statement-breakpoint
ALTER TABLE "opportunity_settings" ADD COLUMN "referral_bonus_days" smallint DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "opportunity_settings" ADD COLUMN "referral_incentive" text;--> statement-breakpoint
ALTER TABLE "opportunity_referral" ADD CONSTRAINT "opportunity_referral_fk" FOREIGN KEY ("network_id","opportunity_id") REFERENCES "public"."opportunity"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_referral" ADD CONSTRAINT "opportunity_referral_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_referral" ADD CONSTRAINT "opportunity_referral_referrer_fk" FOREIGN KEY ("network_id","referrer_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_referral" ADD CONSTRAINT "opportunity_referral_application_fk" FOREIGN KEY ("network_id","application_id") REFERENCES "public"."opportunity_application"("network_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "opportunity_referral_live_uq" ON "opportunity_referral" USING btree ("network_id","opportunity_id","user_id") WHERE "opportunity_referral"."status" <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "opportunity_referral_referrer_idx" ON "opportunity_referral" USING btree ("network_id","referrer_id","created_at");--> statement-breakpoint
CREATE INDEX "opportunity_referral_user_idx" ON "opportunity_referral" USING btree ("network_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "opportunity_referral_created_idx" ON "opportunity_referral" USING btree ("network_id","created_at");--> statement-breakpoint
ALTER TABLE "opportunity_settings" ADD CONSTRAINT "opportunity_settings_referral_days_ck" CHECK ("opportunity_settings"."referral_bonus_days" between 1 and 365);
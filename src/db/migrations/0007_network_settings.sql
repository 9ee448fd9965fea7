CREATE TABLE "network_settings" (
	"network_id" text PRIMARY KEY NOT NULL,
	"registration_policy" text DEFAULT 'strict' NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_settings_registration_policy_ck" CHECK ("network_settings"."registration_policy" in ('strict', 'lenient'))
);
--> statement-breakpoint
ALTER TABLE "network_settings" ADD CONSTRAINT "network_settings_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_settings" ADD CONSTRAINT "network_settings_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "network_invitation" ADD COLUMN "message" text;--> statement-breakpoint
ALTER TABLE "network_invitation" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "network_settings" ADD COLUMN "invitation_reminder_days" integer DEFAULT 7;--> statement-breakpoint
ALTER TABLE "network_settings" ADD CONSTRAINT "network_settings_invitation_reminder_days_ck" CHECK ("network_settings"."invitation_reminder_days" is null or "network_settings"."invitation_reminder_days" between 1 and 30);
ALTER TABLE "opportunity" ADD COLUMN "department_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "opportunity" ADD COLUMN "job_type" text;
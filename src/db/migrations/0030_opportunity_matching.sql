ALTER TABLE "opportunity" ADD COLUMN "department_key" text;--> statement-breakpoint
ALTER TABLE "opportunity" ADD COLUMN "job_type" text;
-- directory_entry becomes partitioned by audience: each audience's rows get their own statistics
-- (how rare a skill, a place or "open to freelance" is among what members may see) and searches
-- scan one audience only. The rows are copied over; indexes keep their names. The location index
-- now serves byte-wise prefix ranges (collate "C"), whatever the database's collation.
ALTER TABLE "directory_entry" RENAME TO "directory_entry_unpartitioned";--> statement-breakpoint
CREATE TABLE "directory_entry" (
	"network_id" text NOT NULL,
	"audience" text NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"name_sort" text NOT NULL,
	"member_since" timestamp with time zone NOT NULL,
	"join_year" integer,
	"departments" text[] DEFAULT '{}'::text[] NOT NULL,
	"industry" text,
	"job_type" text,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"location" text,
	"open_to" text[] DEFAULT '{}'::text[] NOT NULL,
	"tsv" "tsvector" NOT NULL,
	"txt" text NOT NULL
) PARTITION BY LIST ("audience");--> statement-breakpoint
CREATE TABLE "directory_entry_members" PARTITION OF "directory_entry" FOR VALUES IN ('members');--> statement-breakpoint
CREATE TABLE "directory_entry_operators" PARTITION OF "directory_entry" FOR VALUES IN ('operators');--> statement-breakpoint
INSERT INTO "directory_entry" ("network_id", "audience", "user_id", "role", "name_sort", "member_since", "join_year", "departments", "industry", "job_type", "skills", "location", "open_to", "tsv", "txt")
  SELECT "network_id", "audience", "user_id", "role", "name_sort", "member_since", "join_year", "departments", "industry", "job_type", "skills", "location", "open_to", "tsv", "txt"
    FROM "directory_entry_unpartitioned";--> statement-breakpoint
DROP TABLE "directory_entry_unpartitioned";--> statement-breakpoint
ALTER TABLE "directory_entry" ADD CONSTRAINT "directory_entry_network_id_audience_user_id_pk" PRIMARY KEY("network_id","audience","user_id");--> statement-breakpoint
ALTER TABLE "directory_entry" ADD CONSTRAINT "directory_entry_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_entry" ADD CONSTRAINT "directory_entry_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_entry_name_idx" ON "directory_entry" USING btree ("network_id","audience","name_sort","user_id");--> statement-breakpoint
CREATE INDEX "directory_entry_recent_idx" ON "directory_entry" USING btree ("network_id","audience","member_since" DESC NULLS LAST,"user_id");--> statement-breakpoint
CREATE INDEX "directory_entry_join_idx" ON "directory_entry" USING btree ("network_id","audience","join_year");--> statement-breakpoint
CREATE INDEX "directory_entry_industry_idx" ON "directory_entry" USING btree ("network_id","audience","industry");--> statement-breakpoint
CREATE INDEX "directory_entry_job_idx" ON "directory_entry" USING btree ("network_id","audience","job_type");--> statement-breakpoint
CREATE INDEX "directory_entry_location_idx" ON "directory_entry" USING btree ("network_id","audience","location" collate "C");--> statement-breakpoint
CREATE INDEX "directory_entry_tsv_idx" ON "directory_entry" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "directory_entry_txt_idx" ON "directory_entry" USING gin ("txt" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "directory_entry_skills_idx" ON "directory_entry" USING gin ("skills");--> statement-breakpoint
CREATE INDEX "directory_entry_departments_idx" ON "directory_entry" USING gin ("departments");--> statement-breakpoint
CREATE INDEX "directory_entry_open_to_idx" ON "directory_entry" USING gin ("open_to");--> statement-breakpoint
ANALYZE "directory_entry";

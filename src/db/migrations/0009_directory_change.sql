CREATE TABLE "directory_change" (
	"network_id" text NOT NULL,
	"version" bigint NOT NULL,
	"everything" boolean DEFAULT false NOT NULL,
	"audience" text,
	"user_id" text,
	"join_year" integer,
	"departments" text[],
	"industry" text,
	"job_type" text,
	"skills" text[],
	"location" text,
	"open_to" text[],
	"tsv" "tsvector",
	"txt" text
);
--> statement-breakpoint
ALTER TABLE "directory_change" ADD CONSTRAINT "directory_change_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_change_version_idx" ON "directory_change" USING btree ("network_id","version");
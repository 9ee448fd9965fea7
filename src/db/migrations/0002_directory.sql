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
	"photo_path" text,
	"card" jsonb NOT NULL,
	"tsv" "tsvector" NOT NULL,
	"txt" text NOT NULL,
	CONSTRAINT "directory_entry_network_id_audience_user_id_pk" PRIMARY KEY("network_id","audience","user_id")
);
--> statement-breakpoint
CREATE TABLE "directory_term" (
	"network_id" text NOT NULL,
	"audience" text NOT NULL,
	"field" text NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "directory_term_network_id_audience_field_key_pk" PRIMARY KEY("network_id","audience","field","key")
);
--> statement-breakpoint
CREATE TABLE "segment" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"filter" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "directory_entry" ADD CONSTRAINT "directory_entry_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_entry" ADD CONSTRAINT "directory_entry_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_term" ADD CONSTRAINT "directory_term_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment" ADD CONSTRAINT "segment_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment" ADD CONSTRAINT "segment_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_entry_name_idx" ON "directory_entry" USING btree ("network_id","audience","name_sort","user_id");--> statement-breakpoint
CREATE INDEX "directory_entry_recent_idx" ON "directory_entry" USING btree ("network_id","audience","member_since" DESC NULLS LAST,"user_id");--> statement-breakpoint
CREATE INDEX "directory_entry_join_idx" ON "directory_entry" USING btree ("network_id","audience","join_year");--> statement-breakpoint
CREATE INDEX "directory_entry_industry_idx" ON "directory_entry" USING btree ("network_id","audience","industry");--> statement-breakpoint
CREATE INDEX "directory_entry_job_idx" ON "directory_entry" USING btree ("network_id","audience","job_type");--> statement-breakpoint
CREATE INDEX "directory_entry_location_idx" ON "directory_entry" USING btree ("network_id","audience","location");--> statement-breakpoint
CREATE INDEX "directory_entry_tsv_idx" ON "directory_entry" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "directory_entry_txt_idx" ON "directory_entry" USING gin ("txt" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "directory_entry_skills_idx" ON "directory_entry" USING gin ("skills");--> statement-breakpoint
CREATE INDEX "directory_entry_departments_idx" ON "directory_entry" USING gin ("departments");--> statement-breakpoint
CREATE INDEX "directory_entry_open_to_idx" ON "directory_entry" USING gin ("open_to");--> statement-breakpoint
CREATE INDEX "directory_term_count_idx" ON "directory_term" USING btree ("network_id","audience","field","count" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "segment_network_name_uq" ON "segment" USING btree ("network_id","name");
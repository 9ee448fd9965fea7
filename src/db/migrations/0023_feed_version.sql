CREATE TABLE "feed_change" (
	"network_id" text NOT NULL,
	"version" bigint NOT NULL,
	"post_id" text,
	CONSTRAINT "feed_change_network_id_version_pk" PRIMARY KEY("network_id","version")
);
--> statement-breakpoint
DROP INDEX "post_segment_idx";--> statement-breakpoint
ALTER TABLE "organization" ADD COLUMN "feed_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "feed_change" ADD CONSTRAINT "feed_change_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "post_comment_hidden_author_idx" ON "post_comment" USING btree ("network_id","author_id") WHERE "post_comment"."hidden_at" is not null;--> statement-breakpoint
CREATE INDEX "post_segment_idx" ON "post" USING btree ("network_id","segment_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "post"."audience" = 'segment';
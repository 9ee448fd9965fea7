CREATE TABLE "feed_visit" (
	"network_id" text NOT NULL,
	"user_id" text NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "feed_visit_network_id_user_id_pk" PRIMARY KEY("network_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "post" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"author_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text,
	"body" text NOT NULL,
	"audience" text DEFAULT 'network' NOT NULL,
	"segment_id" text,
	"group_id" text,
	"pinned_at" timestamp with time zone,
	"pinned_by" text,
	"edited_at" timestamp with time zone,
	"hidden_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "post_network_id_uq" UNIQUE("network_id","id"),
	CONSTRAINT "post_kind_ck" CHECK ("post"."kind" in ('announcement', 'question', 'help_wanted', 'news')),
	CONSTRAINT "post_audience_ck" CHECK ("post"."audience" in ('network', 'segment', 'group')),
	CONSTRAINT "post_audience_target_ck" CHECK (("post"."audience" = 'network' and "post"."segment_id" is null and "post"."group_id" is null)
        or ("post"."audience" = 'segment' and "post"."group_id" is null)
        or ("post"."audience" = 'group' and "post"."segment_id" is null and "post"."group_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "post_comment" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"post_id" text NOT NULL,
	"parent_id" text,
	"author_id" text NOT NULL,
	"body" text NOT NULL,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "post_comment_network_id_uq" UNIQUE("network_id","id")
);
--> statement-breakpoint
CREATE TABLE "post_reaction" (
	"network_id" text NOT NULL,
	"post_id" text NOT NULL,
	"user_id" text NOT NULL,
	"reaction" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "post_reaction_network_id_post_id_user_id_reaction_pk" PRIMARY KEY("network_id","post_id","user_id","reaction"),
	CONSTRAINT "post_reaction_ck" CHECK ("post_reaction"."reaction" in ('like', 'thanks', 'celebrate', 'idea', 'support'))
);
--> statement-breakpoint
ALTER TABLE "feed_visit" ADD CONSTRAINT "feed_visit_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post" ADD CONSTRAINT "post_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post" ADD CONSTRAINT "post_author_fk" FOREIGN KEY ("network_id","author_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_comment" ADD CONSTRAINT "post_comment_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_comment" ADD CONSTRAINT "post_comment_post_fk" FOREIGN KEY ("network_id","post_id") REFERENCES "public"."post"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_comment" ADD CONSTRAINT "post_comment_parent_fk" FOREIGN KEY ("network_id","parent_id") REFERENCES "public"."post_comment"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_comment" ADD CONSTRAINT "post_comment_author_fk" FOREIGN KEY ("network_id","author_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_reaction" ADD CONSTRAINT "post_reaction_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_reaction" ADD CONSTRAINT "post_reaction_post_fk" FOREIGN KEY ("network_id","post_id") REFERENCES "public"."post"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_reaction" ADD CONSTRAINT "post_reaction_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "post_feed_idx" ON "post" USING btree ("network_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "post_pinned_idx" ON "post" USING btree ("network_id","pinned_at") WHERE "post"."pinned_at" is not null;--> statement-breakpoint
CREATE INDEX "post_segment_idx" ON "post" USING btree ("network_id","segment_id") WHERE "post"."audience" = 'segment';--> statement-breakpoint
CREATE INDEX "post_author_idx" ON "post" USING btree ("network_id","author_id");--> statement-breakpoint
CREATE INDEX "post_comment_post_idx" ON "post_comment" USING btree ("network_id","post_id","created_at");
CREATE TABLE "group_membership" (
	"network_id" text NOT NULL,
	"group_id" text NOT NULL,
	"user_id" text NOT NULL,
	"status" text NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"requested_at" timestamp with time zone,
	"joined_at" timestamp with time zone,
	"added_by" text,
	CONSTRAINT "group_membership_network_id_group_id_user_id_pk" PRIMARY KEY("network_id","group_id","user_id"),
	CONSTRAINT "group_membership_status_ck" CHECK ("group_membership"."status" in ('active', 'requested')),
	CONSTRAINT "group_membership_role_ck" CHECK ("group_membership"."role" in ('member', 'admin')),
	CONSTRAINT "group_membership_admin_ck" CHECK ("group_membership"."role" = 'member' or "group_membership"."status" = 'active')
);
--> statement-breakpoint
CREATE TABLE "network_group" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "network_group_network_id_uq" UNIQUE("network_id","id"),
	CONSTRAINT "network_group_name_uq" UNIQUE("network_id","name"),
	CONSTRAINT "network_group_kind_ck" CHECK ("network_group"."kind" in ('open', 'closed', 'secret'))
);
--> statement-breakpoint
ALTER TABLE "member" ADD COLUMN "supporter_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "member" ADD COLUMN "supporter_by" text;--> statement-breakpoint
ALTER TABLE "group_membership" ADD CONSTRAINT "group_membership_group_fk" FOREIGN KEY ("network_id","group_id") REFERENCES "public"."network_group"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_membership" ADD CONSTRAINT "group_membership_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_group" ADD CONSTRAINT "network_group_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_membership_user_idx" ON "group_membership" USING btree ("network_id","user_id") WHERE "group_membership"."status" = 'active';--> statement-breakpoint
ALTER TABLE "post" ADD CONSTRAINT "post_group_fk" FOREIGN KEY ("network_id","group_id") REFERENCES "public"."network_group"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "post_group_idx" ON "post" USING btree ("network_id","group_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "post"."audience" = 'group';
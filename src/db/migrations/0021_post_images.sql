CREATE TABLE "post_image" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"post_id" text,
	"position" integer DEFAULT 0 NOT NULL,
	"storage_key" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "post_image" ADD CONSTRAINT "post_image_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_image" ADD CONSTRAINT "post_image_post_fk" FOREIGN KEY ("network_id","post_id") REFERENCES "public"."post"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_image" ADD CONSTRAINT "post_image_uploader_fk" FOREIGN KEY ("network_id","uploaded_by") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "post_image_post_idx" ON "post_image" USING btree ("network_id","post_id","position");--> statement-breakpoint
CREATE INDEX "post_image_uploader_idx" ON "post_image" USING btree ("network_id","uploaded_by","created_at");
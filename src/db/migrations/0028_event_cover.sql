CREATE TABLE "event_image" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"event_id" text,
	"storage_key" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event" ADD COLUMN "cover_image_id" text;--> statement-breakpoint
ALTER TABLE "event_image" ADD CONSTRAINT "event_image_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_image" ADD CONSTRAINT "event_image_event_fk" FOREIGN KEY ("network_id","event_id") REFERENCES "public"."event"("network_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_image_event_uq" ON "event_image" USING btree ("network_id","event_id");--> statement-breakpoint
CREATE INDEX "event_image_uploader_idx" ON "event_image" USING btree ("network_id","uploaded_by","created_at");
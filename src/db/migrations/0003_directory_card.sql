-- Cards move out of the rows that searches scan (narrower rows: fewer pages, no compression).
CREATE TABLE "directory_card" (
	"network_id" text NOT NULL,
	"audience" text NOT NULL,
	"user_id" text NOT NULL,
	"card" jsonb NOT NULL,
	"photo_path" text,
	CONSTRAINT "directory_card_network_id_audience_user_id_pk" PRIMARY KEY("network_id","audience","user_id")
);
--> statement-breakpoint
ALTER TABLE "directory_card" ADD CONSTRAINT "directory_card_network_id_organization_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_card" ADD CONSTRAINT "directory_card_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
INSERT INTO "directory_card" ("network_id", "audience", "user_id", "card", "photo_path")
  SELECT "network_id", "audience", "user_id", "card", "photo_path" FROM "directory_entry";--> statement-breakpoint
ALTER TABLE "directory_entry" DROP COLUMN "photo_path";--> statement-breakpoint
ALTER TABLE "directory_entry" DROP COLUMN "card";
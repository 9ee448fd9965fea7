ALTER TABLE "directory_entry" ADD COLUMN "offer_rehire" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "directory_entry" ADD COLUMN "offer_freelance" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- The rows as they are: their members' consent to offers (the directory's sync keeps it from now on).
UPDATE "directory_entry" e SET "offer_rehire" = c."rehire", "offer_freelance" = c."freelance"
  FROM "member_consent" c
 WHERE c."network_id" = e."network_id" AND c."user_id" = e."user_id" AND (c."rehire" OR c."freelance");

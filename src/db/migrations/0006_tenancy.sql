-- Tenancy the database enforces (docs/decisions/0004-tenancy.md): a row of one network can only
-- reference rows of the same network. References between tenant rows become composite foreign keys
-- that carry the network id; optional ones are cleared with ON DELETE SET NULL (column), which
-- keeps the NOT NULL network id (PostgreSQL 15+; drizzle's snapshot records them as "set null").
--
-- Rows that break the new rules cannot be reached the right way by the application and may leak
-- across networks, so they are cleared first: references to another network's (or a missing)
-- roster row are set to null, and profiles, directory rows and survey answers of people who are no
-- members of the network are deleted.
UPDATE "member" SET "roster_entry_id" = NULL
  WHERE "roster_entry_id" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "roster_entry" r WHERE r."network_id" = "member"."organization_id" AND r."id" = "member"."roster_entry_id");--> statement-breakpoint
UPDATE "network_invitation" SET "roster_entry_id" = NULL
  WHERE "roster_entry_id" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "roster_entry" r WHERE r."network_id" = "network_invitation"."network_id" AND r."id" = "network_invitation"."roster_entry_id");--> statement-breakpoint
UPDATE "registration" SET "matched_roster_entry_id" = NULL
  WHERE "matched_roster_entry_id" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "roster_entry" r WHERE r."network_id" = "registration"."network_id" AND r."id" = "registration"."matched_roster_entry_id");--> statement-breakpoint
DELETE FROM "profile" p WHERE NOT EXISTS (
  SELECT 1 FROM "member" m WHERE m."organization_id" = p."network_id" AND m."user_id" = p."user_id");--> statement-breakpoint
DELETE FROM "welcome_survey_response" w WHERE NOT EXISTS (
  SELECT 1 FROM "member" m WHERE m."organization_id" = w."network_id" AND m."user_id" = w."user_id");--> statement-breakpoint
DELETE FROM "directory_entry" e WHERE NOT EXISTS (
  SELECT 1 FROM "member" m WHERE m."organization_id" = e."network_id" AND m."user_id" = e."user_id");--> statement-breakpoint
DELETE FROM "directory_card" c WHERE NOT EXISTS (
  SELECT 1 FROM "directory_entry" e
    WHERE e."network_id" = c."network_id" AND e."audience" = c."audience" AND e."user_id" = c."user_id");--> statement-breakpoint
ALTER TABLE "network_invitation" DROP CONSTRAINT "network_invitation_roster_entry_id_roster_entry_id_fk";--> statement-breakpoint
ALTER TABLE "registration" DROP CONSTRAINT "registration_matched_roster_entry_id_roster_entry_id_fk";--> statement-breakpoint
ALTER TABLE "roster_entry" ADD CONSTRAINT "roster_entry_network_id_uq" UNIQUE("network_id","id");--> statement-breakpoint
ALTER TABLE "member" ADD CONSTRAINT "member_roster_entry_fk" FOREIGN KEY ("organization_id","roster_entry_id") REFERENCES "public"."roster_entry"("network_id","id") ON DELETE SET NULL ("roster_entry_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_invitation" ADD CONSTRAINT "network_invitation_roster_entry_fk" FOREIGN KEY ("network_id","roster_entry_id") REFERENCES "public"."roster_entry"("network_id","id") ON DELETE SET NULL ("roster_entry_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration" ADD CONSTRAINT "registration_matched_roster_entry_fk" FOREIGN KEY ("network_id","matched_roster_entry_id") REFERENCES "public"."roster_entry"("network_id","id") ON DELETE SET NULL ("matched_roster_entry_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile" ADD CONSTRAINT "profile_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welcome_survey_response" ADD CONSTRAINT "welcome_survey_response_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_entry" ADD CONSTRAINT "directory_entry_member_fk" FOREIGN KEY ("network_id","user_id") REFERENCES "public"."member"("organization_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_card" ADD CONSTRAINT "directory_card_entry_fk" FOREIGN KEY ("network_id","audience","user_id") REFERENCES "public"."directory_entry"("network_id","audience","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Indexes on the referencing columns: deleting a network (or a member) finds the referencing rows
-- through them instead of scanning the table once per deleted row.
CREATE INDEX "member_roster_entry_idx" ON "member" USING btree ("organization_id","roster_entry_id") WHERE "member"."roster_entry_id" is not null;--> statement-breakpoint
CREATE INDEX "network_invitation_roster_entry_idx" ON "network_invitation" USING btree ("network_id","roster_entry_id") WHERE "network_invitation"."roster_entry_id" is not null;--> statement-breakpoint
CREATE INDEX "registration_matched_roster_entry_idx" ON "registration" USING btree ("network_id","matched_roster_entry_id") WHERE "registration"."matched_roster_entry_id" is not null;--> statement-breakpoint
CREATE INDEX "directory_entry_member_idx" ON "directory_entry" USING btree ("network_id","user_id");

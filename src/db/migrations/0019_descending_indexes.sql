DROP INDEX "post_feed_idx";--> statement-breakpoint
DROP INDEX "direct_message_history_idx";--> statement-breakpoint
DROP INDEX "notification_list_idx";--> statement-breakpoint
CREATE INDEX "post_feed_idx" ON "post" USING btree ("network_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "direct_message_history_idx" ON "direct_message" USING btree ("network_id","conversation_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "notification_list_idx" ON "notification" USING btree ("network_id","user_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);
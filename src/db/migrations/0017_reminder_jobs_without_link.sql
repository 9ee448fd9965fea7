-- Invitation reminders waiting in the job queue (pg-boss, schema "pgboss") carried the invitation
-- link, a secret otherwise kept only as a hash. The reminder now mints its own link and its job
-- holds none (src/modules/invitations/reminders.ts): the links are taken out of the jobs queued
-- before. (On a new installation the queue's tables do not exist yet.)
DO $$
BEGIN
  IF to_regclass('pgboss.job') IS NOT NULL THEN
    UPDATE pgboss.job SET data = data - 'url' WHERE name = 'invitation.remind' AND data ? 'url';
  END IF;
  IF to_regclass('pgboss.archive') IS NOT NULL THEN
    UPDATE pgboss.archive SET data = data - 'url' WHERE name = 'invitation.remind' AND data ? 'url';
  END IF;
END $$;

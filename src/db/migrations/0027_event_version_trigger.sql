-- A network's events version (event_version) is raised when a transaction that changed an event,
-- an RSVP or a co-organizer commits: constraint triggers deferred to the commit, so the version row
-- is locked only then, after every other lock the transaction takes (no lock-order cycle with the
-- event rows an RSVP locks), and every write path counts, cascades included. A network being
-- deleted (its events cascading away) has no version row to raise.
CREATE FUNCTION event_version_raise() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  nid text := CASE WHEN TG_OP = 'DELETE' THEN OLD.network_id ELSE NEW.network_id END;
BEGIN
  INSERT INTO event_version (network_id, version)
    SELECT nid, 1 WHERE EXISTS (SELECT 1 FROM organization WHERE id = nid)
  ON CONFLICT (network_id) DO UPDATE SET version = event_version.version + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER event_version_event AFTER INSERT OR UPDATE OR DELETE ON event
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION event_version_raise();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER event_version_rsvp AFTER INSERT OR UPDATE OR DELETE ON event_rsvp
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION event_version_raise();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER event_version_organizer AFTER INSERT OR UPDATE OR DELETE ON event_organizer
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION event_version_raise();
--> statement-breakpoint
-- A group's name is on its events' cards.
CREATE CONSTRAINT TRIGGER event_version_group AFTER UPDATE OF name ON network_group
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION event_version_raise();

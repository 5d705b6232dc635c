-- Hand-written: invariants drizzle-kit cannot express.

-- Used by the booking issue's exclusion constraint (tstzrange per clinician).
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint

-- Audit events are append-only: no one rewrites or removes history.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint

-- A client is in at most one couple. The unique indexes cover each column;
-- this covers a client appearing as A in one couple and B in another.
-- The transaction-scoped lock serialises couple writes so two concurrent
-- inserts cannot both pass the check.
CREATE FUNCTION couples_one_per_client() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('couples_one_per_client'));
  IF EXISTS (
    SELECT 1 FROM couples c
    WHERE c.id <> NEW.id
      AND (c.client_a_id IN (NEW.client_a_id, NEW.client_b_id)
        OR c.client_b_id IN (NEW.client_a_id, NEW.client_b_id))
  ) THEN
    RAISE EXCEPTION 'client already belongs to a couple'
      USING ERRCODE = 'unique_violation', CONSTRAINT = 'couples_one_per_client';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER couples_one_per_client BEFORE INSERT OR UPDATE ON couples
  FOR EACH ROW EXECUTE FUNCTION couples_one_per_client();

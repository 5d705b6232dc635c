-- Hand-written: a published form version never changes. Editing a form
-- publishes a new version, so what a client answered always reads back
-- against the questions they saw.
CREATE FUNCTION form_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'form versions are immutable; publish a new version instead' USING ERRCODE = 'check_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER form_versions_no_update BEFORE UPDATE ON form_versions
  FOR EACH ROW EXECUTE FUNCTION form_versions_immutable();
--> statement-breakpoint
-- A response is answered on its assignment's version: an assignment may move
-- to a newer version only while nobody has started it, and a response row
-- must carry the assignment's version.
CREATE FUNCTION form_responses_version_matches() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM form_assignments a WHERE a.id = NEW.assignment_id AND a.version_id = NEW.version_id) THEN
    RAISE EXCEPTION 'a response must answer its assignment''s version' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.version_id <> OLD.version_id THEN
    RAISE EXCEPTION 'a response keeps the version it answered' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status = 'submitted' THEN
    RAISE EXCEPTION 'a submitted response cannot be changed' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER form_responses_version_check BEFORE INSERT OR UPDATE ON form_responses
  FOR EACH ROW EXECUTE FUNCTION form_responses_version_matches();
--> statement-breakpoint
CREATE FUNCTION form_assignments_version_pinned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.version_id <> OLD.version_id AND EXISTS (SELECT 1 FROM form_responses r WHERE r.assignment_id = OLD.id) THEN
    RAISE EXCEPTION 'an assignment with answers keeps its version' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER form_assignments_version_check BEFORE UPDATE ON form_assignments
  FOR EACH ROW EXECUTE FUNCTION form_assignments_version_pinned();

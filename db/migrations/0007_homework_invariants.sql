-- Hand-written: homework invariants that span tables (drizzle cannot express them).
-- Each raises check_violation (23514) under a named constraint, so the domain
-- can turn a tampered request into a clear error.

-- A program item's exercise is the shared library's or the program's own
-- practice's; a library program uses library exercises only.
CREATE FUNCTION program_items_exercise_visible() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  program_practice uuid;
  exercise_practice uuid;
BEGIN
  SELECT practice_id INTO program_practice FROM programs WHERE id = NEW.program_id;
  SELECT practice_id INTO exercise_practice FROM exercises WHERE id = NEW.exercise_id;
  IF exercise_practice IS NOT NULL AND exercise_practice IS DISTINCT FROM program_practice THEN
    RAISE EXCEPTION 'exercise belongs to another practice'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'program_items_exercise_visible';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER program_items_exercise_visible BEFORE INSERT OR UPDATE ON program_items
  FOR EACH ROW EXECUTE FUNCTION program_items_exercise_visible();
--> statement-breakpoint

-- An assignment's couple, exercise and program belong to its practice (or,
-- for exercises and programs, to the shared library).
CREATE FUNCTION homework_assignments_scope() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.couple_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM couples WHERE id = NEW.couple_id AND practice_id = NEW.practice_id
  ) THEN
    RAISE EXCEPTION 'couple belongs to another practice'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'homework_assignments_couple_scope';
  END IF;
  IF NEW.exercise_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM exercises WHERE id = NEW.exercise_id AND (practice_id IS NULL OR practice_id = NEW.practice_id)
  ) THEN
    RAISE EXCEPTION 'exercise belongs to another practice'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'homework_assignments_exercise_scope';
  END IF;
  IF NEW.program_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM programs WHERE id = NEW.program_id AND (practice_id IS NULL OR practice_id = NEW.practice_id)
  ) THEN
    RAISE EXCEPTION 'program belongs to another practice'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'homework_assignments_program_scope';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER homework_assignments_scope BEFORE INSERT OR UPDATE ON homework_assignments
  FOR EACH ROW EXECUTE FUNCTION homework_assignments_scope();
--> statement-breakpoint

-- A check-in is by the assignment's client or one of its couple's partners,
-- on an exercise of that assignment; only a couple's check-in can be shared
-- with a partner.
CREATE FUNCTION homework_check_ins_scope() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  a homework_assignments%ROWTYPE;
BEGIN
  SELECT * INTO a FROM homework_assignments WHERE id = NEW.assignment_id;
  IF a.client_id IS NOT NULL THEN
    IF NEW.client_id <> a.client_id THEN
      RAISE EXCEPTION 'check-in by someone other than the assignment''s client'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'homework_check_ins_client_scope';
    END IF;
    IF NEW.shared_with_partner THEN
      RAISE EXCEPTION 'an individual assignment''s reflection cannot be shared'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'homework_check_ins_share_scope';
    END IF;
  ELSIF NOT EXISTS (
    SELECT 1 FROM couples c WHERE c.id = a.couple_id AND NEW.client_id IN (c.client_a_id, c.client_b_id)
  ) THEN
    RAISE EXCEPTION 'check-in by someone outside the couple'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'homework_check_ins_client_scope';
  END IF;
  IF NOT (
    NEW.exercise_id IS NOT DISTINCT FROM a.exercise_id
    OR EXISTS (SELECT 1 FROM program_items pi WHERE pi.program_id = a.program_id AND pi.exercise_id = NEW.exercise_id)
  ) THEN
    RAISE EXCEPTION 'exercise is not part of the assignment'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'homework_check_ins_exercise_scope';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER homework_check_ins_scope BEFORE INSERT OR UPDATE ON homework_check_ins
  FOR EACH ROW EXECUTE FUNCTION homework_check_ins_scope();

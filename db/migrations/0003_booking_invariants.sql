-- Hand-written: two live appointments or holds can never overlap for one
-- clinician, buffers included. Cancelled, late-cancelled and expired ones
-- free their time. A lost race fails here with SQLSTATE 23P01.
ALTER TABLE appointments ADD CONSTRAINT appointments_no_overlap
  EXCLUDE USING gist (member_id WITH =, tstzrange(blocked_from, blocked_to, '[)') WITH &&)
  WHERE (status IN ('held', 'pending_payment', 'confirmed', 'completed', 'no_show'));

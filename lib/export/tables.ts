/**
 * What each export takes from each table (decision 0030, docs/export.md).
 *
 * One list for both exports, so that a table added later has one place to be
 * named, and tests/integration/export-coverage.test.ts reads the database
 * catalog and fails while a table with a `practice_id` or `client_id` column
 * (or any table at all) is neither here nor in NOT_EXPORTED.
 *
 * The SQL below is fixed text (no user input ever reaches it): `$1` is the
 * practice id, `$2` the client id, `t` the table's alias. Every clause is
 * scoped to the practice, including the client ones.
 */

export interface ExportTable {
  /** The table's SQL name; also the file name in the ZIP (`tables/<name>.csv|json`). */
  name: string;
  /** Which rows belong to the practice ($1). Default `t.practice_id = $1`. */
  practiceWhere?: string;
  /**
   * Which rows belong to one client's record ($1 practice, $2 client), or null
   * when the table is no part of a client's record (`clientWhy` says why).
   */
  clientWhere: string | null;
  clientWhy?: string;
  /** Columns left out of both exports, and why (secrets, message bodies with sign-in links). */
  omit?: readonly string[];
  /** Columns left out of a client's export only. */
  clientOmit?: readonly string[];
  /** Row order, so two exports of the same data are the same files. */
  orderBy: string;
}

/** The client's own appointments (as an attendee), inside the practice. */
const CLIENT_APPOINTMENTS = `select a.appointment_id from appointment_attendees a where a.practice_id = $1 and a.client_id = $2`;
/** The couple the client is part of, if any. */
const CLIENT_COUPLE = `select c.id from couples c where c.practice_id = $1 and (c.client_a_id = $2 or c.client_b_id = $2)`;
/** The client's homework: their own, and their couple's (shared by both partners). */
const CLIENT_HOMEWORK = `select h.id from homework_assignments h where h.practice_id = $1 and (h.client_id = $2 or h.couple_id in (${CLIENT_COUPLE}))`;
const CLIENT_FORM_VERSIONS = `select f.version_id from form_assignments f where f.practice_id = $1 and f.client_id = $2`;
/** The group events the client (either partner of a couple) signed up or waited for. */
const CLIENT_EVENTS = `select r.event_id from event_registrations r where r.practice_id = $1 and (r.client_id = $2 or r.partner_client_id = $2) union select w.event_id from event_waitlist w where w.practice_id = $1 and (w.client_id = $2 or w.partner_client_id = $2)`;
const CLIENT_PURCHASES = `select p.id from package_purchases p where p.practice_id = $1 and p.client_id = $2`;
const CLIENT_PAYMENTS = `select p.id from payments p where p.practice_id = $1 and p.client_id = $2`;
const CLIENT_PROGRAMS = `select h.program_id from homework_assignments h where h.id in (${CLIENT_HOMEWORK}) and h.program_id is not null`;
/** The documents shared with the client alone or with their couple. */
const CLIENT_SHARES = `select s.id from document_shares s where s.practice_id = $1 and (s.client_id = $2 or s.couple_id in (${CLIENT_COUPLE}))`;
/** The client's threads: their own and their couple's shared one, never a partner's own (decision 0046). */
const CLIENT_THREADS = `select th.id from threads th where th.practice_id = $1 and (th.client_id = $2 or th.client_a_id = $2 or th.client_b_id = $2)`;
/**
 * Session notes in the exports (decision 0052): progress notes only. Psychotherapy notes are the
 * author's private process notes, kept apart from the record, so neither export ever takes them
 * (nor their addenda). A client's record takes the client's own progress notes; a couple's joint
 * note is in the practice export only, since neither partner ever sees it.
 */
const PRACTICE_NOTES = `select n.id from session_notes n where n.practice_id = $1 and n.kind = 'progress'`;
const CLIENT_NOTES = `select n.id from session_notes n where n.practice_id = $1 and n.kind = 'progress' and n.client_id = $2 and n.partner_client_id is null`;
const PRACTICE_PROGRAMS = `select p.id from programs p where p.practice_id = $1 or p.id in (select h.program_id from homework_assignments h where h.practice_id = $1)`;

export const EXPORT_TABLES: readonly ExportTable[] = [
  { name: "practices", practiceWhere: "t.id = $1", clientWhere: "t.id = $1", orderBy: "t.id" },
  {
    name: "practice_setup_steps",
    clientWhere: null,
    clientWhy: "the practice's own setup progress holds nothing of any client",
    orderBy: "t.step",
  },
  {
    name: "practice_brands",
    clientWhere: null,
    clientWhy: "the practice's name, colour and logo as clients see them hold nothing of any client",
    orderBy: "t.practice_id",
  },
  {
    // Rows only: bytes of the former PostgreSQL backend as \x hex text; every object's bytes are also under files/.
    name: "stored_objects",
    clientWhere: null,
    clientWhy: "the practice's own files (its logo) hold nothing of any client",
    orderBy: "t.key",
  },
  { name: "locations", clientWhere: `t.practice_id = $1 and t.id in (select x.location_id from appointments x where x.id in (${CLIENT_APPOINTMENTS}))`, orderBy: "t.id" },
  {
    name: "members",
    clientWhere: `t.practice_id = $1 and t.id in (select x.member_id from appointments x where x.id in (${CLIENT_APPOINTMENTS}))`,
    // A client's record names their clinicians; how the team signs in and meets is the practice's.
    // Whether a clinician is supervised, and by whom (decisions 0052, 0058), is the team's, too.
    clientOmit: ["user_id", "time_zone", "video_url", "invited_at", "joined_at", "supervised", "supervisor_member_id"],
    orderBy: "t.id",
  },
  {
    // The people who sign in: members and portal clients of this practice. Names and addresses only.
    name: "users",
    practiceWhere: "t.id in (select m.user_id from members m where m.practice_id = $1 union select c.user_id from clients c where c.practice_id = $1)",
    clientWhere: "t.id = (select c.user_id from clients c where c.practice_id = $1 and c.id = $2)",
    omit: ["image"],
    orderBy: "t.id",
  },
  { name: "clients", clientWhere: "t.practice_id = $1 and t.id = $2", orderBy: "t.id" },
  // The couple row names both partners' ids: shared by the two of them.
  { name: "couples", clientWhere: "t.practice_id = $1 and (t.client_a_id = $2 or t.client_b_id = $2)", orderBy: "t.id" },
  { name: "client_email_changes", clientWhere: "t.practice_id = $1 and t.client_id = $2", orderBy: "t.created_at, t.id" },

  // Booking
  { name: "services", clientWhere: `t.practice_id = $1 and t.id in (select x.service_id from appointments x where x.id in (${CLIENT_APPOINTMENTS}))`, orderBy: "t.id" },
  { name: "service_clinicians", clientWhere: null, clientWhy: "who offers which service: the practice's set-up", orderBy: "t.service_id, t.member_id" },
  { name: "availability_rules", clientWhere: null, clientWhy: "clinicians' hours", orderBy: "t.id" },
  { name: "availability_overrides", clientWhere: null, clientWhy: "clinicians' date changes", orderBy: "t.id" },
  { name: "closures", clientWhere: null, clientWhy: "the practice's closed days", orderBy: "t.id" },
  { name: "appointments", clientWhere: `t.practice_id = $1 and t.id in (${CLIENT_APPOINTMENTS})`, orderBy: "t.starts_at, t.id" },
  // Only the client's own attendance: the partner's row (when they proved their address) is theirs.
  { name: "appointment_attendees", clientWhere: "t.practice_id = $1 and t.client_id = $2", orderBy: "t.appointment_id, t.id" },
  {
    name: "appointment_events",
    clientWhere: null,
    clientWhy: "the outbox of emails and effects after each booking change: delivery bookkeeping",
    orderBy: "t.created_at, t.id",
  },
  // Recurring series (decision 0054): those the client or their partner is booked in.
  { name: "appointment_series", clientWhere: "t.practice_id = $1 and (t.client_id = $2 or t.partner_client_id = $2)", orderBy: "t.created_at, t.id" },
  // Group events (decision 0055): those the client (or, for a couple, either partner) signed up or waited for.
  { name: "group_events", clientWhere: `t.practice_id = $1 and t.id in (${CLIENT_EVENTS})`, clientOmit: ["join_url"], orderBy: "t.created_at, t.id" },
  { name: "event_sessions", clientWhere: `t.practice_id = $1 and t.event_id in (${CLIENT_EVENTS})`, orderBy: "t.event_id, t.starts_at, t.id" },
  { name: "event_hosts", clientWhere: null, clientWhy: "which members host an event: the practice's set-up", orderBy: "t.event_id, t.member_id" },
  { name: "event_registrations", clientWhere: "t.practice_id = $1 and (t.client_id = $2 or t.partner_client_id = $2)", orderBy: "t.created_at, t.id" },
  { name: "event_waitlist", clientWhere: "t.practice_id = $1 and (t.client_id = $2 or t.partner_client_id = $2)", orderBy: "t.position" },
  { name: "event_attendance", clientWhere: "t.practice_id = $1 and t.registration_id in (select r.id from event_registrations r where r.practice_id = $1 and (r.client_id = $2 or r.partner_client_id = $2))", orderBy: "t.registration_id, t.session_id" },
  // The event emails queued for the client (kind and times; the links they carry are left out).
  { name: "event_notices", clientWhere: "t.practice_id = $1 and t.client_id = $2", omit: ["data"], orderBy: "t.created_at, t.key" },
  // The session waitlist (decision 0057): the client's places (their own and their couple's) and the offers made to them.
  { name: "waitlist_settings", clientWhere: null, clientWhy: "the practice's waitlist mode and hold time: its set-up", orderBy: "t.practice_id" },
  { name: "waitlist_entries", clientWhere: "t.practice_id = $1 and (t.client_id = $2 or t.partner_client_id = $2)", orderBy: "t.created_at, t.id" },
  { name: "waitlist_offers", clientWhere: "t.practice_id = $1 and t.entry_id in (select w.id from waitlist_entries w where w.practice_id = $1 and (w.client_id = $2 or w.partner_client_id = $2))", orderBy: "t.created_at, t.id" },
  { name: "waitlist_openings", clientWhere: null, clientWhy: "times that freed up, the waitlist job's queue: bookkeeping about clinicians' time", orderBy: "t.created_at, t.id" },
  { name: "hold_claims", clientWhere: null, clientWhy: "which IP held a time on the public booking page (anti-abuse, deleted after the hold)", orderBy: "t.appointment_id" },

  // Intake
  { name: "form_templates", clientWhere: "t.practice_id = $1 and t.id in (select f.template_id from form_assignments f where f.practice_id = $1 and f.client_id = $2)", orderBy: "t.id" },
  // The versions the client's forms were answered on: each answer with its form version.
  { name: "form_versions", clientWhere: `t.practice_id = $1 and t.id in (${CLIENT_FORM_VERSIONS})`, orderBy: "t.template_id, t.version" },
  { name: "service_forms", clientWhere: null, clientWhy: "which services require which forms: the practice's set-up", orderBy: "t.service_id, t.position, t.template_id" },
  { name: "form_assignments", clientWhere: "t.practice_id = $1 and t.client_id = $2", orderBy: "t.sent_at, t.id" },
  // Only the client's own answers, never their partner's.
  { name: "form_responses", clientWhere: "t.practice_id = $1 and t.client_id = $2", orderBy: "t.created_at, t.id" },
  // A flag and its acknowledgement note are part of the client's record (decision 0031).
  { name: "safety_flags", clientWhere: "t.practice_id = $1 and t.client_id = $2", orderBy: "t.raised_at, t.id" },
  {
    name: "safety_flag_notifications",
    clientWhere: null,
    clientWhy: "which staff members were emailed about a flag is the practice's workflow, not the client's record",
    orderBy: "t.flag_id, t.member_id",
  },
  // Staff notices (decision 0037): ids and times only, what each says is read from its subject.
  {
    name: "staff_notifications",
    // Which staff member was told of what about the client, and when (ids and times only).
    clientWhere: "t.practice_id = $1 and t.client_id = $2",
    orderBy: "t.created_at, t.id",
  },
  { name: "notification_preferences", clientWhere: null, clientWhy: "each staff member's notification settings", orderBy: "t.member_id, t.kind" },

  // Homework
  {
    name: "exercises",
    // The practice's own, and the shared library's exercises its homework uses.
    practiceWhere: "t.practice_id = $1 or t.id in (select h.exercise_id from homework_assignments h where h.practice_id = $1) or t.id in (select i.exercise_id from program_items i where i.program_id in (" + PRACTICE_PROGRAMS + "))",
    clientWhere: `t.id in (select h.exercise_id from homework_assignments h where h.id in (${CLIENT_HOMEWORK})) or t.id in (select i.exercise_id from program_items i where i.program_id in (${CLIENT_PROGRAMS}))`,
    // Notes for clinicians about the exercise, not about the client.
    clientOmit: ["clinician_notes"],
    orderBy: "t.id",
  },
  { name: "programs", practiceWhere: "t.practice_id = $1 or t.id in (select h.program_id from homework_assignments h where h.practice_id = $1)", clientWhere: `t.id in (${CLIENT_PROGRAMS})`, orderBy: "t.id" },
  { name: "program_items", practiceWhere: `t.program_id in (${PRACTICE_PROGRAMS})`, clientWhere: `t.program_id in (${CLIENT_PROGRAMS})`, orderBy: "t.program_id, t.position" },
  { name: "homework_assignments", clientWhere: `t.id in (${CLIENT_HOMEWORK})`, orderBy: "t.created_at, t.id" },
  // Only the client's own check-ins: a partner's reflections are theirs, shared or not.
  { name: "homework_check_ins", clientWhere: "t.practice_id = $1 and t.client_id = $2", orderBy: "t.date, t.id" },
  { name: "homework_preferences", clientWhere: "t.practice_id = $1 and t.client_id = $2", orderBy: "t.client_id" },
  // Home-exercise sheets sent to the client, and which of their homework each carries.
  { name: "homework_sheets", clientWhere: "t.practice_id = $1 and t.client_id = $2", orderBy: "t.created_at, t.id" },
  {
    name: "homework_sheet_items",
    clientWhere: "t.sheet_id in (select s.id from homework_sheets s where s.practice_id = $1 and s.client_id = $2)",
    orderBy: "t.sheet_id, t.position",
  },

  // Shared documents (decision 0047)
  { name: "documents", clientWhere: `t.practice_id = $1 and t.id in (select s.document_id from document_shares s where s.id in (${CLIENT_SHARES}))`, orderBy: "t.created_at, t.id" },
  { name: "document_shares", clientWhere: `t.practice_id = $1 and t.id in (${CLIENT_SHARES})`, orderBy: "t.shared_at, t.id" },
  // Only the client's own signatures: a partner's IP and browser are theirs. The signed PDFs are in signed-documents/.
  { name: "document_signatures", clientWhere: "t.practice_id = $1 and t.client_id = $2", orderBy: "t.signed_at, t.id" },

  // Treatment plans (decision 0051): the client's own and their couple's; only the client's own signatures.
  { name: "treatment_plans", clientWhere: "t.practice_id = $1 and (t.client_id = $2 or t.partner_client_id = $2)", orderBy: "t.created_at, t.id" },
  {
    name: "plan_versions",
    clientWhere: "t.practice_id = $1 and t.plan_id in (select p.id from treatment_plans p where p.practice_id = $1 and (p.client_id = $2 or p.partner_client_id = $2))",
    orderBy: "t.plan_id, t.number",
  },
  { name: "plan_signatures", clientWhere: "t.practice_id = $1 and t.client_id = $2", orderBy: "t.signed_at, t.id" },

  // Good Faith Estimates (decision 0053): every version the client was issued, as issued.
  { name: "good_faith_estimates", clientWhere: "t.practice_id = $1 and t.client_id = $2", orderBy: "t.issued_at, t.version, t.id" },
  // Session notes (decision 0052): progress notes only, never psychotherapy notes (PRACTICE_NOTES above).
  { name: "note_templates", clientWhere: `t.practice_id = $1 and t.id in (select v.template_id from note_template_versions v where v.id in (select n.template_version_id from session_notes n where n.id in (${CLIENT_NOTES})))`, orderBy: "t.id" },
  { name: "note_template_versions", clientWhere: `t.practice_id = $1 and t.id in (select n.template_version_id from session_notes n where n.id in (${CLIENT_NOTES}))`, orderBy: "t.template_id, t.version" },
  { name: "session_notes", practiceWhere: `t.id in (${PRACTICE_NOTES})`, clientWhere: `t.id in (${CLIENT_NOTES})`, orderBy: "t.created_at, t.id" },
  { name: "note_addenda", practiceWhere: `t.practice_id = $1 and t.note_id in (${PRACTICE_NOTES})`, clientWhere: `t.practice_id = $1 and t.note_id in (${CLIENT_NOTES})`, orderBy: "t.note_id, t.created_at, t.id" },

  // Billing
  { name: "practice_billing", clientWhere: null, clientWhy: "the practice's billing settings (its tax id and NPI appear on the client's superbill)", orderBy: "t.practice_id" },
  { name: "service_billing", clientWhere: null, clientWhy: "billing codes per service (they appear on the client's superbill)", orderBy: "t.service_id" },
  { name: "service_cpt_lines", clientWhere: null, clientWhy: "each service's default CPT lines (they appear on the client's superbill)", orderBy: "t.service_id, t.position" },
  { name: "member_billing", clientWhere: null, clientWhy: "clinicians' license numbers (they appear on the client's superbill)", orderBy: "t.member_id" },
  { name: "appointment_diagnoses", clientWhere: `t.practice_id = $1 and t.appointment_id in (${CLIENT_APPOINTMENTS})`, orderBy: "t.appointment_id" },
  { name: "appointment_cpt_lines", clientWhere: `t.practice_id = $1 and t.appointment_id in (${CLIENT_APPOINTMENTS})`, orderBy: "t.appointment_id, t.position" },
  { name: "stripe_customers", clientWhere: "t.practice_id = $1 and t.client_id = $2", orderBy: "t.client_id" },
  { name: "fees", clientWhere: "t.practice_id = $1 and t.client_id = $2", orderBy: "t.created_at, t.id" },
  { name: "packages", clientWhere: `t.practice_id = $1 and t.id in (select p.package_id from package_purchases p where p.id in (${CLIENT_PURCHASES}))`, orderBy: "t.id" },
  { name: "package_purchases", clientWhere: "t.practice_id = $1 and t.client_id = $2", orderBy: "t.created_at, t.id" },
  { name: "credit_uses", clientWhere: `t.practice_id = $1 and t.purchase_id in (${CLIENT_PURCHASES})`, orderBy: "t.id" },
  // A payment is the payer's: a partner's payment for a couple session stays in the partner's record.
  { name: "payments", clientWhere: "t.practice_id = $1 and t.client_id = $2", orderBy: "t.created_at, t.id" },
  { name: "refunds", clientWhere: `t.practice_id = $1 and t.payment_id in (${CLIENT_PAYMENTS})`, orderBy: "t.created_at, t.id" },
  // Workbooks (decision 0056): the client's own orders (bought or gifted), the products they name, and each order's download link's state (no secret is stored).
  { name: "products", clientWhere: "t.practice_id = $1 and t.id in (select o.product_id from product_orders o where o.practice_id = $1 and o.client_id = $2)", orderBy: "t.created_at, t.id" },
  { name: "product_orders", clientWhere: "t.practice_id = $1 and t.client_id = $2", orderBy: "t.created_at, t.id" },
  { name: "product_grants", clientWhere: "t.practice_id = $1 and t.order_id in (select o.id from product_orders o where o.practice_id = $1 and o.client_id = $2)", orderBy: "t.created_at, t.id" },
  { name: "billing_notifications", clientWhere: null, clientWhy: "receipts waiting to be sent: delivery bookkeeping", orderBy: "t.created_at, t.key" },

  // Messages and the audit trail
  {
    name: "email_messages",
    clientWhere: `t.practice_id = $1 and t."to" = (select c.email from clients c where c.practice_id = $1 and c.id = $2)`,
    // Bodies and attachments may carry sign-in, manage and pay links: who was sent what, and when, is enough.
    omit: ["html", "text", "attachments", "key"],
    orderBy: "t.created_at, t.id",
  },
  // Who read or changed the client's record (the accounting of disclosures).
  { name: "threads", clientWhere: `t.practice_id = $1 and t.id in (${CLIENT_THREADS})`, orderBy: "t.created_at, t.id" },
  {
    name: "thread_members",
    // The client's own read state; staff members' read state is the practice's bookkeeping.
    clientWhere: `t.practice_id = $1 and t.thread_id in (${CLIENT_THREADS}) and t.user_id = (select c.user_id from clients c where c.practice_id = $1 and c.id = $2)`,
    orderBy: "t.thread_id, t.user_id",
  },
  { name: "messages", clientWhere: `t.practice_id = $1 and t.thread_id in (${CLIENT_THREADS})`, orderBy: "t.seq" },
  {
    // Metadata: the files' bytes are in the practice export's files/ (lib/storage), not in a client's record ZIP.
    name: "message_attachments",
    clientWhere: `t.practice_id = $1 and t.message_id in (select m.id from messages m where m.practice_id = $1 and m.thread_id in (${CLIENT_THREADS}))`,
    orderBy: "t.created_at, t.id",
  },
  { name: "message_preferences", clientWhere: "t.practice_id = $1 and t.client_id = $2", orderBy: "t.client_id" },
  { name: "reply_templates", clientWhere: null, clientWhy: "the practice's canned replies hold nothing of any client", orderBy: "t.title, t.id" },
  { name: "messaging_settings", clientWhere: null, clientWhy: "the practice's crisis text and front-desk setting", orderBy: "t.practice_id" },
  // A feed's address is derived from its id with AUTH_SECRET (lib/tokens/derived-token.ts): no secret in the row.
  { name: "calendar_feeds", clientWhere: "t.practice_id = $1 and t.client_id = $2", orderBy: "t.created_at, t.id" },
  { name: "calendar_settings", clientWhere: null, clientWhy: "the practice's choice of what clinicians' feeds call a session", orderBy: "t.practice_id" },
  { name: "audit_events", clientWhere: "t.practice_id = $1 and t.subject_type = 'client' and t.subject_id = $2::text", orderBy: "t.at, t.id" },
  { name: "data_exports", clientWhere: null, clientWhy: "the practice's own exports", orderBy: "t.created_at, t.id" },
];

/**
 * Tables in neither export, each with why. None has a practice_id or
 * client_id column (the coverage test refuses that).
 */
export const NOT_EXPORTED: Readonly<Record<string, string>> = {
  accounts: "sign-in provider links (Auth.js): credentials, not practice data",
  sessions: "sign-in sessions: secrets",
  verification_tokens: "sign-in links in flight: secrets",
  rate_limits: "request counters, by address: anti-abuse bookkeeping",
  stripe_events: "Stripe webhook deliveries already applied to payments: processing bookkeeping across practices",
  totp_credentials: "second-factor secrets",
  webauthn_credentials: "passkey public keys: a new system cannot use them",
  webauthn_challenges: "sign-in challenges in flight",
  recovery_codes: "second-factor recovery code hashes",
};

export function exportTable(name: string): ExportTable {
  const table = EXPORT_TABLES.find((t) => t.name === name);
  if (!table) throw new Error(`not an export table: ${name}`);
  return table;
}

import type { MemberRole } from "@/db/schema";

/**
 * The one role matrix: which member role may do what in a practice.
 * Every clinic page, route handler and server action names one of these
 * capabilities when it calls `requireMember`, and domain functions that
 * double-check a role ask `can` too; no other file lists roles.
 *
 * Two lines of need shape it: clinical data (answers, scores, check-ins,
 * reflections, diagnosis codes) is for owners, admins and clinicians; money
 * (payments, refunds, fees, exports) is for owners, admins and the front
 * desk. A superbill carries both (ICD-10 codes with payments and the date
 * of birth), so only roles with both may generate one.
 * Pure: no next/* import, so unit tests and lib/ modules can use it.
 */
export const ROLES = ["owner", "admin", "clinician", "front_desk"] as const satisfies readonly MemberRole[];

/** How each role reads on a page and in an invitation. */
export const ROLE_LABELS = {
  owner: "Owner",
  admin: "Admin",
  clinician: "Clinician",
  front_desk: "Front desk",
} as const satisfies Record<MemberRole, string>;

export type Capability =
  | "events.manage"
  | "practice.view"
  | "schedule.view"
  | "schedule.book"
  | "sessions.take"
  | "clients.view"
  | "clients.edit"
  | "couples.link"
  | "clinical.read"
  | "diagnoses.record_own"
  | "diagnoses.record_any"
  | "billing.read"
  | "billing.export"
  | "payments.refund"
  | "payments.take"
  | "payments.confirm_unpaid"
  | "fees.charge"
  | "fees.waive"
  | "superbill.generate"
  | "data.export"
  | "team.manage"
  | "team.manage_owners"
  | "team.security"
  | "settings.manage"
  | "brand.manage"
  | "availability.own"
  | "availability.others"
  | "exercises.edit"
  | "homework.assign"
  | "forms.send"
  | "forms.build"
  | "plans.write"
  | "gfe.issue"
  | "gfe.track"
  | "notes.write"
  | "notes.cosign"
  | "notes.templates"
  | "products.manage"
  | "waitlist.manage";

type Row = Readonly<Record<MemberRole, boolean>>;

const ALL: Row = { owner: true, admin: true, clinician: true, front_desk: true };
const MANAGERS: Row = { owner: true, admin: true, clinician: false, front_desk: false };
const CLINICAL: Row = { owner: true, admin: true, clinician: true, front_desk: false };
const BILLING: Row = { owner: true, admin: true, clinician: false, front_desk: true };

/** Capability → role → allowed. Read down a column to see one role's reach. */
export const ROLE_MATRIX: Readonly<Record<Capability, Row>> = {
  /** Open the practice's workspace: home, settings overview, team and service lists. */
  "practice.view": ALL,
  /** See the calendar and a session's details (who, when, which service). */
  "schedule.view": ALL,
  /** Book, reschedule, cancel and record an outcome for sessions. */
  "schedule.book": ALL,
  /** Be the clinician a session is booked with (offered on services, shown on the calendar). */
  "sessions.take": { owner: true, admin: false, clinician: true, front_desk: false },
  /** Client list and demographics (name, contact, date of birth), without clinical content. */
  "clients.view": ALL,
  /** Create and edit client records (contact details, portal access). */
  "clients.edit": ALL,
  /** Link or unlink two clients as a couple. */
  "couples.link": ALL,
  /** Read form answers, measure scores, check-ins, reflections, flags and diagnosis codes. */
  "clinical.read": CLINICAL,
  /** Record ICD-10 codes for a session one runs oneself. */
  "diagnoses.record_own": CLINICAL,
  /** Record ICD-10 codes for anyone's session. */
  "diagnoses.record_any": MANAGERS,
  /** The billing dashboard, payments and a session's payment panel. */
  "billing.read": BILLING,
  /** Download the payments CSV. */
  "billing.export": BILLING,
  "payments.refund": BILLING,
  /** Record cash, a cheque or a card-terminal payment, charge the card on file, sell a package at the desk (decision 0038). */
  "payments.take": BILLING,
  /** Confirm a booking that waits for payment without taking it. */
  "payments.confirm_unpaid": BILLING,
  /** Charge a no-show or late-cancellation fee to the saved card. */
  "fees.charge": BILLING,
  /** Cancel inside the window without the late-cancellation fee. */
  "fees.waive": ALL,
  /** Superbill PDF: diagnosis codes, date of birth and payments together. */
  "superbill.generate": { owner: true, admin: true, clinician: false, front_desk: false },
  /** Export a client's whole record or the whole practice (everything, clinical and money alike), decision 0030. */
  "data.export": MANAGERS,
  /** Invite members, change roles (not owners'), remove members. */
  "team.manage": MANAGERS,
  /** Make someone an owner, or change or remove an owner. */
  "team.manage_owners": { owner: true, admin: false, clinician: false, front_desk: false },
  /** Require two-step sign-in for the practice; reset a member's lost second factor (audited). */
  "team.security": { owner: true, admin: false, clinician: false, front_desk: false },
  /** Services, billing settings and packages, which services require which forms, practice closures. */
  "settings.manage": MANAGERS,
  /** The practice's name, colour and logo as its clients see them: the owner's own face of the practice. */
  "brand.manage": { owner: true, admin: false, clinician: false, front_desk: false },
  /** One's own weekly hours and date overrides. */
  "availability.own": CLINICAL,
  /** Other members' hours and overrides. */
  "availability.others": MANAGERS,
  /** Create, edit, duplicate and archive exercises and programs (the bank itself is open to all). */
  "exercises.edit": CLINICAL,
  /** Assign and end homework, and see a client's homework. */
  "homework.assign": CLINICAL,
  /** Send a form to a client (front desk chase paperwork; answers stay clinical). */
  "forms.send": ALL,
  /** Form templates: build, publish, open, download as FHIR. */
  "forms.build": CLINICAL,
  /** Write, publish and revise treatment plans (decision 0051); reading one is clinical.read. */
  "plans.write": CLINICAL,
  /**
   * Issue, re-issue and read a Good Faith Estimate (decision 0053): it carries
   * the client's diagnosis codes, so it is clinical reach, audited on read.
   */
  "gfe.issue": CLINICAL,
  /** See which estimates are due or overdue (client name and dates only, no content): the front desk chases them too. */
  "gfe.track": ALL,
  /**
   * Write and sign session notes (decision 0052): the roles that take sessions,
   * as a note is its session clinician's. Reading a progress note is
   * clinical.read; psychotherapy notes only ever their author's.
   */
  "notes.write": { owner: true, admin: false, clinician: true, front_desk: false },
  /** Co-sign a supervised clinician's signed note (never one's own; a supervised member never co-signs). */
  "notes.cosign": { owner: true, admin: false, clinician: true, front_desk: false },
  /**
   * Edit the practice's note templates (decision 0058): structure, not clinical
   * content, so as for form templates it is the clinical roles'.
   */
  "notes.templates": CLINICAL,
  /**
   * Digital products (decision 0056): create and edit workbooks (title, price, PDF) and gift one to a
   * client. What the practice sells and at what price is a manager's call; refunds stay payments.refund.
   */
  "products.manage": MANAGERS,
  /** Group events and webinars (decision 0055): create, cancel, see the roster, mark attendance, send materials. */
  "events.manage": CLINICAL,
  /** The session waitlist (decision 0057): add or remove clients, see offers and outcomes; no clinical content, so the front desk too. */
  "waitlist.manage": ALL,
};

export const CAPABILITIES = Object.keys(ROLE_MATRIX) as Capability[];

export function can(role: MemberRole, capability: Capability): boolean {
  return ROLE_MATRIX[capability][role] === true;
}

/** The roles that have a capability, e.g. for `inArray(members.role, rolesWith("sessions.take"))`. */
export function rolesWith(capability: Capability): MemberRole[] {
  return ROLES.filter((role) => can(role, capability));
}

/** For app/, which reads the role type from here rather than from db/. */
export type { MemberRole };

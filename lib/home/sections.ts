import { can, type Capability, type MemberRole } from "@/lib/auth/roles";

/**
 * The clinic home's sections, in the order they are drawn. Five are slots the
 * home does not fill itself: `safety_flags` (first, from lib/safety/open-flags),
 * `setup_checklist` (components/setup/setup-card), `notes_due` (lib/notes/due),
 * `plan_reviews` (lib/plans/reviews) and `gfe_overdue` (lib/gfe/staff). Each section names the capability that shows it, so a role sees only what the matrix gives it.
 */
export const HOME_SECTIONS = [
  { key: "safety_flags", slot: true, capability: "clinical.read" },
  { key: "setup_checklist", slot: true, capability: "settings.manage" },
  { key: "sessions", slot: false, capability: "schedule.view" },
  // Sessions without a signed note (lib/notes/due.ts): states only, so the front desk can chase them too.
  { key: "notes_due", slot: true, capability: "schedule.view" },
  { key: "forms_answered", slot: false, capability: "clinical.read" },
  { key: "homework_flags", slot: false, capability: "clinical.read" },
  // Filled by the page from lib/plans/reviews (plansDueForReview): a plan's review a week ahead or past.
  { key: "plan_reviews", slot: true, capability: "plans.write" },
  // Filled by the page from lib/gfe/staff (listOverdueGfes): Good Faith Estimates past their legal deadline. Names and dates only.
  { key: "gfe_overdue", slot: true, capability: "gfe.track" },
  { key: "awaiting", slot: false, capability: "forms.send" },
  { key: "billing", slot: false, capability: "billing.read" },
] as const satisfies readonly { key: string; slot: boolean; capability: Capability }[];

export type HomeSectionKey = (typeof HOME_SECTIONS)[number]["key"];
/** The sections another module fills (the integrator wires them in the page). */
export type HomeSlotKey = Extract<(typeof HOME_SECTIONS)[number], { slot: true }>["key"];
/** The sections lib/home loads. */
export type HomeDataKey = Exclude<HomeSectionKey, HomeSlotKey>;

/** The sections a role sees, in order. Pure. */
export function homeSectionsFor(role: MemberRole): HomeSectionKey[] {
  return HOME_SECTIONS.filter((s) => can(role, s.capability)).map((s) => s.key);
}

/** Whether a role sees one section. */
export function showsSection(role: MemberRole, key: HomeSectionKey): boolean {
  return homeSectionsFor(role).includes(key);
}

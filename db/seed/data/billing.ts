import { DEMO_PRACTICE_SLUGS } from "@/lib/demo/demo-accounts";

/**
 * Billing for the demo practices: what each service asks at booking, the
 * superbill codes (CPT lines per service, NPI and tax id per practice, license per
 * clinician) and a package. Fictional numbers (NPIs pass the format check only).
 */
type Line = { code: string; units?: number; modifiers?: string[] };
export const SERVICE_BILLING: Record<string, { mode: "none" | "full" | "deposit"; depositCents?: number; lines: Line[] }> = {
  "Couples session": { mode: "full", lines: [{ code: "90847" }] },
  "Individual session": { mode: "full", lines: [{ code: "90834" }] },
  "Coaching call": { mode: "full", lines: [] },
  "Couples coaching": { mode: "full", lines: [] },
  "Postpartum pelvic-health evaluation": { mode: "deposit", depositCents: 5_000, lines: [{ code: "97161", modifiers: ["GP"] }] },
  // Therapeutic exercise and manual therapy, 15-minute units, GP: under a PT plan of care.
  "Pelvic PT follow-up": { mode: "full", lines: [{ code: "97110", units: 2, modifiers: ["GP"] }, { code: "97140", units: 1, modifiers: ["GP"] }] },
};

export const PRACTICE_IDS: Record<string, { taxId: string; npi: string }> = {
  [DEMO_PRACTICE_SLUGS.couplesTherapy]: { taxId: "84-1234567", npi: "1234567893" },
  [DEMO_PRACTICE_SLUGS.pelvicPt]: { taxId: "46-7654321", npi: "1987654320" },
};

/** The package the coaching practice sells, for the services named here. */
export const DEMO_PACKAGE = {
  practiceSlug: DEMO_PRACTICE_SLUGS.coaching,
  serviceName: "Couples coaching",
  name: "Six couples coaching sessions",
  sessionCount: 6,
  priceCents: 99_000,
  validMonths: 6,
} as const;

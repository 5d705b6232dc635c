import { DEMO_PRACTICE_SLUGS } from "@/lib/demo/demo-accounts";

/**
 * Billing for the demo practices: what each service asks at booking, the
 * superbill codes (CPT per service, NPI and tax id per practice, license per
 * clinician) and a package. Fictional numbers (NPIs pass the format check only).
 */
export const SERVICE_BILLING: Record<string, { mode: "none" | "full" | "deposit"; depositCents?: number; cpt: string | null; units?: number }> = {
  "Couples session": { mode: "full", cpt: "90847" },
  "Individual session": { mode: "full", cpt: "90834" },
  "Coaching call": { mode: "full", cpt: null },
  "Couples coaching": { mode: "full", cpt: null },
  "Postpartum pelvic-health evaluation": { mode: "deposit", depositCents: 5_000, cpt: "97161" },
  "Pelvic PT follow-up": { mode: "full", cpt: "97110", units: 3 },
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

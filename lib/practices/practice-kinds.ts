import type { PracticeKind } from "@/db/schema";

/** The kinds of practice, in the order forms offer them. No imports at run time: safe in the browser. */
export const PRACTICE_KINDS = ["couples_therapy", "coaching", "pelvic_pt"] as const satisfies readonly PracticeKind[];

export const PRACTICE_KIND_LABELS: Record<PracticeKind, string> = {
  couples_therapy: "Couples therapy (EFT)",
  coaching: "Intimacy & parenting coaching",
  pelvic_pt: "Pelvic physical therapy",
};

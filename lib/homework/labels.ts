import type { AssignmentMode, ExerciseCategory, ExerciseParticipants } from "@/db/schema";

export const CATEGORY_LABELS: Record<ExerciseCategory, string> = {
  connection: "Connection rituals",
  communication: "Communication",
  touch: "Non-demand touch",
  desire: "Desire",
  self_care: "Self-care and recharge",
  mental_load: "Mental load",
  eft_cycle: "The EFT cycle",
  dates_rituals: "Dates and rituals",
  pelvic_health: "Pelvic health",
};

export const PARTICIPANT_LABELS: Record<ExerciseParticipants, string> = {
  individual: "One person",
  couple_together: "The couple together",
  each_partner: "Each partner on their own",
};

export const MODE_LABELS: Record<AssignmentMode, string> = {
  individual: "Individual",
  together: "Together",
  each_partner: "Each partner separately",
};

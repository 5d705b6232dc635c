import type { CheckInPrompts, ExerciseCategory, ExerciseParticipants } from "@/db/schema";

/** A shared-library exercise, written for the client; `key` is its stable identity across releases. */
export interface LibraryExercise {
  key: string;
  title: string;
  summary: string;
  instructions: string;
  category: ExerciseCategory;
  tags: string[];
  participants: ExerciseParticipants;
  frequencyPerWeek: number;
  minutes: number;
  /** Default dosage, for exercises counted in sets and repetitions (pelvic health); the assign form starts from it. */
  sets?: number;
  repetitions?: number;
  holdSeconds?: number;
  restSeconds?: number;
  timesPerDay?: number;
  prompts: CheckInPrompts;
  clinicianNotes: string;
}

export interface LibraryProgram {
  key: string;
  title: string;
  summary: string;
  audience: ExerciseParticipants;
  weeks: number;
  /** Exercise keys by week, in order, each with its times per week. */
  items: { week: number; exercise: string; timesPerWeek: number }[];
}

/** Said at the top of every pelvic-health exercise. */
export const AFTER_ASSESSMENT =
  "Your physical therapist chose this exercise for you after assessing you. Do it as they showed you, and stop and tell them if something hurts or feels wrong.";

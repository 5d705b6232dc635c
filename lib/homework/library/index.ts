import { INTIMACY_EXERCISES } from "./intimacy";
import { PELVIC_EXERCISES } from "./pelvic";
import { LIBRARY_PROGRAMS } from "./programs";
import { RELATIONSHIP_EXERCISES } from "./relationship";
import type { LibraryExercise, LibraryProgram } from "./types";

/** The shared exercise bank, in the order staff see it. */
export const LIBRARY_EXERCISES: LibraryExercise[] = [...RELATIONSHIP_EXERCISES, ...INTIMACY_EXERCISES, ...PELVIC_EXERCISES];

export { LIBRARY_PROGRAMS };
export type { LibraryExercise, LibraryProgram };

import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  foreignKey,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sessionNotes } from "./notes";
import { clients, couples, members, practices } from "./practice";
import { tz } from "./columns";

export const exerciseCategory = pgEnum("exercise_category", [
  "connection",
  "communication",
  "touch",
  "desire",
  "self_care",
  "mental_load",
  "eft_cycle",
  "dates_rituals",
  "pelvic_health",
]);

/** Who does an exercise: one person, the couple together, or each partner on their own. */
export const exerciseParticipants = pgEnum("exercise_participants", ["individual", "couple_together", "each_partner"]);

/** How an assignment is done: by one client, by a couple together, or by each partner separately. */
export const assignmentMode = pgEnum("assignment_mode", ["individual", "together", "each_partner"]);

/**
 * Dosage bounds, one home for the database checks and the forms' schema
 * (lib/homework/dosage.ts). Times a day pairs with the existing times-per-week
 * field, which then counts days (at most 7), so there is one frequency, not two.
 */
export const DOSAGE_LIMITS = {
  sets: { min: 1, max: 20 },
  repetitions: { min: 1, max: 100 },
  holdSeconds: { min: 0, max: 300 },
  restSeconds: { min: 0, max: 600 },
  timesPerDay: { min: 1, max: 6 },
  setsDone: { min: 0, max: 100 },
  repetitionsDone: { min: 0, max: 1000 },
} as const;

/** Sets, repetitions, hold, rest and times a day: all optional (a connection ritual has none). */
function dosageColumns() {
  return {
    sets: smallint("sets"),
    repetitions: smallint("repetitions"),
    holdSeconds: smallint("hold_seconds"),
    restSeconds: smallint("rest_seconds"),
    timesPerDay: smallint("times_per_day"),
  };
}

type DosageTable = { [K in keyof ReturnType<typeof dosageColumns>]: AnyPgColumn };

function dosageChecks(table: string, t: DosageTable, perWeek: AnyPgColumn) {
  const between = (column: AnyPgColumn, limits: { min: number; max: number }) => sql`${column} between ${sql.raw(String(limits.min))} and ${sql.raw(String(limits.max))}`;
  return [
    check(`${table}_sets`, between(t.sets, DOSAGE_LIMITS.sets)),
    check(`${table}_repetitions`, between(t.repetitions, DOSAGE_LIMITS.repetitions)),
    check(`${table}_hold_seconds`, between(t.holdSeconds, DOSAGE_LIMITS.holdSeconds)),
    check(`${table}_rest_seconds`, between(t.restSeconds, DOSAGE_LIMITS.restSeconds)),
    check(`${table}_times_per_day`, between(t.timesPerDay, DOSAGE_LIMITS.timesPerDay)),
    // With times a day, the weekly figure counts days.
    check(`${table}_days_per_week`, sql`${t.timesPerDay} is null or ${perWeek} <= 7`),
  ];
}

/** A rating asked at check-in; `kind` drives the flags (pain ≥ 7, a drop in closeness). */
export interface RatingPrompt {
  id: string;
  label: string;
  kind: "closeness" | "comfort" | "pain" | "desire" | "ease" | "mood" | "other";
  min: number;
  max: number;
}

export interface ReflectionQuestion {
  id: string;
  text: string;
}

/** Check-in prompts, validated by `checkInPromptsSchema` (lib/homework/prompts.ts) before every write. */
export interface CheckInPrompts {
  ratings: RatingPrompt[];
  questions: ReflectionQuestion[];
}

/** Rating prompt id → the number the client chose. */
export type CheckInRatings = Record<string, number>;

/**
 * An exercise in the bank. `practiceId` null: the shared library (seeded,
 * read-only, identified by `libraryKey`); otherwise the practice's own.
 * `sourceExerciseId` remembers the library exercise a copy was adapted from.
 */
export const exercises = pgTable(
  "exercises",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").references(() => practices.id, { onDelete: "cascade" }),
    libraryKey: text("library_key"),
    sourceExerciseId: uuid("source_exercise_id"),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    /** Light markdown: paragraphs, "1." steps, "- " bullets. Rendered as text, never as HTML. */
    instructions: text("instructions").notNull(),
    category: exerciseCategory("category").notNull(),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    participants: exerciseParticipants("participants").notNull(),
    frequencyPerWeek: smallint("frequency_per_week").notNull(),
    minutes: smallint("minutes").notNull(),
    ...dosageColumns(),
    prompts: jsonb("prompts").$type<CheckInPrompts>().notNull(),
    clinicianNotes: text("clinician_notes"),
    archivedAt: timestamp("archived_at", tz),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: "exercises_source_fkey", columns: [t.sourceExerciseId], foreignColumns: [t.id] }).onDelete("set null"),
    uniqueIndex("exercises_library_key_key").on(t.libraryKey),
    index("exercises_practice_id_idx").on(t.practiceId),
    index("exercises_source_exercise_id_idx").on(t.sourceExerciseId),
    check("exercises_library_key", sql`(${t.practiceId} is null) = (${t.libraryKey} is not null)`),
    check("exercises_title", sql`char_length(${t.title}) between 1 and 120`),
    check("exercises_summary", sql`char_length(${t.summary}) between 1 and 400`),
    check("exercises_instructions", sql`char_length(${t.instructions}) between 1 and 8000`),
    check("exercises_clinician_notes", sql`char_length(${t.clinicianNotes}) <= 4000`),
    check("exercises_frequency", sql`${t.frequencyPerWeek} between 1 and 14`),
    check("exercises_minutes", sql`${t.minutes} between 1 and 240`),
    check("exercises_tags", sql`cardinality(${t.tags}) <= 12`),
    ...dosageChecks("exercises", t, t.frequencyPerWeek),
    check(
      "exercises_prompts_shape",
      sql`jsonb_typeof(${t.prompts}) = 'object' and jsonb_typeof(${t.prompts}->'ratings') = 'array' and jsonb_typeof(${t.prompts}->'questions') = 'array'`,
    ),
  ],
);

/** A plan of exercises over weeks. `practiceId` null: the shared library, as for exercises. */
export const programs = pgTable(
  "programs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").references(() => practices.id, { onDelete: "cascade" }),
    libraryKey: text("library_key"),
    sourceProgramId: uuid("source_program_id"),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    /** Whom it is written for: one client, or a couple. */
    audience: exerciseParticipants("audience").notNull(),
    weeks: smallint("weeks").notNull(),
    archivedAt: timestamp("archived_at", tz),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: "programs_source_fkey", columns: [t.sourceProgramId], foreignColumns: [t.id] }).onDelete("set null"),
    uniqueIndex("programs_library_key_key").on(t.libraryKey),
    index("programs_practice_id_idx").on(t.practiceId),
    index("programs_source_program_id_idx").on(t.sourceProgramId),
    check("programs_library_key", sql`(${t.practiceId} is null) = (${t.libraryKey} is not null)`),
    check("programs_title", sql`char_length(${t.title}) between 1 and 120`),
    check("programs_summary", sql`char_length(${t.summary}) between 1 and 1000`),
    check("programs_weeks", sql`${t.weeks} between 1 and 26`),
  ],
);

/**
 * One exercise in a program's week, in order. The exercise must be the
 * library's or the program's practice's own (trigger in the invariants migration).
 */
export const programItems = pgTable(
  "program_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id, { onDelete: "cascade" }),
    exerciseId: uuid("exercise_id")
      .notNull()
      .references(() => exercises.id, { onDelete: "restrict" }),
    week: smallint("week").notNull(),
    position: smallint("position").notNull(),
    timesPerWeek: smallint("times_per_week").notNull(),
  },
  (t) => [
    unique("program_items_program_id_position_key").on(t.programId, t.position),
    unique("program_items_program_id_week_exercise_id_key").on(t.programId, t.week, t.exerciseId),
    index("program_items_exercise_id_idx").on(t.exerciseId),
    check("program_items_week", sql`${t.week} between 1 and 26`),
    check("program_items_position", sql`${t.position} >= 0`),
    check("program_items_times", sql`${t.timesPerWeek} between 1 and 14`),
  ],
);

/**
 * Homework given to one client or one couple: a single exercise or a program,
 * from `startDate` to `dueDate` (local dates of the practice). For a couple,
 * `mode` says whether they do it together or each partner separately.
 */
export const assignments = pgTable(
  "homework_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    clientId: uuid("client_id"),
    coupleId: uuid("couple_id"),
    exerciseId: uuid("exercise_id"),
    programId: uuid("program_id"),
    mode: assignmentMode("mode").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    /** For a single exercise; a program's items carry their own. */
    timesPerWeek: smallint("times_per_week"),
    /** Null when the clinician chose a due date instead of a number of weeks. */
    weeks: smallint("weeks"),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    personalNote: text("personal_note"),
    /** The clinician's dosage for a single exercise (prefilled from the exercise's defaults); a program's items use the exercises' own. */
    ...dosageColumns(),
    assignedByMemberId: uuid("assigned_by_member_id").references(() => members.id, { onDelete: "set null" }),
    /** The session note it was given from (lib/notes): the note lists it; deleting a draft note keeps the homework (SET NULL, migration 0040). */
    noteId: uuid("note_id"),
    endedAt: timestamp("ended_at", tz),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("homework_assignments_practice_id_id_key").on(t.practiceId, t.id),
    foreignKey({ name: "homework_assignments_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    foreignKey({ name: "homework_assignments_couple_fkey", columns: [t.coupleId], foreignColumns: [couples.id] }).onDelete("cascade"),
    foreignKey({ name: "homework_assignments_exercise_fkey", columns: [t.exerciseId], foreignColumns: [exercises.id] }).onDelete("restrict"),
    foreignKey({ name: "homework_assignments_program_fkey", columns: [t.programId], foreignColumns: [programs.id] }).onDelete("restrict"),
    index("homework_assignments_practice_id_idx").on(t.practiceId),
    index("homework_assignments_client_id_idx").on(t.clientId),
    index("homework_assignments_couple_id_idx").on(t.coupleId),
    index("homework_assignments_exercise_id_idx").on(t.exerciseId),
    index("homework_assignments_program_id_idx").on(t.programId),
    index("homework_assignments_assigned_by_member_id_idx").on(t.assignedByMemberId),
    foreignKey({ name: "homework_assignments_note_fkey", columns: [t.practiceId, t.noteId], foreignColumns: [sessionNotes.practiceId, sessionNotes.id] }),
    index("homework_assignments_note_id_idx").on(t.noteId),
    check("homework_assignments_one_assignee", sql`(${t.clientId} is null) <> (${t.coupleId} is null)`),
    check("homework_assignments_one_subject", sql`(${t.exerciseId} is null) <> (${t.programId} is null)`),
    check("homework_assignments_mode", sql`(${t.clientId} is not null and ${t.mode} = 'individual') or (${t.coupleId} is not null and ${t.mode} <> 'individual')`),
    check("homework_assignments_times", sql`(${t.exerciseId} is null and ${t.timesPerWeek} is null) or ${t.timesPerWeek} between 1 and 14`),
    check("homework_assignments_weeks", sql`${t.weeks} between 1 and 26`),
    check("homework_assignments_dates", sql`${t.dueDate} >= ${t.startDate} and ${t.dueDate} <= ${t.startDate} + 365`),
    check("homework_assignments_note", sql`char_length(${t.personalNote}) <= 2000`),
    ...dosageChecks("homework_assignments", t, t.timesPerWeek),
    check(
      "homework_assignments_dosage_subject",
      sql`${t.exerciseId} is not null or (${t.sets} is null and ${t.repetitions} is null and ${t.holdSeconds} is null and ${t.restSeconds} is null and ${t.timesPerDay} is null)`,
    ),
  ],
);

/**
 * One person's check-in on one exercise of an assignment on one (local) day:
 * done or not, ratings, and a reflection that is private to the client and
 * the clinician unless `sharedWithPartner`. A second check-in the same day
 * replaces the first (the unique key).
 */
export const checkIns = pgTable(
  "homework_check_ins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    assignmentId: uuid("assignment_id").notNull(),
    exerciseId: uuid("exercise_id")
      .notNull()
      .references(() => exercises.id, { onDelete: "restrict" }),
    clientId: uuid("client_id").notNull(),
    date: date("date", { mode: "string" }).notNull(),
    done: boolean("done").notNull(),
    ratings: jsonb("ratings").$type<CheckInRatings>().notNull().default(sql`'{}'::jsonb`),
    reflection: text("reflection"),
    sharedWithPartner: boolean("shared_with_partner").notNull().default(false),
    /** Logged when the exercise has a dosage: sets and repetitions the client did that day. */
    setsDone: smallint("sets_done"),
    repetitionsDone: smallint("repetitions_done"),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("homework_check_ins_one_per_day_key").on(t.assignmentId, t.exerciseId, t.clientId, t.date),
    foreignKey({ name: "homework_check_ins_assignment_fkey", columns: [t.practiceId, t.assignmentId], foreignColumns: [assignments.practiceId, assignments.id] }).onDelete("cascade"),
    foreignKey({ name: "homework_check_ins_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    index("homework_check_ins_client_id_date_idx").on(t.clientId, t.date),
    index("homework_check_ins_exercise_id_idx").on(t.exerciseId),
    check("homework_check_ins_reflection", sql`char_length(${t.reflection}) between 1 and 4000`),
    check("homework_check_ins_share", sql`not ${t.sharedWithPartner} or ${t.reflection} is not null`),
    check("homework_check_ins_ratings", sql`jsonb_typeof(${t.ratings}) = 'object'`),
    check("homework_check_ins_sets_done", sql`${t.setsDone} between 0 and ${sql.raw(String(DOSAGE_LIMITS.setsDone.max))}`),
    check("homework_check_ins_repetitions_done", sql`${t.repetitionsDone} between 0 and ${sql.raw(String(DOSAGE_LIMITS.repetitionsDone.max))}`),
  ],
);

/** A client's homework settings; no row means the defaults (reminders on). */
export const homeworkPreferences = pgTable(
  "homework_preferences",
  {
    practiceId: uuid("practice_id").notNull(),
    clientId: uuid("client_id").notNull(),
    remindersEnabled: boolean("reminders_enabled").notNull().default(true),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "homework_preferences_pkey", columns: [t.clientId] }),
    foreignKey({ name: "homework_preferences_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    index("homework_preferences_practice_id_idx").on(t.practiceId),
  ],
);

/**
 * A home-exercise sheet sent to a client: which of their assignments it
 * carries. The PDF is drawn again from the current rows on each download.
 * Items must be the client's own or their couple's assignments (trigger in
 * migration 0030).
 */
export const homeworkSheets = pgTable(
  "homework_sheets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    clientId: uuid("client_id").notNull(),
    sentByMemberId: uuid("sent_by_member_id").references(() => members.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("homework_sheets_practice_id_id_key").on(t.practiceId, t.id),
    foreignKey({ name: "homework_sheets_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    index("homework_sheets_practice_id_idx").on(t.practiceId),
    index("homework_sheets_client_id_idx").on(t.clientId),
    index("homework_sheets_sent_by_member_id_idx").on(t.sentByMemberId),
  ],
);

export const homeworkSheetItems = pgTable(
  "homework_sheet_items",
  {
    sheetId: uuid("sheet_id").notNull(),
    practiceId: uuid("practice_id").notNull(),
    assignmentId: uuid("assignment_id").notNull(),
    position: smallint("position").notNull(),
  },
  (t) => [
    primaryKey({ name: "homework_sheet_items_pkey", columns: [t.sheetId, t.assignmentId] }),
    unique("homework_sheet_items_sheet_id_position_key").on(t.sheetId, t.position),
    foreignKey({ name: "homework_sheet_items_sheet_fkey", columns: [t.practiceId, t.sheetId], foreignColumns: [homeworkSheets.practiceId, homeworkSheets.id] }).onDelete("cascade"),
    foreignKey({ name: "homework_sheet_items_assignment_fkey", columns: [t.practiceId, t.assignmentId], foreignColumns: [assignments.practiceId, assignments.id] }).onDelete("cascade"),
    index("homework_sheet_items_practice_id_idx").on(t.practiceId),
    index("homework_sheet_items_assignment_id_idx").on(t.assignmentId),
    check("homework_sheet_items_position", sql`${t.position} between 0 and 49`),
  ],
);

export type Exercise = typeof exercises.$inferSelect;
export type ExerciseCategory = (typeof exerciseCategory.enumValues)[number];
export type ExerciseParticipants = (typeof exerciseParticipants.enumValues)[number];
export type Program = typeof programs.$inferSelect;
export type ProgramItem = typeof programItems.$inferSelect;
export type Assignment = typeof assignments.$inferSelect;
export type AssignmentMode = (typeof assignmentMode.enumValues)[number];
export type CheckIn = typeof checkIns.$inferSelect;
export type HomeworkSheet = typeof homeworkSheets.$inferSelect;
export type HomeworkPreferences = typeof homeworkPreferences.$inferSelect;

import { and, eq, getTableColumns, inArray, isNull, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { db, type DbOrTx, type Tx } from "@/db/client";
import { assignments, checkIns, clients, couples, exercises, members, practices, programItems, programs, users } from "@/db/schema";
import { addDays, todayIn } from "@/lib/dates";
import { exerciseSchema } from "@/lib/homework/exercise-schema";
import { LIBRARY_EXERCISES, LIBRARY_PROGRAMS } from "@/lib/homework/library";

/** Serialises concurrent library syncs (several instances starting at once). */
const LIBRARY_LOCK_KEY = 727274;

export interface LibrarySyncSummary {
  exercises: number;
  programs: number;
}

/**
 * Brings the shared library (exercises and programs with no practice) in
 * line with lib/homework/library: inserts new entries and updates existing
 * ones by their stable key. Library rows are read-only to staff, so
 * overwriting them is safe; practices' copies are untouched. Idempotent.
 */
export async function syncHomeworkLibrary(database: DbOrTx = db): Promise<LibrarySyncSummary> {
  return database.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(LIBRARY_LOCK_KEY))})`);
    return syncInside(tx);
  });
}

/** `set` for a multi-row upsert: each named column takes the incoming row's value. */
function fromExcluded(table: PgTable, keys: readonly string[]) {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  return Object.fromEntries(keys.map((key) => [key, sql.raw(`excluded."${columns[key]!.name}"`)]));
}

// It runs on every start, so it is a handful of statements, not one per entry.
async function syncInside(tx: Tx): Promise<LibrarySyncSummary> {
  const now = new Date();
  // The same rules the editor applies: a bad library entry fails loudly at start.
  const exerciseRows = LIBRARY_EXERCISES.map((entry) => ({ ...exerciseSchema.parse(entry), practiceId: null, libraryKey: entry.key }));
  const exerciseKeys = [...new Set(exerciseRows.flatMap((r) => Object.keys(r)))].filter((k) => k !== "practiceId" && k !== "libraryKey");
  const savedExercises = await tx
    .insert(exercises)
    .values(exerciseRows)
    .onConflictDoUpdate({ target: exercises.libraryKey, set: { ...fromExcluded(exercises, exerciseKeys), archivedAt: null, updatedAt: now } })
    .returning({ id: exercises.id, key: exercises.libraryKey });
  const idByKey = new Map(savedExercises.map((r) => [r.key!, r.id]));

  const savedPrograms = await tx
    .insert(programs)
    .values(LIBRARY_PROGRAMS.map((p) => ({ title: p.title, summary: p.summary, audience: p.audience, weeks: p.weeks, practiceId: null, libraryKey: p.key })))
    .onConflictDoUpdate({
      target: programs.libraryKey,
      set: { ...fromExcluded(programs, ["title", "summary", "audience", "weeks"]), archivedAt: null, updatedAt: now },
    })
    .returning({ id: programs.id, key: programs.libraryKey });
  const programIdByKey = new Map(savedPrograms.map((r) => [r.key!, r.id]));
  await tx.delete(programItems).where(inArray(programItems.programId, savedPrograms.map((p) => p.id)));
  await tx.insert(programItems).values(
    LIBRARY_PROGRAMS.flatMap((program) =>
      program.items.map((item, position) => {
        const exerciseId = idByKey.get(item.exercise);
        if (!exerciseId) throw new Error(`library program ${program.key} names unknown exercise ${item.exercise}`);
        return { programId: programIdByKey.get(program.key)!, exerciseId, week: item.week, position, timesPerWeek: item.timesPerWeek };
      }),
    ),
  );
  return { exercises: LIBRARY_EXERCISES.length, programs: LIBRARY_PROGRAMS.length };
}

interface DemoAssignment {
  practiceSlug: string;
  clinicianEmail: string;
  /** One client email, or the two of a couple. */
  clients: [string] | [string, string];
  program?: string;
  exercise?: string;
  mode: "individual" | "together" | "each_partner";
  startedDaysAgo: number;
  weeks: number;
  timesPerWeek?: number;
  note?: string;
  /** [days ago, client email, exercise key, ratings, reflection?, shared?] */
  checkIns: [number, string, string, Record<string, number>, string?, boolean?][];
}

const H = (name: string) => `${name}@harbor.demo.tandem.test`;
const M = (name: string) => `${name}@meadowbrook.demo.tandem.test`;
const K = (name: string) => `${name}@kindling.demo.tandem.test`;

const DEMO_HOMEWORK: DemoAssignment[] = [
  {
    practiceSlug: "harbor-couples",
    clinicianEmail: H("therapist"),
    clients: [H("daniel.okafor"), H("priya.okafor")],
    program: "six-week-reconnection",
    mode: "each_partner",
    startedDaysAgo: 9,
    weeks: 6,
    note: "Small and often beats long and rare. Bring your notes on the pattern to our next session.",
    checkIns: [
      [9, H("daniel.okafor"), "six-second-hello", { closeness: 3, ease: 4 }],
      [8, H("daniel.okafor"), "six-second-hello", { closeness: 3, ease: 4 }, "Felt a bit forced at first, then nice.", true],
      [8, H("priya.okafor"), "six-second-hello", { closeness: 3, ease: 3 }],
      [7, H("priya.okafor"), "touch-without-agenda", { closeness: 4, comfort: 7, pain: 0 }, "Knowing it would not lead anywhere let me relax.", false],
      [5, H("daniel.okafor"), "touch-without-agenda", { closeness: 4, comfort: 8, pain: 0 }],
      [2, H("priya.okafor"), "name-the-dance", { closeness: 4, ease: 3 }, "We called it the chase. Naming it made us both laugh.", true],
      [1, H("daniel.okafor"), "ten-minute-check-in", { closeness: 4, ease: 4 }],
    ],
  },
  {
    practiceSlug: "harbor-couples",
    clinicianEmail: H("therapist"),
    clients: [H("hannah.brooks")],
    exercise: "recharge-menu",
    mode: "individual",
    startedDaysAgo: 12,
    weeks: 4,
    timesPerWeek: 3,
    checkIns: [
      [12, H("hannah.brooks"), "recharge-menu", { mood: 3 }],
      [10, H("hannah.brooks"), "recharge-menu", { mood: 4 }],
    ],
  },
  {
    practiceSlug: "meadowbrook-pelvic-health",
    clinicianEmail: M("pt"),
    clients: [M("emily.carter")],
    program: "postpartum-pelvic-floor-relaxation",
    mode: "individual",
    startedDaysAgo: 8,
    weeks: 4,
    checkIns: [
      [8, M("emily.carter"), "diaphragmatic-breathing", { ease: 3, pain: 2 }],
      [7, M("emily.carter"), "diaphragmatic-breathing", { ease: 3, pain: 2 }],
      [6, M("emily.carter"), "pelvic-body-scan", { comfort: 6, pain: 3 }],
      [5, M("emily.carter"), "diaphragmatic-breathing", { ease: 4, pain: 1 }],
      [1, M("emily.carter"), "pelvic-floor-down-training", { ease: 2, pain: 7, comfort: 3 }],
    ],
  },
  {
    practiceSlug: "kindling-coaching",
    clinicianEmail: K("coach"),
    clients: [K("tom.hargreaves"), K("amira.hargreaves")],
    program: "recharge-and-reconnect",
    mode: "together",
    startedDaysAgo: 3,
    weeks: 4,
    checkIns: [[2, K("amira.hargreaves"), "recharge-menu", { mood: 4 }]],
  },
];

/**
 * A little homework for the demo practices (dates relative to today), so
 * the clinician's view has adherence, a chart and flags to show. Runs inside
 * the demo seed's transaction, after the library sync.
 */
export async function seedDemoHomework(tx: Tx, now = new Date()): Promise<void> {
  const libraryIds = async (table: typeof exercises | typeof programs) => {
    const rows = await tx.select({ id: table.id, key: table.libraryKey }).from(table).where(isNull(table.practiceId));
    return new Map(rows.map((r) => [r.key!, r.id]));
  };
  const exerciseIds = await libraryIds(exercises);
  const programIds = await libraryIds(programs);
  for (const demo of DEMO_HOMEWORK) {
    const [practice] = await tx.select().from(practices).where(eq(practices.slug, demo.practiceSlug));
    if (!practice) throw new Error(`demo homework: no practice ${demo.practiceSlug}`);
    const today = todayIn(practice.timeZone, now);
    const clientRows = await tx
      .select({ id: clients.id, email: clients.email })
      .from(clients)
      .where(and(eq(clients.practiceId, practice.id), inArray(clients.email, demo.clients)));
    const clientId = (email: string) => {
      const row = clientRows.find((c) => c.email === email);
      if (!row) throw new Error(`demo homework: no client ${email}`);
      return row.id;
    };
    const [member] = await tx
      .select({ id: members.id })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(and(eq(members.practiceId, practice.id), eq(users.email, demo.clinicianEmail)));
    let coupleId: string | null = null;
    if (demo.clients.length === 2) {
      const [a, b] = demo.clients.map(clientId).sort() as [string, string];
      const [couple] = await tx.select({ id: couples.id }).from(couples).where(and(eq(couples.clientAId, a), eq(couples.clientBId, b)));
      coupleId = couple!.id;
    }
    const startDate = addDays(today, -demo.startedDaysAgo);
    const [assignment] = await tx
      .insert(assignments)
      .values({
        practiceId: practice.id,
        clientId: coupleId ? null : clientId(demo.clients[0]),
        coupleId,
        exerciseId: demo.exercise ? exerciseIds.get(demo.exercise)! : null,
        programId: demo.program ? programIds.get(demo.program)! : null,
        mode: demo.mode,
        startDate,
        timesPerWeek: demo.exercise ? (demo.timesPerWeek ?? 1) : null,
        weeks: demo.weeks,
        dueDate: addDays(startDate, 7 * demo.weeks - 1),
        personalNote: demo.note ?? null,
        assignedByMemberId: member?.id ?? null,
      })
      .returning({ id: assignments.id });
    if (demo.checkIns.length === 0) continue;
    await tx.insert(checkIns).values(
      demo.checkIns.map(([daysAgo, email, exerciseKey, ratings, reflection, shared]) => ({
        practiceId: practice.id,
        assignmentId: assignment!.id,
        exerciseId: exerciseIds.get(exerciseKey)!,
        clientId: clientId(email),
        date: addDays(today, -daysAgo),
        done: true,
        ratings,
        reflection: reflection ?? null,
        sharedWithPartner: shared ?? false,
      })),
    );
  }
}

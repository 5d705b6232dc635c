import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { assignments, checkIns, clients, couples, exercises, members, practices, programs, users } from "@/db/schema";
import { addDays, todayIn } from "@/lib/dates";
import { DEMO_HOMEWORK } from "./data/homework";

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

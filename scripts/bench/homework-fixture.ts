import { randomUUID } from "node:crypto";
import { isNull } from "drizzle-orm";
import { db, sql } from "@/db/client";
import { assignments, checkIns, clients, couples, exercises, members, practices, programItems, programs, users } from "@/db/schema";
import type { PracticeScope } from "@/lib/auth/guards";
import { addDays, todayIn } from "@/lib/dates";

/**
 * A client in a couple with 50 assignments (40 single exercises, half of them
 * the couple's, and 10 programs) and 2,000 check-ins over the last 60 days:
 * the size the clinician's overview must handle with a fixed number of
 * queries. Needs the shared library (syncHomeworkLibrary) first.
 */
export async function createOverviewFixture(now: Date): Promise<{ scope: PracticeScope; clientId: string; partnerId: string }> {
  const tag = randomUUID().slice(0, 8);
  const [practice] = await db.insert(practices).values({ name: `Bench ${tag}`, slug: `bench-${tag}`, kind: "couples_therapy", timeZone: "America/New_York" }).returning();
  const [user] = await db.insert(users).values({ email: `owner-${tag}@bench.test`, name: "Owner" }).returning();
  const [member] = await db.insert(members).values({ practiceId: practice!.id, userId: user!.id, role: "owner", displayName: "Owner", joinedAt: now }).returning();
  const people = await db
    .insert(clients)
    .values([
      { practiceId: practice!.id, firstName: "Ada", lastName: `Bench${tag}` },
      { practiceId: practice!.id, firstName: "Ben", lastName: `Bench${tag}` },
    ])
    .returning({ id: clients.id });
  const [a, b] = people.map((p) => p.id).sort() as [string, string];
  const [couple] = await db.insert(couples).values({ practiceId: practice!.id, clientAId: a, clientBId: b }).returning();

  const library = await db.select({ id: exercises.id }).from(exercises).where(isNull(exercises.practiceId));
  const [program] = await db.select({ id: programs.id }).from(programs).where(isNull(programs.practiceId)).limit(1);
  const items = await db.select().from(programItems);
  const programExercises = items.filter((i) => i.programId === program!.id).map((i) => i.exerciseId);

  const today = todayIn(practice!.timeZone, now);
  const start = addDays(today, -60);
  const rows = Array.from({ length: 50 }, (_, i) => {
    const isProgram = i >= 40;
    const forCouple = isProgram || i % 2 === 1;
    return {
      practiceId: practice!.id,
      clientId: forCouple ? null : a,
      coupleId: forCouple ? couple!.id : null,
      exerciseId: isProgram ? null : library[i % library.length]!.id,
      programId: isProgram ? program!.id : null,
      mode: (forCouple ? "each_partner" : "individual") as "each_partner" | "individual",
      startDate: start,
      timesPerWeek: isProgram ? null : 3,
      weeks: 13,
      dueDate: addDays(start, 90),
      assignedByMemberId: member!.id,
    };
  });
  const inserted = await db.insert(assignments).values(rows).returning();
  const facts: (typeof checkIns.$inferInsert)[] = [];
  for (const [i, asg] of inserted.entries()) {
    const exerciseId = asg.exerciseId ?? programExercises[i % programExercises.length]!;
    for (let k = 0; k < 40; k++) {
      const clientId = asg.coupleId ? (k % 2 === 0 ? a : b) : a;
      facts.push({
        practiceId: practice!.id,
        assignmentId: asg.id,
        exerciseId,
        clientId,
        date: addDays(start, asg.coupleId ? Math.floor(k / 2) : k),
        done: k % 5 !== 0,
        ratings: {},
        reflection: k % 10 === 0 ? "A short reflection." : null,
        sharedWithPartner: false,
      });
    }
  }
  for (let i = 0; i < facts.length; i += 500) await db.insert(checkIns).values(facts.slice(i, i + 500));
  const scope: PracticeScope = {
    user: { id: user!.id, email: user!.email, name: user!.name, isStaff: true },
    practice: practice!,
    memberId: member!.id,
    role: "owner",
    displayName: "Owner",
  };
  return { scope, clientId: a, partnerId: b };
}

/** Counts the statements sent through the app's postgres.js pool while `fn` runs. */
export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const target = sql as unknown as { unsafe: (...args: unknown[]) => unknown };
  const original = target.unsafe;
  let queries = 0;
  target.unsafe = function (this: unknown, ...args: unknown[]) {
    queries += 1;
    return original.apply(this, args);
  };
  try {
    const result = await fn();
    return { result, queries };
  } finally {
    target.unsafe = original;
  }
}

import { and, eq } from "drizzle-orm";
import { TransactionRollbackError } from "drizzle-orm/errors";
import { expect, test } from "vitest";
import { db } from "@/db/client";
import { members, practices, users } from "@/db/schema";
import { DEMO_PRACTICE_SLUGS, seedDemo } from "@/db/seed";
import type { PracticeScope } from "@/lib/auth/guards";
import { loadClinicHome } from "@/lib/home/load-home";

/** The seeded sessions around the seeding day, as the clinic home shows them; inside a rolled-back transaction like services-seed.test.ts. */
test("the demo seed gives the clinic home a today and a tomorrow", async () => {
  // Noon UTC: the same calendar day in Los Angeles and Chicago, whatever day the suite runs.
  const now = new Date(`${new Date().toISOString().slice(0, 10)}T18:00:00Z`);
  const outcome = await db
    .transaction(async (tx) => {
      await seedDemo(tx, now);
      const scopeOf = async (slug: string, email: string): Promise<PracticeScope> => {
        const [row] = await tx
          .select({ p: practices, m: members, u: users })
          .from(members)
          .innerJoin(practices, eq(practices.id, members.practiceId))
          .innerJoin(users, eq(users.id, members.userId))
          .where(and(eq(practices.slug, slug), eq(users.email, email)));
        return { user: { id: row!.u.id, email: row!.u.email, name: row!.u.name, isStaff: true }, practice: row!.p, memberId: row!.m.id, role: row!.m.role, displayName: row!.m.displayName };
      };

      const pt = await loadClinicHome(await scopeOf(DEMO_PRACTICE_SLUGS.pelvicPt, "pt@meadowbrook.demo.tandem.test"), now, tx);
      expect(pt.days.today.sessions.map((s) => [s.time, s.who, s.where, s.paymentText])).toEqual([
        ["3:00 PM – 3:45 PM", "Emily Carter", "Lincoln Park clinic", null],
        ["4:15 PM – 5:15 PM", "Aisha Rahman", "Lincoln Park clinic", "Unpaid · due at the session"],
      ]);
      expect(pt.days.today.sessions[1]!.formsMissing.length).toBeGreaterThanOrEqual(2);
      expect(pt.days.tomorrow.sessions.map((s) => [s.time, s.who, s.status, s.paymentText])).toEqual([["9:00 AM – 9:45 AM", "Lauren Fitzgerald", "Awaiting payment", "Unpaid · awaiting payment"]]);
      expect(pt.billing).toBeNull();

      const desk = await loadClinicHome(await scopeOf(DEMO_PRACTICE_SLUGS.pelvicPt, "frontdesk@meadowbrook.demo.tandem.test"), now, tx);
      expect(desk.days.today.sessions.map((s) => s.paymentText)).toEqual([null, "Unpaid · due at the session · $175"]);
      expect(desk.answered).toBeNull();
      expect(desk.homeworkFlags).toBeNull();
      expect(desk.billing!.failed.map((p) => [p.who, p.amount])).toEqual([["Lauren Fitzgerald", "$165"]]);

      const harbor = await loadClinicHome(await scopeOf(DEMO_PRACTICE_SLUGS.couplesTherapy, "therapist@harbor.demo.tandem.test"), now, tx);
      const couple = harbor.days.today.sessions[0]!;
      expect(couple).toMatchObject({ who: "Daniel Okafor & Priya Okafor", isCouple: true, where: "Online video", formsMissing: ["Couples intake (both)"], paymentText: null });
      expect(couple.joinUrl).toBe("https://video.demo.tandem.test/harbor-maya-lindqvist");
      expect(harbor.days.tomorrow.sessions.map((s) => s.who)).toEqual(["Alex Chen & Jamie Rivera"]);
      throw new TransactionRollbackError();
    })
    .catch((e: unknown) => (e instanceof TransactionRollbackError ? "rolled back" : Promise.reject(e)));
  expect(outcome).toBe("rolled back");
});

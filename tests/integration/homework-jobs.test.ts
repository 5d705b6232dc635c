import { and, eq, isNull, like } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { emailMessages, exercises, type Client, type Practice } from "@/db/schema";
import { syncHomeworkLibrary } from "@/lib/homework/library/sync";
import { sendHomeworkDigest } from "@/lib/jobs/send-homework-digest";
import { homeworkReminderKey, sendHomeworkReminders } from "@/lib/jobs/send-homework-reminders";
import { assignHomework } from "@/lib/homework/assign";
import { recordCheckIn, setReminders } from "@/lib/homework/record-check-in";
import { createClient, createMember, createPractice, createUser, scopeFor, uniqueEmail } from "./helpers/factories";

// 10 March 2026, 15:00 UTC: 11:00 in New York (after the reminder hour).
const NOW = new Date("2026-03-10T15:00:00Z");
let hello: string;
let painful: string;

beforeAll(async () => {
  await syncHomeworkLibrary();
  const rows = await db.select({ id: exercises.id, key: exercises.libraryKey }).from(exercises).where(isNull(exercises.practiceId));
  hello = rows.find((r) => r.key === "six-second-hello")!.id;
  painful = rows.find((r) => r.key === "pelvic-floor-down-training")!.id;
});

async function portalClient(practice: Practice, firstName: string): Promise<Client> {
  const email = uniqueEmail(firstName);
  const user = await createUser({ email });
  return createClient(practice, { firstName, email, userId: user.id });
}

async function remindersTo(email: string) {
  return db.select().from(emailMessages).where(and(eq(emailMessages.to, email), like(emailMessages.key, "homework-reminder:%")));
}

describe("homework reminders", () => {
  test("one a day when something is due, none after checking in today, none when turned off, none before 9:00 local", async () => {
    const practice = await createPractice({ timeZone: "America/New_York" });
    const clinician = await createMember(practice, { role: "clinician" });
    const scope = scopeFor(clinician);
    const due = await portalClient(practice, "Due");
    const checked = await portalClient(practice, "Checked");
    const off = await portalClient(practice, "Off");
    const noPortal = await createClient(practice, { firstName: "NoPortal", email: uniqueEmail("noportal") });
    for (const c of [due, checked, off, noPortal]) {
      const r = await assignHomework(scope, { subject: `exercise:${hello}`, assignee: `client:${c.id}`, mode: "individual", startDate: "2026-03-09", timesPerWeek: "7", weeks: "2" });
      expect(r.ok).toBe(true);
      if (c === checked && r.ok) await recordCheckIn({ client: checked, practice }, { assignmentId: r.assignmentId, exerciseId: hello, done: true }, NOW);
    }
    await setReminders({ client: off, practice }, false);

    // 07:00 in New York: too early for anyone.
    await sendHomeworkReminders(new Date("2026-03-10T11:00:00Z"));
    expect(await remindersTo(due.email!)).toHaveLength(0);

    await sendHomeworkReminders(NOW);
    await sendHomeworkReminders(new Date("2026-03-10T20:00:00Z"));
    const sent = await remindersTo(due.email!);
    expect(sent.map((m) => m.key)).toEqual([homeworkReminderKey(due.id, "2026-03-10")]);
    expect(sent[0]!.text).not.toContain("six-second");
    expect(await remindersTo(checked.email!)).toHaveLength(0);
    expect(await remindersTo(off.email!)).toHaveLength(0);
    expect(await remindersTo(noPortal.email!)).toHaveLength(0);

    // The next local day is a new reminder.
    await sendHomeworkReminders(new Date("2026-03-11T15:00:00Z"));
    expect((await remindersTo(due.email!)).map((m) => m.key).sort()).toEqual([homeworkReminderKey(due.id, "2026-03-10"), homeworkReminderKey(due.id, "2026-03-11")]);
  });
});

describe("weekly digest", () => {
  test("each clinician gets one email a week naming their flagged clients, without the reasons", async () => {
    const practice = await createPractice({ timeZone: "America/New_York" });
    const clinician = await createMember(practice, { role: "clinician", displayName: "Dr Digest" });
    const calm = await createMember(practice, { role: "clinician" });
    const hurting = await portalClient(practice, "Hurting");
    const quiet = await portalClient(practice, "Quiet");
    const fine = await portalClient(practice, "Fine");
    const a = await assignHomework(scopeFor(clinician), { subject: `exercise:${painful}`, assignee: `client:${hurting.id}`, mode: "individual", startDate: "2026-03-06", timesPerWeek: "5", weeks: "3" });
    await assignHomework(scopeFor(clinician), { subject: `exercise:${hello}`, assignee: `client:${quiet.id}`, mode: "individual", startDate: "2026-03-01", timesPerWeek: "7", weeks: "3" });
    const f = await assignHomework(scopeFor(calm), { subject: `exercise:${hello}`, assignee: `client:${fine.id}`, mode: "individual", startDate: "2026-03-08", timesPerWeek: "7", weeks: "3" });
    if (a.ok) await recordCheckIn({ client: hurting, practice }, { assignmentId: a.assignmentId, exerciseId: painful, done: true, ratings: { pain: "8" } }, new Date("2026-03-09T15:00:00Z"));
    if (f.ok) await recordCheckIn({ client: fine, practice }, { assignmentId: f.assignmentId, exerciseId: hello, done: true }, new Date("2026-03-09T15:00:00Z"));

    await sendHomeworkDigest(NOW);
    await sendHomeworkDigest(new Date("2026-03-12T15:00:00Z"));
    const mails = await db.select().from(emailMessages).where(eq(emailMessages.to, clinician.user.email));
    expect(mails.map((m) => m.key)).toEqual([`homework-digest:${clinician.member.id}:2026-03-09`]);
    expect(mails[0]!.text).toContain(`Hurting ${hurting.lastName}`);
    expect(mails[0]!.text).toContain(`Quiet ${quiet.lastName}`);
    expect(mails[0]!.text).not.toContain("Fine");
    expect(mails[0]!.text).not.toMatch(/pain/i);
    expect(await db.select().from(emailMessages).where(eq(emailMessages.to, calm.user.email))).toHaveLength(0);
  });
});

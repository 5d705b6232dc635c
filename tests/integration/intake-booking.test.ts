import { and, eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { db } from "@/db/client";
import { availabilityRules, clients, emailMessages, formAssignments, serviceClinicians, serviceForms, services } from "@/db/schema";
import { seedIntakeForms } from "@/db/seed/intake";
import { confirmBooking } from "@/lib/appointments/confirm-booking";
import { holdSlot } from "@/lib/booking/hold-slot";
import { createMember, createPractice, uniqueEmail } from "./helpers/factories";

const NOW = new Date("2031-03-01T12:00:00Z");
// A Monday, 9:00 in New York.
const START = new Date("2031-03-03T14:00:00Z");

it("a public couple booking gives each partner the service's forms and a link to their own", async () => {
  const practice = await createPractice({ timeZone: "America/New_York" });
  const clinician = await createMember(practice, { role: "clinician" });
  const [service] = await db
    .insert(services)
    .values({ practiceId: practice.id, name: "Couples session", durationMinutes: 50, priceCents: 0, format: "online", attendance: "couple", minNoticeMinutes: 60, horizonDays: 60 })
    .returning();
  await db.insert(serviceClinicians).values({ practiceId: practice.id, serviceId: service!.id, memberId: clinician.member.id });
  await db.insert(availabilityRules).values({ practiceId: practice.id, memberId: clinician.member.id, weekday: 1, startMinute: 9 * 60, endMinute: 17 * 60, timeZone: "America/New_York" });
  const templates = await seedIntakeForms(db, practice.id, "couples_therapy", [service!.id]);
  expect(await db.select().from(serviceForms).where(eq(serviceForms.serviceId, service!.id))).toHaveLength(3);

  const hold = await holdSlot(practice.id, { serviceId: service!.id, clinicianId: "any", start: START.toISOString() }, NOW);
  if (!hold.ok) throw new Error(JSON.stringify(hold));
  const people = [
    { firstName: "Ana", lastName: "Reyes", email: uniqueEmail("ana") },
    { firstName: "Ben", lastName: "Reyes", email: uniqueEmail("ben") },
  ];
  const result = await confirmBooking(practice.id, { holdToken: hold.holdToken, agreePolicy: true, attendees: people }, NOW);
  expect(result.ok).toBe(true);

  const attendees = await db.select().from(clients).where(and(eq(clients.practiceId, practice.id), inArray(clients.email, people.map((p) => p.email))));
  expect(attendees).toHaveLength(2);
  for (const c of attendees) {
    const assigned = await db.select().from(formAssignments).where(eq(formAssignments.clientId, c.id));
    expect(assigned.map((a) => a.templateId).sort()).toEqual([templates.get("couples-intake"), templates.get("informed-consent"), templates.get("cancellation-policy")].sort());
    expect(assigned.every((a) => a.source === "booking" && a.dueAt?.getTime() === START.getTime())).toBe(true);
    const [mail] = await db.select().from(emailMessages).where(and(eq(emailMessages.to, c.email!), eq(emailMessages.template, "forms-to-complete")));
    expect(mail?.text).toContain(`/portal/${c.id}/forms`);
  }
});

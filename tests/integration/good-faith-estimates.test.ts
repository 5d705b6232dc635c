import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import {
  appointmentAttendees,
  appointmentDiagnoses,
  availabilityRules,
  clients,
  emailMessages,
  goodFaithEstimates,
  memberBilling,
  practiceBilling,
  serviceClinicians,
  serviceCptLines,
  services,
  type Practice,
} from "@/db/schema";
import { confirmBooking } from "@/lib/appointments/confirm-booking";
import { mergeUnverifiedInto } from "@/lib/clients/merge-client";
import { bookForClients } from "@/lib/appointments/staff-book";
import { gfeOverages } from "@/lib/billing/dashboard";
import { holdSlot } from "@/lib/booking/hold-slot";
import { createAppointment } from "@/lib/booking/lifecycle";
import { deliverGfes } from "@/lib/gfe/deliver";
import { GFE_NOT_US, issueForBooking, issueGfe } from "@/lib/gfe/issue";
import { listOwnGfes, ownGfePdf, requestGfe } from "@/lib/gfe/portal";
import { issueGfeForClient, listOverdueGfes, markGfeDelivered, reissueGfe, staffGfePdf } from "@/lib/gfe/staff";
import { auditEventsFor, createClient, createMember, createPractice, createUser, scopeFor, uniqueEmail } from "./helpers/factories";
import { pdfText } from "./helpers/pdf-text";

// Tuesday 1 April 2031, 09:00 in New York (daylight time): the moment of booking.
const NOW = new Date("2031-04-01T13:00:00Z");
// Tuesday 8 April 2031, 10:00 in New York: five business days later.
const START = new Date("2031-04-08T14:00:00Z");

async function usClinic(options: { country?: string } = {}) {
  const practice = await createPractice({ timeZone: "America/New_York", country: options.country ?? "US" });
  const owner = await createMember(practice, { role: "owner" });
  const clinician = await createMember(practice, { role: "clinician", displayName: "Rosa Alvarez" });
  const desk = await createMember(practice, { role: "front_desk" });
  const [service] = await db
    .insert(services)
    .values({ practiceId: practice.id, name: "Individual therapy", durationMinutes: 53, priceCents: 15000, format: "online", attendance: "individual", minNoticeMinutes: 60, horizonDays: 60, slotStepMinutes: 60 })
    .returning();
  await db.insert(serviceClinicians).values({ practiceId: practice.id, serviceId: service!.id, memberId: clinician.member.id });
  await db.insert(serviceCptLines).values({ practiceId: practice.id, serviceId: service!.id, position: 0, code: "90837" });
  await db.insert(availabilityRules).values([1, 2, 3, 4, 5].map((weekday) => ({ practiceId: practice.id, memberId: clinician.member.id, weekday, startMinute: 0, endMinute: 1440, timeZone: "America/New_York" })));
  await db.insert(practiceBilling).values({ practiceId: practice.id, taxId: "12-3456789", npi: "1234567893" });
  await db.insert(memberBilling).values({ practiceId: practice.id, memberId: clinician.member.id, npi: "1987654321" });
  return { practice, owner, clinician, desk, service: service! };
}

async function book(practice: Practice, serviceId: string, extra: Record<string, unknown>, start = START) {
  const hold = await holdSlot(practice.id, { serviceId, clinicianId: "any", start: start.toISOString() }, NOW);
  if (!hold.ok) throw new Error(JSON.stringify(hold));
  const email = uniqueEmail("self-pay");
  const booked = await confirmBooking(practice.id, { holdToken: hold.holdToken, agreePolicy: true, attendees: [{ firstName: "Mara", lastName: "Lind", email }], ...extra }, NOW);
  if (!booked.ok) throw new Error(JSON.stringify(booked));
  const [client] = await db.select().from(clients).where(and(eq(clients.practiceId, practice.id), eq(clients.email, email)));
  return { appointmentId: booked.appointmentId, client: client!, email };
}

const gfesOf = (clientId: string) => db.select().from(goodFaithEstimates).where(eq(goodFaithEstimates.clientId, clientId)).orderBy(goodFaithEstimates.version);
const mailTo = (to: string, template = "gfe-ready") => db.select().from(emailMessages).where(and(eq(emailMessages.to, to), eq(emailMessages.template, template)));

async function issued(ctx: Awaited<ReturnType<typeof usClinic>>, client: { id: string }, weeks = 12) {
  const result = await issueGfe({ practiceId: ctx.practice.id, clientId: client.id, serviceId: ctx.service.id, reason: "requested", weeks, actor: { kind: "member", userId: ctx.owner.user.id }, now: NOW });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.gfe;
}

describe("Good Faith Estimates", () => {
  it("a self-pay client's booking issues an estimate with every required element, due within 1 business day, emailed once without clinical detail", async () => {
    const ctx = await usClinic();
    const { appointmentId, client, email } = await book(ctx.practice, ctx.service.id, { usesInsurance: "no" });
    expect(client.selfPay).toBe(true);
    const [gfe, ...more] = await gfesOf(client.id);
    expect(more).toEqual([]);
    expect(gfe).toMatchObject({
      reason: "scheduled",
      appointmentId,
      version: 1,
      supersedesId: null,
      scheduledFor: "2031-04-08",
      required: true,
      // Within 1 business day of Tuesday 1 April: the end of Wednesday 2 April in New York.
      dueBy: new Date("2031-04-03T04:00:00Z"),
      issuedAt: NOW,
      deliveredAt: NOW,
      totalCents: 12 * 15000,
    });
    expect(gfe!.snapshot).toMatchObject({
      serviceId: ctx.service.id,
      client: { name: "Mara Lind", dateOfBirth: null },
      primaryService: expect.stringContaining("Individual therapy"),
      period: { from: "2031-04-08", to: "2031-06-24", weeks: 12 },
      items: [{ description: expect.stringContaining("Individual therapy"), cpt: "90837", quantity: 12, unitCharge: 15000, total: 180000 }],
      currency: "USD",
      total: 180000,
      diagnosisCodes: [],
      provider: { practiceName: ctx.practice.name, clinicianName: "Rosa Alvarez", npi: "1987654321", practiceNpi: "1234567893", tin: "12-3456789" },
    });
    expect(gfe!.snapshot.disclaimers.join(" ")).toMatch(/\$400 or more/);

    const mail = await mailTo(email);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe(`Your estimate from ${ctx.practice.name} is ready`);
    const body = `${mail[0]!.subject}\n${mail[0]!.html}\n${mail[0]!.text}`;
    for (const secret of ["90837", "therapy", "Individual", "150", "1,800", "Rosa", "diagnos"]) expect(body, secret).not.toContain(secret);
    expect(body).toContain("/portal");

    // The outbox effect again (a retry), and the delivery job: nothing new.
    expect(await issueForBooking(appointmentId, NOW)).toEqual([]);
    expect(await deliverGfes(new Date(NOW.getTime() + 60_000))).toMatchObject({ due: 0 });
    expect(await gfesOf(client.id)).toHaveLength(1);
    expect(await mailTo(email)).toHaveLength(1);
  });

  it("staff booking asks too: a self-pay client booked by the front desk gets an estimate; a radio left unticked (null) parses", async () => {
    const ctx = await usClinic();
    const client = await createClient(ctx.practice, { email: uniqueEmail("desk") });
    const booked = await bookForClients(scopeFor(ctx.desk), { serviceId: ctx.service.id, clinicianId: ctx.clinician.member.id, clientIds: [client.id], start: START.toISOString(), usesInsurance: "no" }, NOW);
    expect(booked).toMatchObject({ ok: true });
    const [row] = await db.select().from(clients).where(eq(clients.id, client.id));
    expect(row!.selfPay).toBe(true);
    expect(await gfesOf(client.id)).toEqual([expect.objectContaining({ reason: "scheduled", scheduledFor: "2031-04-08", deliveredAt: NOW })]);
    const other = await createClient(ctx.practice, { email: uniqueEmail("desk2") });
    const later = new Date(START.getTime() + 2 * 3_600_000).toISOString();
    expect(await bookForClients(scopeFor(ctx.desk), { serviceId: ctx.service.id, clinicianId: ctx.clinician.member.id, clientIds: [other.id], start: later, usesInsurance: null }, NOW)).toMatchObject({ ok: true });
    expect(await gfesOf(other.id)).toEqual([]);
  });

  it("no estimate for a client who uses insurance, or who was not asked; a weekly client is not sent one per booking", async () => {
    const ctx = await usClinic();
    const insured = await book(ctx.practice, ctx.service.id, { usesInsurance: "yes" });
    expect(insured.client.selfPay).toBe(false);
    expect(await gfesOf(insured.client.id)).toEqual([]);
    const unasked = await book(ctx.practice, ctx.service.id, {}, new Date(START.getTime() + 3_600_000));
    expect(unasked.client.selfPay).toBeNull();
    expect(await gfesOf(unasked.client.id)).toEqual([]);

    // A second session inside the estimate's period: covered by the estimate the client already has.
    const first = await book(ctx.practice, ctx.service.id, { usesInsurance: "no" }, new Date(START.getTime() + 2 * 3_600_000));
    const next = await db.transaction((tx) =>
      createAppointment(tx, {
        practiceId: ctx.practice.id,
        service: ctx.service,
        slot: { start: START.getTime() + 7 * 86_400_000, end: START.getTime() + 7 * 86_400_000 + 53 * 60_000, memberId: ctx.clinician.member.id, locationId: null },
        status: "held",
        holdExpiresAt: new Date(NOW.getTime() + 600_000),
        now: NOW,
      }),
    );
    await db.insert(appointmentAttendees).values({ practiceId: ctx.practice.id, appointmentId: next, clientId: first.client.id });
    expect(await issueForBooking(next, NOW)).toEqual([]);
    expect(await gfesOf(first.client.id)).toHaveLength(1);
  });

  it("outside the US: refused with a clear message, nothing written, and the booking question is ignored", async () => {
    const ctx = await usClinic({ country: "GB" });
    const client = await createClient(ctx.practice, { email: uniqueEmail("uk") });
    const refused = await issueGfeForClient(scopeFor(ctx.owner), client.id, { serviceId: ctx.service.id, weeks: 4 }, NOW);
    expect(refused).toEqual({ ok: false, code: "conflict", reason: "gfe_not_us", message: GFE_NOT_US });
    expect(GFE_NOT_US).toBe("Good Faith Estimates apply to US practices only");
    const booked = await book(ctx.practice, ctx.service.id, { usesInsurance: "no" });
    expect(booked.client.selfPay).toBeNull();
    expect(await gfesOf(client.id)).toEqual([]);
    expect(await gfesOf(booked.client.id)).toEqual([]);
  });

  it("bad input names the field and writes nothing; the front desk may not issue or read one", async () => {
    const ctx = await usClinic();
    const client = await createClient(ctx.practice, { email: uniqueEmail("bad") });
    expect(await issueGfeForClient(scopeFor(ctx.owner), client.id, { serviceId: ctx.service.id, weeks: 60 }, NOW)).toEqual({ ok: false, code: "invalid", errors: { weeks: ["At most 52 weeks (12 months)"] } });
    expect(await issueGfeForClient(scopeFor(ctx.owner), client.id, { serviceId: "nope" }, NOW)).toMatchObject({ ok: false, code: "invalid", errors: { serviceId: ["Choose a service"] } });
    expect(await issueGfeForClient(scopeFor(ctx.desk), client.id, { serviceId: ctx.service.id }, NOW)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await gfesOf(client.id)).toEqual([]);
    const gfe = await issued(ctx, client);
    expect(await staffGfePdf(scopeFor(ctx.desk), gfe.id)).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("the delivery job sends each estimate exactly once; one it cannot deliver shows as overdue", async () => {
    const ctx = await usClinic();
    const withEmail = await createClient(ctx.practice, { email: uniqueEmail("job") });
    const noEmail = await createClient(ctx.practice, { email: null });
    const a = await issued(ctx, withEmail);
    const b = await issued(ctx, noEmail);
    // A request: due within 3 business days (Wed 2, Thu 3, Fri 4 April), at midnight in New York.
    expect(a.dueBy).toEqual(new Date("2031-04-05T04:00:00Z"));
    const later = new Date(NOW.getTime() + 60_000);
    // The job's runs (other tests' estimates may be due too: assert on this one only).
    await deliverGfes(later);
    await deliverGfes(later);
    await deliverGfes(new Date(later.getTime() + 3_600_000));
    expect(await deliverGfes(later, { gfeId: a.id })).toEqual({ due: 0, sent: 0, outbox: 0, duplicate: 0, failed: 0 });
    expect((await mailTo(withEmail.email!)).map((m) => m.key)).toEqual([`gfe-ready:${a.id}`]);
    const [delivered] = await db.select().from(goodFaithEstimates).where(eq(goodFaithEstimates.id, a.id));
    expect(delivered!.deliveredAt).toEqual(later);

    const scope = scopeFor(ctx.desk);
    expect(await listOverdueGfes(scope, new Date("2031-04-04T12:00:00Z"))).toEqual([]);
    expect(await listOverdueGfes(scope, new Date("2031-04-05T04:00:01Z"))).toEqual([
      expect.objectContaining({ id: b.id, clientId: noEmail.id, reason: "requested", hasEmail: false, dueBy: b.dueBy }),
    ]);

    // Handed over on paper: the front desk records it (audited), once; it leaves the overdue list.
    const handed = new Date("2031-04-07T15:00:00Z");
    expect(await markGfeDelivered(scope, b.id, handed)).toEqual({ ok: true });
    expect(await markGfeDelivered(scope, b.id, handed)).toMatchObject({ ok: false, code: "conflict", reason: "already_delivered" });
    expect(await listOverdueGfes(scope, new Date("2031-04-08T00:00:00Z"))).toEqual([]);
    expect((await db.select().from(goodFaithEstimates).where(eq(goodFaithEstimates.id, b.id)))[0]!.deliveredAt).toEqual(handed);
    expect(await auditEventsFor(ctx.practice.id, "gfe.delivered_by_hand")).toEqual([expect.objectContaining({ subjectId: b.id, actorUserId: ctx.desk.user.id, detail: { clientId: noEmail.id } })]);
  });

  it("an issued estimate is immutable in the database; only its delivery time is set, once", async () => {
    const ctx = await usClinic();
    const client = await createClient(ctx.practice, { email: uniqueEmail("locked") });
    const gfe = await issued(ctx, client);
    const refused = async (statement: ReturnType<typeof sql>) => {
      await expect(db.execute(statement)).rejects.toMatchObject({ cause: expect.objectContaining({ constraint_name: "good_faith_estimates_immutable" }) });
    };
    await refused(sql`update good_faith_estimates set total_cents = 1 where id = ${gfe.id}`);
    await refused(sql`update good_faith_estimates set snapshot = jsonb_set(snapshot, '{total}', '1') where id = ${gfe.id}`);
    await refused(sql`update good_faith_estimates set due_by = due_by + interval '10 days' where id = ${gfe.id}`);
    await refused(sql`delete from good_faith_estimates where id = ${gfe.id}`);
    await db.execute(sql`update good_faith_estimates set delivered_at = ${NOW.toISOString()}::timestamptz where id = ${gfe.id}`);
    await refused(sql`update good_faith_estimates set delivered_at = now() where id = ${gfe.id}`);
    const [row] = await gfesOf(client.id);
    expect(row).toMatchObject({ totalCents: gfe.totalCents, snapshot: gfe.snapshot, dueBy: gfe.dueBy, deliveredAt: NOW });
    // Deleting the client (the practice erasing a record) takes its estimates with it.
    await db.delete(clients).where(eq(clients.id, client.id));
    expect(await gfesOf(client.id)).toEqual([]);
  });

  it("proving an unverified booking's address files its estimate under the proven record, unchanged", async () => {
    const ctx = await usClinic();
    const booked = await book(ctx.practice, ctx.service.id, { usesInsurance: "no" });
    const proven = await createClient(ctx.practice, { email: uniqueEmail("proven") });
    const [before] = await gfesOf(booked.client.id);
    await db.transaction((tx) => mergeUnverifiedInto(tx, { practiceId: ctx.practice.id, fromId: booked.client.id, intoId: proven.id }));
    const [after, ...more] = await gfesOf(proven.id);
    expect(more).toEqual([]);
    expect(after).toEqual({ ...before, clientId: proven.id });
    const [kept] = await db.select().from(clients).where(eq(clients.id, proven.id));
    expect(kept!.selfPay).toBe(true);
  });

  it("a re-issue is a new version superseding the old, which stays; a fork is refused", async () => {
    const ctx = await usClinic();
    const client = await createClient(ctx.practice, { email: uniqueEmail("v2") });
    const v1 = await issued(ctx, client, 4);
    await db.update(services).set({ priceCents: 17500 }).where(eq(services.id, ctx.service.id));
    const later = new Date(NOW.getTime() + 86_400_000);
    const v2 = await reissueGfe(scopeFor(ctx.clinician), v1.id, { weeks: 6 }, later);
    if (!v2.ok) throw new Error(JSON.stringify(v2));
    expect(v2.gfe).toMatchObject({ version: 2, supersedesId: v1.id, reason: "requested", totalCents: 6 * 17500, issuedAt: later });
    expect(await reissueGfe(scopeFor(ctx.clinician), v1.id, {}, later)).toMatchObject({ ok: false, code: "conflict", reason: "already_reissued" });
    await expect(
      db.execute(sql`insert into good_faith_estimates (practice_id, client_id, version, supersedes_id, reason, due_by, issued_at, snapshot, total_cents)
        values (${ctx.practice.id}, ${client.id}, 5, ${v2.gfe.id}, 'requested', now(), now(), '{}'::jsonb, 0)`),
    ).rejects.toMatchObject({ cause: expect.objectContaining({ constraint_name: "good_faith_estimates_chain" }) });
    const rows = await gfesOf(client.id);
    expect(rows.map((r) => [r.version, r.totalCents])).toEqual([
      [1, 4 * 15000],
      [2, 6 * 17500],
    ]);
    expect(await auditEventsFor(ctx.practice.id, "gfe.reissue")).toEqual([expect.objectContaining({ subjectId: v2.gfe.id, detail: expect.objectContaining({ supersedesId: v1.id }) })]);
  });

  it("PDF: parses, carries NPI, TIN, CPT and the disclaimers; a staff read is audited with ids only", async () => {
    const ctx = await usClinic();
    const client = await createClient(ctx.practice, { email: uniqueEmail("pdf"), dateOfBirth: "1990-05-17", firstName: "Ines", lastName: "Ortega" });
    // A coded session of the client's: its codes are the estimate's diagnosis codes "where known".
    const past = await db.transaction((tx) =>
      createAppointment(tx, {
        practiceId: ctx.practice.id,
        service: ctx.service,
        slot: { start: NOW.getTime() - 7 * 86_400_000, end: NOW.getTime() - 7 * 86_400_000 + 53 * 60_000, memberId: ctx.clinician.member.id, locationId: null },
        status: "confirmed",
        now: new Date(NOW.getTime() - 8 * 86_400_000),
      }),
    );
    await db.insert(appointmentAttendees).values({ practiceId: ctx.practice.id, appointmentId: past, clientId: client.id });
    await db.insert(appointmentDiagnoses).values({ practiceId: ctx.practice.id, appointmentId: past, icd10Codes: ["F43.23"] });
    const gfe = await issued(ctx, client);
    expect(gfe.snapshot.diagnosisCodes).toEqual(["F43.23"]);

    const pdf = await staffGfePdf(scopeFor(ctx.clinician), gfe.id);
    if (!pdf.ok) throw new Error(JSON.stringify(pdf));
    const { PDFDocument } = await import("pdf-lib");
    expect((await PDFDocument.load(pdf.bytes)).getPageCount()).toBeGreaterThanOrEqual(1);
    const text = pdfText(pdf.bytes);
    for (const expected of ["GOOD FAITH ESTIMATE", "NPI: 1987654321", "Practice NPI: 1234567893", "12-3456789", "90837", "F43.23", "Ines Ortega", "17 May 1990", "$1,800", "$400 or more", "not a contract"]) {
      expect(text, expected).toContain(expected);
    }
    const audits = await auditEventsFor(ctx.practice.id, "gfe.read");
    expect(audits).toEqual([expect.objectContaining({ subjectId: gfe.id, actorUserId: ctx.clinician.user.id, detail: { clientId: client.id, version: 1 } })]);
  });

  it("the client asks in the portal, reads the list (every version) and downloads their own PDF only", async () => {
    const ctx = await usClinic();
    const user = await createUser();
    const client = await createClient(ctx.practice, { email: user.email, userId: user.id });
    const other = await createClient(ctx.practice, { email: uniqueEmail("other") });
    const otherGfe = await issued(ctx, other);
    const who = { userId: user.id, clientId: client.id, practiceId: ctx.practice.id, practiceCountry: "US" };
    const asked = await requestGfe(who, { serviceId: ctx.service.id, weeks: "8" }, NOW);
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    expect(asked.gfe).toMatchObject({ reason: "requested", totalCents: 8 * 15000, dueBy: new Date("2031-04-05T04:00:00Z") });
    // Emailed at once: "ready in your portal".
    expect((await gfesOf(client.id))[0]!.deliveredAt).toEqual(NOW);
    expect(await mailTo(user.email)).toHaveLength(1);
    expect(await listOwnGfes(who)).toEqual([expect.objectContaining({ id: asked.gfe.id, version: 1, superseded: false })]);
    const pdf = await ownGfePdf(who, asked.gfe.id, NOW);
    expect(pdf.ok).toBe(true);
    expect(await ownGfePdf(who, otherGfe.id, NOW)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("a client asks for at most five estimates in a rolling day; the sixth is refused and writes nothing", async () => {
    const ctx = await usClinic();
    const user = await createUser();
    const client = await createClient(ctx.practice, { email: user.email, userId: user.id });
    const who = { userId: user.id, clientId: client.id, practiceId: ctx.practice.id, practiceCountry: "US" };
    const results = await Promise.all(Array.from({ length: 7 }, (_, i) => requestGfe(who, { serviceId: ctx.service.id, weeks: String(i + 1) }, new Date(NOW.getTime() + i * 60_000))));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok)).toEqual([
      expect.objectContaining({ code: "rate_limited", message: expect.stringContaining("5 estimates in the last 24 hours") }),
      expect.objectContaining({ code: "rate_limited" }),
    ]);
    expect(await gfesOf(client.id)).toHaveLength(5);
    // A day after the first, one more may be asked.
    const later = new Date(NOW.getTime() + 24 * 3_600_000 + 1000);
    expect(await requestGfe(who, { serviceId: ctx.service.id, weeks: "4" }, later)).toMatchObject({ ok: true });
  });

  it("the billing dashboard flags a client billed $400 or more above their latest estimate", async () => {
    const ctx = await usClinic();
    const over = await createClient(ctx.practice, { email: uniqueEmail("over"), firstName: "Olga", lastName: "Over" });
    const under = await createClient(ctx.practice, { email: uniqueEmail("under") });
    // Two weekly sessions estimated: $300. Olga has five booked in the period ($750: $450 over); the other four ($600: $300 over).
    await issued(ctx, over, 2);
    await issued(ctx, under, 2);
    const seat = async (client: { id: string }, hour: number) => {
      const start = new Date("2031-04-02T12:00:00Z").getTime() + hour * 3_600_000;
      const id = await db.transaction((tx) =>
        createAppointment(tx, { practiceId: ctx.practice.id, service: ctx.service, slot: { start, end: start + 53 * 60_000, memberId: ctx.clinician.member.id, locationId: null }, status: "confirmed", now: NOW }),
      );
      await db.insert(appointmentAttendees).values({ practiceId: ctx.practice.id, appointmentId: id, clientId: client.id });
    };
    for (let i = 0; i < 5; i++) await seat(over, i);
    for (let i = 5; i < 9; i++) await seat(under, i);
    expect(await gfeOverages(ctx.practice.id)).toEqual([
      { clientId: over.id, clientName: "Olga Over", gfeId: expect.any(String), estimateCents: 30000, billedCents: 75000, currency: "USD" },
    ]);
  });
});


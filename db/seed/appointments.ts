import { and, desc, eq, inArray } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Tx } from "@/db/client";
import { appointmentAttendees, appointments, clients, couples, fees, formAssignments, formVersions, locations, members, payments, practices, serviceBilling, serviceForms, services, staffNotifications, users } from "@/db/schema";
import { DEMO_APPOINTMENTS } from "./data/appointments";

/**
 * Writes the demo sessions (./data/appointments.ts) relative to `now`, after
 * the practices, forms and billing settings exist. Rows only: no outbox
 * events, so no confirmation emails go to the demo addresses. The clinician's
 * bell gets what those bookings would have rung (in the app only: no email is
 * owed), the older ones already read.
 */
export async function seedDemoAppointments(tx: Tx, now = new Date()): Promise<number> {
  let written = 0;
  for (const demo of DEMO_APPOINTMENTS) {
    const [practice] = await tx.select().from(practices).where(eq(practices.slug, demo.practiceSlug));
    if (!practice) throw new Error(`demo appointments: no practice ${demo.practiceSlug}`);
    const [member] = await tx
      .select({ id: members.id, videoUrl: members.videoUrl })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(and(eq(members.practiceId, practice.id), eq(users.email, demo.clinicianEmail)));
    const [service] = await tx
      .select({ s: services, mode: serviceBilling.paymentMode, depositCents: serviceBilling.depositCents })
      .from(services)
      .leftJoin(serviceBilling, eq(serviceBilling.serviceId, services.id))
      .where(and(eq(services.practiceId, practice.id), eq(services.name, demo.service)));
    if (!member || !service) throw new Error(`demo appointments: no ${demo.clinicianEmail} or "${demo.service}" in ${demo.practiceSlug}`);
    const people = await tx.select({ id: clients.id, email: clients.email }).from(clients).where(and(eq(clients.practiceId, practice.id), inArray(clients.email, demo.clients)));
    const clientIds = demo.clients.map((email) => {
      const row = people.find((p) => p.email === email);
      if (!row) throw new Error(`demo appointments: no client ${email}`);
      return row.id;
    });
    let coupleId: string | null = null;
    if (clientIds.length === 2) {
      const [a, b] = [...clientIds].sort() as [string, string];
      const [couple] = await tx.select({ id: couples.id }).from(couples).where(and(eq(couples.clientAId, a), eq(couples.clientBId, b)));
      coupleId = couple?.id ?? null;
    }
    let locationId: string | null = null;
    if (demo.location) {
      const [loc] = await tx.select({ id: locations.id }).from(locations).where(and(eq(locations.practiceId, practice.id), eq(locations.name, demo.location)));
      locationId = loc?.id ?? null;
    }
    const day = DateTime.fromJSDate(now, { zone: practice.timeZone }).startOf("day").plus({ days: demo.day });
    const [hour, minute] = demo.time.split(":").map(Number) as [number, number];
    const start = day.set({ hour, minute });
    const s = service.s;
    const startsAt = start.toJSDate();
    // Booked a week ahead, or yesterday for a session further out: never after the seeding moment.
    const booked = new Date(Math.min(start.minus({ days: 7 }).toMillis(), now.getTime() - 24 * 3_600_000));
    const endsAt = start.plus({ minutes: s.durationMinutes }).toJSDate();
    const [appt] = await tx
      .insert(appointments)
      .values({
        practiceId: practice.id,
        serviceId: s.id,
        memberId: member.id,
        locationId,
        coupleId,
        format: s.format,
        // What booking stores (lib/video): the clinician's standing room for an online session.
        videoUrl: s.format === "online" ? member.videoUrl : null,
        startsAt,
        endsAt,
        blockedFrom: start.minus({ minutes: s.bufferBeforeMinutes }).toJSDate(),
        blockedTo: start.plus({ minutes: s.durationMinutes + s.bufferAfterMinutes }).toJSDate(),
        status: demo.status,
        priceCents: s.priceCents,
        currency: s.currency,
        bookedByStaff: true,
        createdAt: booked,
        updatedAt: demo.status === "completed" || demo.status === "no_show" ? endsAt : booked,
      })
      .returning({ id: appointments.id });
    const appointmentId = appt!.id;
    await tx.insert(appointmentAttendees).values(clientIds.map((clientId) => ({ practiceId: practice.id, appointmentId, clientId, provenAt: booked })));

    if (demo.paid) {
      const amountCents = demo.paid === "deposit" ? (service.depositCents ?? s.priceCents) : s.priceCents;
      await tx.insert(payments).values({
        practiceId: practice.id,
        kind: demo.paid === "deposit" ? "deposit" : "session",
        status: "succeeded",
        amountCents,
        currency: s.currency,
        clientId: clientIds[0]!,
        coupleId,
        appointmentId,
        description: s.name,
        paidAt: booked,
        createdAt: booked,
        updatedAt: booked,
      });
    }
    if (demo.balancePaid && demo.paid === "deposit" && service.depositCents && service.depositCents < s.priceCents) {
      // The rest, taken at the desk when the visit ended.
      await tx.insert(payments).values({
        practiceId: practice.id,
        kind: "session",
        status: "succeeded",
        amountCents: s.priceCents - service.depositCents,
        currency: s.currency,
        clientId: clientIds[0]!,
        coupleId,
        appointmentId,
        description: s.name,
        // On the desk's card terminal (decision 0038): the statement and the payment page show the method and reference.
        method: "card_terminal",
        reference: `T-${String(endsAt.getTime()).slice(-5)}`,
        paidAt: endsAt,
        createdAt: endsAt,
        updatedAt: endsAt,
      });
    }
    if (demo.status === "confirmed" && startsAt > now) {
      await tx.insert(staffNotifications).values({
        practiceId: practice.id,
        memberId: member.id,
        kind: "booking_new",
        key: `demo:booking:${appointmentId}`,
        appointmentId,
        inApp: true,
        email: false,
        createdAt: booked,
        readAt: booked.getTime() < now.getTime() - 3 * 86_400_000 ? new Date(booked.getTime() + 3_600_000) : null,
      });
    }
    if (demo.declined) {
      const failedAt = new Date(now.getTime() - 3_600_000);
      const [failed] = await tx.insert(payments).values({
        practiceId: practice.id,
        kind: "session",
        status: "failed",
        amountCents: s.priceCents,
        currency: s.currency,
        clientId: clientIds[0]!,
        appointmentId,
        description: s.name,
        failureMessage: "Your card was declined.",
        createdAt: failedAt,
        updatedAt: failedAt,
      }).returning({ id: payments.id });
      await tx.insert(staffNotifications).values({
        practiceId: practice.id,
        memberId: member.id,
        kind: "payment_failed",
        key: `demo:payment:${failed!.id}`,
        paymentId: failed!.id,
        clientId: clientIds[0]!,
        appointmentId,
        inApp: true,
        email: false,
        createdAt: failedAt,
      });
    }
    if (demo.noShowFee && s.noShowFeeCents > 0) {
      await tx.insert(fees).values({ practiceId: practice.id, appointmentId, clientId: clientIds[0]!, kind: "no_show", amountCents: s.noShowFeeCents, currency: s.currency, createdAt: endsAt, updatedAt: endsAt });
    }
    if (demo.formsMissing) {
      const required = await tx.select({ templateId: serviceForms.templateId }).from(serviceForms).where(eq(serviceForms.serviceId, s.id)).orderBy(serviceForms.position);
      const versions = await Promise.all(required.map((r) => currentVersion(tx, r.templateId)));
      await tx.insert(formAssignments).values(
        clientIds.flatMap((clientId) => versions.map((v) => ({ practiceId: practice.id, clientId, templateId: v.templateId, versionId: v.versionId, appointmentId, source: "booking" as const, sentAt: booked }))),
      );
    }
    written += 1;
  }
  return written;
}

async function currentVersion(tx: Tx, templateId: string): Promise<{ templateId: string; versionId: string }> {
  const [v] = await tx.select({ id: formVersions.id }).from(formVersions).where(eq(formVersions.templateId, templateId)).orderBy(desc(formVersions.version)).limit(1);
  if (!v) throw new Error(`demo appointments: template ${templateId} has no version`);
  return { templateId, versionId: v.id };
}

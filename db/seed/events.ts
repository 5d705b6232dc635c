import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Tx } from "@/db/client";
import { clients, eventHosts, eventRegistrations, eventSessions, groupEvents, members, packages, practices, products, users } from "@/db/schema";
import { PdfWriter } from "@/lib/export/pdf-writer";
import { storage } from "@/lib/storage";
import { DEMO_EVENTS, DEMO_WORKBOOKS } from "./data/events";

/**
 * Demo events and workbooks (./data/events.ts), placed after the seeding day
 * in each practice's zone. A workbook's PDF is written through the same
 * storage the app uses (disk by default), in the seeding transaction.
 */
export async function seedDemoEvents(tx: Tx, now: Date): Promise<void> {
  for (const demo of DEMO_EVENTS) {
    const [practice] = await tx.select().from(practices).where(eq(practices.slug, demo.practiceSlug));
    if (!practice) continue;
    const [host] = await tx
      .select({ id: members.id, userId: members.userId })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(and(eq(members.practiceId, practice.id), eq(users.email, demo.host)));
    if (!host) throw new Error(`demo event host ${demo.host} is not a member of ${demo.practiceSlug}`);
    const [pkg] = demo.takesPackageCredits ? await tx.select({ id: packages.id }).from(packages).where(eq(packages.practiceId, practice.id)) : [];
    const dates = demo.dates.map((d) => {
      const start = DateTime.fromJSDate(now, { zone: practice.timeZone })
        .plus({ days: d.daysAhead })
        .set({ hour: Number(d.time.slice(0, 2)), minute: Number(d.time.slice(3, 5)), second: 0, millisecond: 0 })
        .toJSDate();
      return { startsAt: start, endsAt: new Date(start.getTime() + d.minutes * 60_000) };
    });
    const [event] = await tx
      .insert(groupEvents)
      .values({
        practiceId: practice.id,
        title: demo.title,
        description: demo.description,
        format: "online",
        joinUrl: `https://video.demo.tandem.test/${demo.practiceSlug}/group`,
        capacity: demo.capacity,
        priceCents: demo.priceCents,
        creditPackageId: pkg?.id ?? null,
        currency: practice.currency,
        signupCutoff: new Date(dates[0]!.startsAt.getTime() - 2 * 3_600_000),
        cancellationHours: 24,
        createdByUserId: host.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: groupEvents.id });
    await tx.insert(eventSessions).values(dates.map((d) => ({ practiceId: practice.id, eventId: event!.id, ...d })));
    await tx.insert(eventHosts).values({ practiceId: practice.id, eventId: event!.id, memberId: host.id });
    if (demo.attendees.length > 0) {
      const people = await tx.select({ id: clients.id }).from(clients).where(and(eq(clients.practiceId, practice.id), inArray(clients.email, demo.attendees)));
      await tx.insert(eventRegistrations).values(people.map((p) => ({ practiceId: practice.id, eventId: event!.id, clientId: p.id, seats: 1, status: "confirmed" as const, createdAt: now, updatedAt: now })));
    }
  }

  for (const demo of DEMO_WORKBOOKS) {
    const [practice] = await tx.select().from(practices).where(eq(practices.slug, demo.practiceSlug));
    if (!practice) continue;
    const pdf = await PdfWriter.create(demo.title, practice.name);
    pdf.title(demo.title);
    for (const page of demo.pages) {
      pdf.heading(page.heading);
      for (const p of page.paragraphs) {
        pdf.text(p);
        pdf.gap(12);
      }
    }
    const bytes = await pdf.save();
    const id = randomUUID();
    const key = `products/${id}/${randomUUID()}.pdf`;
    await storage.put(practice.id, key, bytes, "application/pdf", tx);
    await tx.insert(products).values({
      id,
      practiceId: practice.id,
      title: demo.title,
      description: demo.description,
      priceCents: demo.priceCents,
      currency: practice.currency,
      storageKey: key,
      filename: demo.filename,
      byteSize: bytes.length,
      active: true,
      createdAt: now,
      updatedAt: now,
    });
  }
}

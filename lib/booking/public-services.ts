import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { members, practices, serviceBilling, serviceClinicians, services, type Practice } from "@/db/schema";
import { asksSuperbillDetails } from "@/lib/clients/address-schema";
import { payAtBookingFor, type PayAtBooking } from "./service-labels";

export interface PublicService {
  id: string;
  name: string;
  description: string | null;
  durationMinutes: number;
  priceCents: number;
  currency: string;
  format: "in_person" | "online" | "phone";
  attendance: "individual" | "couple" | "either";
  cancellationWindowHours: number;
  lateCancelFeeCents: number;
  noShowFeeCents: number;
  clinicians: { id: string; name: string }[];
  /** What is paid online when booking (billing); null: nothing online. */
  payAtBooking: PayAtBooking;
  /** Booking asks for date of birth and address (superbills, decision 0043). */
  asksSuperbillDetails: boolean;
}

/** A published practice by slug; an unpublished one is not found (the booking API answers 404, decision 0027). */
export async function findPracticeBySlug(slug: string): Promise<Pick<Practice, "id" | "slug" | "name" | "timeZone"> | null> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  const [row] = await db
    .select({ id: practices.id, slug: practices.slug, name: practices.name, timeZone: practices.timeZone })
    .from(practices)
    .where(and(eq(practices.slug, slug), isNotNull(practices.publishedAt)));
  return row ?? null;
}

/**
 * Active services a visitor can book, with who offers each (two queries).
 * `takesPayments`: whether the practice can take payments online (billing's
 * `practiceStripe`, asked by the page: booking never imports billing).
 */
export async function listPublicServices(practiceId: string, takesPayments: boolean): Promise<PublicService[]> {
  const joined = await db
    .select({ s: services, billing: serviceBilling })
    .from(services)
    .leftJoin(serviceBilling, eq(serviceBilling.serviceId, services.id))
    .where(and(eq(services.practiceId, practiceId), isNull(services.archivedAt)))
    .orderBy(asc(services.name));
  if (joined.length === 0) return [];
  const rows = joined.map((j) => j.s);
  const payAtBooking = (serviceId: string, priceCents: number): PayAtBooking =>
    payAtBookingFor(joined.find((j) => j.s.id === serviceId)?.billing, priceCents, takesPayments);
  const asksFor = (serviceId: string) => asksSuperbillDetails(joined.find((x) => x.s.id === serviceId)?.billing?.asksSuperbillDetails);
  const offered = await db
    .select({ serviceId: serviceClinicians.serviceId, id: members.id, name: members.displayName, credentials: members.credentials })
    .from(serviceClinicians)
    .innerJoin(members, eq(members.id, serviceClinicians.memberId))
    .where(inArray(serviceClinicians.serviceId, rows.map((r) => r.id)))
    .orderBy(asc(members.displayName));
  return rows
    .map((s) => ({
      id: s.id,
      name: s.name,
      description: s.description,
      durationMinutes: s.durationMinutes,
      priceCents: s.priceCents,
      currency: s.currency,
      format: s.format,
      attendance: s.attendance,
      cancellationWindowHours: s.cancellationWindowHours,
      lateCancelFeeCents: s.lateCancelFeeCents,
      noShowFeeCents: s.noShowFeeCents,
      payAtBooking: payAtBooking(s.id, s.priceCents),
      asksSuperbillDetails: asksFor(s.id),
      clinicians: offered
        .filter((o) => o.serviceId === s.id)
        .map((o) => ({ id: o.id, name: o.credentials ? `${o.name}, ${o.credentials}` : o.name })),
    }))
    .filter((s) => s.clinicians.length > 0);
}

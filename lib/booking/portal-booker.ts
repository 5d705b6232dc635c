import { and, eq, isNull, or } from "drizzle-orm";
import { db } from "@/db/client";
import { clients, couples } from "@/db/schema";
import { creditsToOffer, type OfferedCredit } from "@/lib/billing/booking-credits";

type Person = { firstName: string; lastName: string; email: string; phone: string };

/** What the booking page knows about a client signed in to their portal: their details, their partner's, their credits. */
export interface PortalBooker {
  self: Person;
  /** The partner the practice (or both partners' proof) linked them with. Prefilled only; the partner confirms for themselves. */
  partner: Person | null;
  credits: OfferedCredit[];
}

export async function portalBooker(practiceId: string, userId: string | null, now: Date): Promise<PortalBooker | null> {
  if (!userId) return null;
  const [self] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.practiceId, practiceId), eq(clients.userId, userId), isNull(clients.unverifiedSince), eq(clients.status, "active")));
  if (!self?.email) return null;
  const [couple] = await db.select().from(couples).where(or(eq(couples.clientAId, self.id), eq(couples.clientBId, self.id)));
  const partnerId = couple ? (couple.clientAId === self.id ? couple.clientBId : couple.clientAId) : null;
  const [partner] = partnerId ? await db.select().from(clients).where(and(eq(clients.id, partnerId), eq(clients.practiceId, practiceId))) : [];
  const person = (c: typeof self): Person => ({ firstName: c.firstName, lastName: c.lastName, email: c.email ?? "", phone: c.phone ?? "" });
  return {
    self: person(self),
    partner: partner?.email ? person(partner) : null,
    credits: await creditsToOffer({ practiceId, clientId: self.id, now }),
  };
}

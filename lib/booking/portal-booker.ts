import { and, eq, isNull, or } from "drizzle-orm";
import { db } from "@/db/client";
import { clients, couples } from "@/db/schema";

type Person = { firstName: string; lastName: string; email: string; phone: string };

/** A session credit the booker may spend (billing's `creditsToOffer` gives them; booking never imports billing). */
export interface BookerCredit {
  name: string;
  remaining: number;
  serviceIds: string[];
  /** Bought for the couple: either partner may use it. */
  shared: boolean;
}

/** What the booking page knows about a client signed in to their portal: their details, their partner's, their credits. */
export interface PortalBooker {
  self: Person;
  /** The partner the practice (or both partners' proof) linked them with. Prefilled only; the partner confirms for themselves. */
  partner: Person | null;
  credits: BookerCredit[];
}

/** `creditsOf` is billing's offer for the booker's client record, handed in by the page. */
export async function portalBooker(practiceId: string, userId: string | null, creditsOf: (clientId: string) => Promise<BookerCredit[]>): Promise<PortalBooker | null> {
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
    credits: await creditsOf(self.id),
  };
}

import { and, asc, desc, eq, inArray, isNull, or } from "drizzle-orm";
import { db } from "@/db/client";
import { clients, couples, members, serviceClinicians, services, waitlistEntries, waitlistOffers, type Client } from "@/db/schema";
import { TOKEN_PURPOSES, signToken } from "@/lib/tokens";

export interface JoinOptions {
  services: { id: string; name: string; attendance: "individual" | "couple" | "either"; clinicians: { id: string; name: string }[] }[];
  /** The client is linked with a partner at this practice (a couple service needs it). */
  hasPartner: boolean;
}

/** The practice's current services that someone gives, each with the clinicians who give it (a service nobody gives has no times to wait for). */
async function servicesToWaitFor(practiceId: string): Promise<JoinOptions["services"]> {
  const [rows, staff] = await Promise.all([
    db
      .select({ id: services.id, name: services.name, attendance: services.attendance })
      .from(services)
      .where(and(eq(services.practiceId, practiceId), isNull(services.archivedAt)))
      .orderBy(asc(services.name)),
    db
      .select({ serviceId: serviceClinicians.serviceId, id: members.id, name: members.displayName })
      .from(serviceClinicians)
      .innerJoin(members, and(eq(members.id, serviceClinicians.memberId), eq(members.practiceId, practiceId)))
      .where(eq(serviceClinicians.practiceId, practiceId))
      .orderBy(asc(members.displayName)),
  ]);
  return rows.map((s) => ({ ...s, clinicians: staff.filter((m) => m.serviceId === s.id).map(({ id, name }) => ({ id, name })) })).filter((s) => s.clinicians.length > 0);
}

/** What the portal's join form offers the client. */
export async function waitlistJoinOptions(client: Pick<Client, "id" | "practiceId">): Promise<JoinOptions> {
  const [list, couple] = await Promise.all([
    servicesToWaitFor(client.practiceId),
    db.select({ id: couples.id }).from(couples).where(and(eq(couples.practiceId, client.practiceId), or(eq(couples.clientAId, client.id), eq(couples.clientBId, client.id)))),
  ]);
  return { services: list, hasPartner: couple.length > 0 };
}

/** The staff form: the same services, and the practice's active clients (names only), each saying whether a partner is linked. */
export async function staffWaitlistOptions(practiceId: string): Promise<{ options: JoinOptions; clients: { id: string; name: string; hasPartner: boolean }[] }> {
  const [list, people, pairs] = await Promise.all([
    servicesToWaitFor(practiceId),
    db
      .select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName })
      .from(clients)
      .where(and(eq(clients.practiceId, practiceId), eq(clients.status, "active")))
      .orderBy(asc(clients.lastName), asc(clients.firstName))
      .limit(2000),
    db.select({ a: couples.clientAId, b: couples.clientBId }).from(couples).where(eq(couples.practiceId, practiceId)),
  ]);
  const partnered = new Set(pairs.flatMap((p) => [p.a, p.b]));
  return {
    options: { services: list, hasPartner: false },
    clients: people.map((c) => ({ id: c.id, name: `${c.lastName}, ${c.firstName}`, hasPartner: partnered.has(c.id) })),
  };
}

export interface OwnEntry {
  id: string;
  serviceName: string;
  clinicianName: string | null;
  couple: boolean;
  daysOfWeek: number[];
  timesOfDay: string[];
  rangeStartMinute: number | null;
  rangeEndMinute: number | null;
  status: "waiting" | "offered" | "booked" | "left" | "expired";
  joinedAt: Date;
  /** An offer open now, with this client's own link to it (they are signed in: the same link as the email's). */
  openOffer: { startsAt: Date; expiresAt: Date; url: string } | null;
}

/** The client's own places on the waitlist (theirs, or their couple's), live first. */
export async function listOwnWaitlist(client: Pick<Client, "id" | "practiceId">, now: Date): Promise<OwnEntry[]> {
  const practiceId = client.practiceId;
  const rows = await db
    .select({ entry: waitlistEntries, serviceName: services.name, clinicianName: members.displayName })
    .from(waitlistEntries)
    .innerJoin(services, and(eq(services.id, waitlistEntries.serviceId), eq(services.practiceId, practiceId)))
    .leftJoin(members, and(eq(members.id, waitlistEntries.memberId), eq(members.practiceId, practiceId)))
    .where(and(eq(waitlistEntries.practiceId, practiceId), or(eq(waitlistEntries.clientId, client.id), eq(waitlistEntries.partnerClientId, client.id))))
    .orderBy(desc(waitlistEntries.createdAt))
    .limit(50);
  const offered = rows.filter((r) => r.entry.status === "offered").map((r) => r.entry.id);
  const offers = offered.length
    ? await db
        .select()
        .from(waitlistOffers)
        .where(and(eq(waitlistOffers.practiceId, practiceId), inArray(waitlistOffers.entryId, offered), eq(waitlistOffers.status, "offered")))
    : [];
  const live = (s: string) => s === "waiting" || s === "offered";
  const list = rows.map(({ entry, serviceName, clinicianName }): OwnEntry => {
    const offer = offers.find((o) => o.entryId === entry.id && o.expiresAt > now);
    return {
      id: entry.id,
      serviceName,
      clinicianName,
      couple: entry.coupleId !== null,
      daysOfWeek: entry.daysOfWeek,
      timesOfDay: entry.timesOfDay,
      rangeStartMinute: entry.rangeStartMinute,
      rangeEndMinute: entry.rangeEndMinute,
      status: entry.status,
      joinedAt: entry.createdAt,
      openOffer: offer ? { startsAt: offer.startsAt, expiresAt: offer.expiresAt, url: `/waitlist/offer/${encodeURIComponent(signToken(TOKEN_PURPOSES.waitlistOffer, { offerId: offer.id, clientId: client.id }, offer.expiresAt))}` } : null,
    };
  });
  return [...list.filter((e) => live(e.status)), ...list.filter((e) => !live(e.status))];
}

/** The signed-in user's own active, confirmed client record at a practice (the booking page's "join the waitlist" goes there). */
export async function ownClientAt(practiceId: string, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.practiceId, practiceId), eq(clients.userId, userId), isNull(clients.unverifiedSince), eq(clients.status, "active")));
  return row?.id ?? null;
}

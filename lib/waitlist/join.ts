import { and, eq, inArray, or } from "drizzle-orm";
import { db } from "@/db/client";
import { clients, couples, serviceClinicians, services, waitlistEntries } from "@/db/schema";
import { byMember, recordAudit, type AuditEntry } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { pgError } from "@/lib/db/pg-error";
import { fieldError, zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { minuteOf, waitlistEntrySchema } from "./entry-schema";

const DUPLICATE = "Already on the waitlist for this service";

export type JoinResult = { ok: true; entryId: string } | { ok: false; errors: FieldErrors };

/** Staff add a client (or a couple) to the waitlist. Every id must be the practice's; bad input writes nothing. */
export function addToWaitlist(scope: PracticeScope, input: unknown, now: Date): Promise<JoinResult> {
  const parsed = waitlistEntrySchema.safeParse(input);
  if (!parsed.success) return Promise.resolve({ ok: false, errors: zodFieldErrors(parsed.error) });
  if (!parsed.data.clientId) return Promise.resolve(fieldError("clientId", "Choose a client"));
  return join(scope.practice.id, parsed.data.clientId, input, now, { createdBy: "staff", userId: scope.user.id, audit: (id, detail) => byMember(scope, "waitlist.add", { type: "waitlist_entry", id }, detail) });
}

/** A signed-in client joins from the portal (or the booking page, signed in) for themselves, or with their partner. */
export function joinWaitlist(practiceId: string, client: { clientId: string; userId: string }, input: unknown, now: Date): Promise<JoinResult> {
  return join(practiceId, client.clientId, input, now, {
    createdBy: "self",
    userId: client.userId,
    audit: (id, detail) => ({ practiceId, actor: { kind: "client", userId: client.userId }, action: "waitlist.join", subjectType: "waitlist_entry", subjectId: id, detail }),
  });
}

async function join(
  practiceId: string,
  clientId: string,
  input: unknown,
  now: Date,
  who: { createdBy: "self" | "staff"; userId: string; audit: (id: string, detail: Record<string, unknown>) => AuditEntry },
): Promise<JoinResult> {
  const parsed = waitlistEntrySchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const v = parsed.data;
  const [service] = await db.select().from(services).where(and(eq(services.id, v.serviceId), eq(services.practiceId, practiceId)));
  if (!service || service.archivedAt) return fieldError("serviceId", "Choose a service offered by this practice");
  const memberId = v.memberId ? v.memberId : null;
  if (memberId) {
    const [offers] = await db.select({ id: serviceClinicians.memberId }).from(serviceClinicians).where(and(eq(serviceClinicians.practiceId, practiceId), eq(serviceClinicians.serviceId, service.id), eq(serviceClinicians.memberId, memberId)));
    if (!offers) return fieldError("memberId", "Choose a clinician who offers this service");
  }
  const [client] = await db.select({ id: clients.id, status: clients.status }).from(clients).where(and(eq(clients.practiceId, practiceId), eq(clients.id, clientId)));
  if (!client || client.status !== "active") return fieldError("clientId", "Choose an active client of this practice");
  const asCouple = service.attendance === "couple" || (service.attendance === "either" && v.asCouple);
  if (service.attendance === "individual" && v.asCouple) return fieldError("asCouple", "This service is for one person");
  let partnerClientId: string | null = null;
  let coupleId: string | null = null;
  if (asCouple) {
    const [couple] = await db.select().from(couples).where(and(eq(couples.practiceId, practiceId), or(eq(couples.clientAId, clientId), eq(couples.clientBId, clientId))));
    if (!couple) return fieldError("clientId", "This is a couple service: the client must be linked with their partner first");
    coupleId = couple.id;
    partnerClientId = couple.clientAId === clientId ? couple.clientBId : couple.clientAId;
  }
  // A partner already waiting (on their own or as the couple) is the same place in line: one per person and service.
  const people = [clientId, partnerClientId].filter((x): x is string => x !== null);
  const [already] = await db
    .select({ id: waitlistEntries.id })
    .from(waitlistEntries)
    .where(
      and(
        eq(waitlistEntries.practiceId, practiceId),
        eq(waitlistEntries.serviceId, service.id),
        inArray(waitlistEntries.status, ["waiting", "offered"]),
        or(inArray(waitlistEntries.clientId, people), inArray(waitlistEntries.partnerClientId, people)),
      ),
    );
  if (already) return fieldError("serviceId", DUPLICATE);
  try {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(waitlistEntries)
        .values({
          practiceId,
          serviceId: service.id,
          memberId,
          clientId,
          partnerClientId,
          coupleId,
          daysOfWeek: [...new Set(v.daysOfWeek)].sort(),
          timesOfDay: [...new Set(v.timesOfDay)],
          rangeStartMinute: v.rangeStart ? minuteOf(v.rangeStart) : null,
          rangeEndMinute: v.rangeEnd ? minuteOf(v.rangeEnd) : null,
          createdBy: who.createdBy,
          createdByUserId: who.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: waitlistEntries.id });
      await recordAudit(who.audit(row!.id, { serviceId: service.id, clientId, ...(partnerClientId ? { partnerClientId } : {}) }), tx);
      return row!.id;
    });
    return { ok: true, entryId: id };
  } catch (error) {
    if (pgError(error)?.code === "23505") return fieldError("serviceId", DUPLICATE);
    throw error;
  }
}

import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { appointmentAttendees, assignments as homeworkAssignments, clients, fees, formAssignments, formTemplates, goodFaithEstimates, packagePurchases, payments, productOrders, sessionNotes, stripeCustomers, threads, treatmentPlans } from "@/db/schema";

/**
 * Folds an unverified record (made by a public booking) into the client
 * record its owner just proved they are: its sessions, payments, fees,
 * forms and homework move over, then it is deleted. Run only after the
 * address was proven. The kept record's own card stays; the booking's card
 * moves only if the kept record has none (it is the same person's card).
 * A form the kept record already has (measures aside) is not sent twice.
 * Date of birth and address typed at booking fill the kept record's gaps.
 */
export async function mergeUnverifiedInto(tx: Tx, input: { practiceId: string; fromId: string; intoId: string }): Promise<void> {
  const { practiceId, fromId, intoId } = input;
  // A session both records attend (never through the booking page) keeps one attendee.
  const both = await tx
    .select({ appointmentId: appointmentAttendees.appointmentId })
    .from(appointmentAttendees)
    .where(and(eq(appointmentAttendees.clientId, intoId), inArray(appointmentAttendees.appointmentId, tx.select({ id: appointmentAttendees.appointmentId }).from(appointmentAttendees).where(eq(appointmentAttendees.clientId, fromId)))));
  if (both.length > 0) {
    await tx.delete(appointmentAttendees).where(and(eq(appointmentAttendees.clientId, fromId), inArray(appointmentAttendees.appointmentId, both.map((b) => b.appointmentId))));
  }
  await tx.update(appointmentAttendees).set({ clientId: intoId }).where(and(eq(appointmentAttendees.practiceId, practiceId), eq(appointmentAttendees.clientId, fromId)));
  await tx.update(payments).set({ clientId: intoId }).where(and(eq(payments.practiceId, practiceId), eq(payments.clientId, fromId)));
  await tx.update(fees).set({ clientId: intoId }).where(and(eq(fees.practiceId, practiceId), eq(fees.clientId, fromId)));
  await tx.update(packagePurchases).set({ clientId: intoId }).where(and(eq(packagePurchases.practiceId, practiceId), eq(packagePurchases.clientId, fromId)));
  await tx.update(productOrders).set({ clientId: intoId }).where(and(eq(productOrders.practiceId, practiceId), eq(productOrders.clientId, fromId)));
  await tx.update(homeworkAssignments).set({ clientId: intoId }).where(and(eq(homeworkAssignments.practiceId, practiceId), eq(homeworkAssignments.clientId, fromId)));
  // Session notes move too (a session may have been held before the address was proven); signed notes are
  // locked, and the lock trigger (0038) allows only this move, for the record this transaction names.
  await tx.execute(sql`select set_config('tandem.merging_client', ${fromId}, true)`);
  await tx.update(sessionNotes).set({ clientId: intoId }).where(and(eq(sessionNotes.practiceId, practiceId), eq(sessionNotes.clientId, fromId)));
  await tx.update(sessionNotes).set({ partnerClientId: intoId }).where(and(eq(sessionNotes.practiceId, practiceId), eq(sessionNotes.partnerClientId, fromId)));
  await tx.execute(sql`select set_config('tandem.merging_client', '', true)`);
  // Treatment plans (decision 0051) follow the client, with their versions; deleting the record would
  // have cascaded them away. A record never proven has no portal, so it holds no plan signature.
  await tx.update(treatmentPlans).set({ clientId: intoId }).where(and(eq(treatmentPlans.practiceId, practiceId), eq(treatmentPlans.clientId, fromId)));
  await tx.update(treatmentPlans).set({ partnerClientId: intoId }).where(and(eq(treatmentPlans.practiceId, practiceId), eq(treatmentPlans.partnerClientId, fromId)));

  // Forms: unanswered ones the kept record already has (not measures, which repeat) are dropped.
  await tx.delete(formAssignments).where(
    and(
      eq(formAssignments.clientId, fromId),
      isNull(formAssignments.completedAt),
      sql`exists (select 1 from ${formTemplates} t where t.id = ${formAssignments.templateId} and t.kind <> 'measure')`,
      sql`exists (select 1 from form_assignments kept where kept.client_id = ${intoId} and kept.template_id = ${formAssignments.templateId})`,
    ),
  );
  await tx.update(formAssignments).set({ clientId: intoId }).where(and(eq(formAssignments.practiceId, practiceId), eq(formAssignments.clientId, fromId)));

  // Good Faith Estimates are kept, not lost with the booking's record (the trigger allows this move alone, decision 0053).
  await tx.update(goodFaithEstimates).set({ clientId: intoId }).where(and(eq(goodFaithEstimates.practiceId, practiceId), eq(goodFaithEstimates.clientId, fromId)));

  const [keptCard] = await tx.select({ id: stripeCustomers.clientId }).from(stripeCustomers).where(eq(stripeCustomers.clientId, intoId));
  if (!keptCard) await tx.update(stripeCustomers).set({ clientId: intoId }).where(and(eq(stripeCustomers.practiceId, practiceId), eq(stripeCustomers.clientId, fromId)));

  // What the booking asked for a superbill (decision 0043) fills what the kept record lacks; it never overwrites.
  const [from] = await tx.select().from(clients).where(and(eq(clients.id, fromId), eq(clients.practiceId, practiceId)));
  const [into] = await tx.select().from(clients).where(and(eq(clients.id, intoId), eq(clients.practiceId, practiceId)));
  if (from && into) {
    const fill = {
      ...(into.dateOfBirth === null && from.dateOfBirth !== null ? { dateOfBirth: from.dateOfBirth } : {}),
      // The insurance answer given at this booking is the newer one.
      ...(from.selfPay !== null ? { selfPay: from.selfPay } : {}),
      ...(into.addressLine1 === null && from.addressLine1 !== null
        ? { addressLine1: from.addressLine1, addressLine2: from.addressLine2, city: from.city, region: from.region, postalCode: from.postalCode, country: from.country }
        : {}),
    };
    if (Object.keys(fill).length > 0) await tx.update(clients).set(fill).where(eq(clients.id, intoId));
  }
  // Staff may have written in the booking record's own thread: it moves over when the kept record has
  // none yet (messages cannot be moved one by one, they are immutable, decision 0046).
  await tx
    .update(threads)
    .set({ clientId: intoId })
    .where(and(eq(threads.practiceId, practiceId), eq(threads.kind, "own"), eq(threads.clientId, fromId), sql`not exists (select 1 from threads k where k.kind = 'own' and k.client_id = ${intoId})`));
  await tx.delete(clients).where(and(eq(clients.id, fromId), eq(clients.practiceId, practiceId)));
}

import { db } from "@/db/client";
import { pgError } from "@/lib/db/pg-error";
import { conflict, invalid, notFound, type Conflict, type Invalid, type NotFound } from "@/lib/errors/domain-error";
import { zodFieldErrors } from "@/lib/form-result";
import { holdSchema } from "./booking-schema";
import { findSlots } from "./find-slots";
import { createAppointment } from "./lifecycle";
import { nextFreeTimes } from "./next-free-times";
import { TOKEN_PURPOSES, signToken } from "@/lib/tokens";
import type { Slot } from "./slot-types";

/** How long a chosen time is held while the visitor enters their details. */
export const HOLD_MINUTES = 10;

export type HoldResult =
  | { ok: true; appointmentId: string; holdToken: string; expiresAt: Date; slot: Slot }
  | Invalid
  | NotFound
  | Conflict<"taken" | "unavailable", { alternatives: Slot[] }>;

/**
 * Holds a time for a visitor: re-checks it with the same slot search the page
 * used, then inserts a `held` appointment. The database's exclusion
 * constraint decides a race; the loser hears "just taken" and gets the next
 * free times.
 */
export async function holdSlot(practiceId: string, input: unknown, now: Date): Promise<HoldResult> {
  const parsed = holdSchema.safeParse(input);
  if (!parsed.success) return invalid(zodFieldErrors(parsed.error));
  const { serviceId, clinicianId } = parsed.data;
  const start = new Date(parsed.data.start);

  const check = await findSlots({ practiceId, serviceId, clinicianId, from: start, to: new Date(start.getTime() + 1), now });
  if (!check) return notFound("That service is not offered.");
  const slot = check.slots.find((s) => s.start === start.getTime());
  if (!slot) {
    // Someone else holds it now, or the rules never offered it (past, outside hours…).
    const offered = await findSlots({ practiceId, serviceId, clinicianId, from: start, to: new Date(start.getTime() + 1), now, ignoreBusy: true });
    return offered?.slots.some((s) => s.start === start.getTime()) ? taken() : unavailable();
  }

  const service = check.rules.service;
  const expiresAt = new Date(now.getTime() + HOLD_MINUTES * 60_000);
  try {
    const appointmentId = await db.transaction((tx) =>
      createAppointment(tx, { practiceId, service, slot, status: "held", holdExpiresAt: expiresAt, now }),
    );
    return { ok: true, appointmentId, holdToken: signToken(TOKEN_PURPOSES.hold, { appointmentId }, expiresAt), expiresAt, slot };
  } catch (error) {
    if (pgError(error)?.code !== "23P01") throw error;
    return taken();
  }

  async function taken(): Promise<HoldResult> {
    const alternatives = await nextFreeTimes(practiceId, serviceId, clinicianId, start, now);
    return conflict("taken", "Sorry, that time was just taken. Here are the next free times.", { alternatives });
  }
  async function unavailable(): Promise<HoldResult> {
    const alternatives = await nextFreeTimes(practiceId, serviceId, clinicianId, start, now);
    return conflict("unavailable", "That time is not available. Please choose another time.", { alternatives });
  }
}

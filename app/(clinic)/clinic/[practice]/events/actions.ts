"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/actions/member-action";
import { cancelEvent, createEvent, markAttendance, sendMaterials, updateEvent } from "@/lib/events/manage-events";
import { cancelRegistrationById } from "@/lib/events/seats";
import { domainFormErrors } from "@/lib/http/domain-error-response";

// Thin: the wrapper guards (events.manage); the domain validates with the forms' own schemas (lib/events/event-schema.ts).

export const createEventAction = memberAction("events.manage", z.tuple([z.unknown()]), async (scope, [input]) => {
  const result = await createEvent(scope, input, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}/events`);
  return { ok: true as const, eventId: result.eventId };
});

export const updateEventAction = memberAction("events.manage", z.tuple([z.uuid(), z.unknown()]), async (scope, [eventId, input]) => {
  const result = await updateEvent(scope, eventId, input, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}/events`, "layout");
  return { ok: true as const, eventId: result.eventId, notified: result.notified };
});

export const cancelEventAction = memberAction("events.manage", z.tuple([z.uuid()]), async (scope, [eventId]) => {
  const result = await cancelEvent(scope, eventId, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}/events/${eventId}`);
  return { ok: true as const };
});

export const cancelRegistrationAction = memberAction("events.manage", z.tuple([z.uuid(), z.uuid()]), async (scope, [eventId, registrationId]) => {
  const result = await cancelRegistrationById(scope.practice.id, registrationId, { kind: "member", userId: scope.user.id }, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}/events/${eventId}`);
  return { ok: true as const };
});

export const markAttendanceAction = memberAction("events.manage", z.tuple([z.uuid(), z.unknown()]), async (scope, [eventId, input]) => {
  const result = await markAttendance(scope, eventId, input, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}/events/${eventId}`);
  return { ok: true as const };
});

export const sendMaterialsAction = memberAction("events.manage", z.tuple([z.uuid(), z.unknown()]), async (scope, [eventId, input]) => {
  const result = await sendMaterials(scope, eventId, input, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}/events/${eventId}`);
  return { ok: true as const, sent: result.sent };
});

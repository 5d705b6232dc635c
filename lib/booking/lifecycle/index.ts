/**
 * lib/booking/lifecycle: the one owner of an appointment's states.
 *
 * - ./transitions.ts: the table of allowed moves, labels, lateness (pure).
 * - ./moves.ts: the transition functions (createAppointment, awaitPayment,
 *   confirm, cancel, reschedule, complete, markNoShow, expire,
 *   expireLapsedHolds), each inside the caller's transaction, each writing
 *   its outbox row in that transaction.
 * - ./outbox.ts: the outbox's effects per change, the claim and retry policy.
 *
 * Dependency rule: lib/booking never imports lib/billing. Billing calls
 * `confirm(tx, …)` / `expire(tx, …)` from here; the effects that need
 * billing (the cancellation policy) are handed in by the layer above
 * (lib/jobs/appointment-events.ts). tests/unit/booking-billing-imports.test.ts keeps it so.
 */
export * from "./moves";
export { EVENT_EFFECTS, EVENT_KINDS, MAX_ATTEMPTS, runEvents, type EffectHandlers, type EffectName, type EventKind, type RunSummary } from "./outbox";
export { LIVE_STATUSES, STATUS_LABELS, TRANSITIONS, canTransition, isLateCancellation, sourcesOf } from "./transitions";

import { DateTime } from "luxon";
import { computeSlots } from "@/lib/booking/compute-slots";
import type { ClinicianSchedule, Interval, SlotQuery } from "@/lib/booking/slot-types";
import { log, printResult } from "./lib";

/**
 * `npm run bench:slots`: the pure slot engine alone. 60 days at a 15-minute
 * step for 3 clinicians (weekday hours plus a Saturday morning, a day off and
 * a closure), 2,000 existing appointments spread over those days, across the
 * start of US daylight saving (8 March 2026 in Los Angeles). p50/p95 over 300 runs.
 */
const RUNS = 300;
const WARMUP = 20;
const ZONE = "America/Los_Angeles";
const from = DateTime.fromISO("2026-02-20T00:00", { zone: ZONE });
const to = from.plus({ days: 60 });

// A deterministic pseudo-random sequence, so every run measures the same input.
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

const clinicians: ClinicianSchedule[] = ["c1", "c2", "c3"].map((memberId, i) => ({
  memberId,
  weekly: [
    ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 8 * 60 + i * 30, endMinute: 18 * 60, timeZone: ZONE, locationId: i === 2 ? "loc-b" : "loc-a" })),
    { weekday: 6, startMinute: 9 * 60, endMinute: 13 * 60, timeZone: ZONE, locationId: "loc-a" },
  ],
  overrides: [
    { date: from.plus({ days: 10 + i }).toISODate()!, kind: "unavailable" as const, startMinute: null, endMinute: null, timeZone: ZONE, locationId: null },
    { date: from.plus({ days: 20 + i }).toISODate()!, kind: "available" as const, startMinute: 18 * 60, endMinute: 21 * 60, timeZone: ZONE, locationId: null },
  ],
  busy: [],
}));

// 2,000 appointments: 50 minutes + 10 minutes buffer, on the quarter hour inside working hours.
const APPOINTMENTS = 2000;
for (let n = 0; n < APPOINTMENTS; n++) {
  const c = clinicians[n % 3]!;
  const day = from.plus({ days: Math.floor(random() * 60) });
  const start = day.set({ hour: 8, minute: 0 }).plus({ minutes: Math.floor(random() * 40) * 15 });
  c.busy.push({ start: start.toMillis(), end: start.plus({ minutes: 60 }).toMillis() });
}
for (const c of clinicians) c.busy.sort((a, b) => a.start - b.start);

const closures: Interval[] = [{ start: from.plus({ days: 30 }).toMillis(), end: from.plus({ days: 31 }).toMillis() }];
const query: SlotQuery = {
  service: { durationMinutes: 50, bufferBeforeMinutes: 0, bufferAfterMinutes: 10, minNoticeMinutes: 120, horizonDays: 90, slotStepMinutes: 15 },
  clinicians,
  closures,
  from: from.toMillis(),
  to: to.toMillis(),
  now: from.minus({ days: 1 }).toMillis(),
};

log(`${RUNS} runs, 60 days, 3 clinicians, ${APPOINTMENTS} appointments, ${from.toISODate()} – ${to.toISODate()} (${from.toFormat("ZZZZ")} → ${to.toFormat("ZZZZ")})`);
let slots = 0;
for (let i = 0; i < WARMUP; i++) slots = computeSlots(query).length;
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const started = performance.now();
  slots = computeSlots(query).length;
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const pct = (p: number) => Math.round(times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]! * 100) / 100;
const result = {
  bench: "slots",
  runs: RUNS,
  days: 60,
  stepMinutes: 15,
  clinicians: 3,
  appointments: APPOINTMENTS,
  dstChangeInRange: from.offset !== to.offset,
  slotsReturned: slots,
  p50Ms: pct(50),
  p95Ms: pct(95),
  maxMs: pct(100),
  targetP95Ms: 20,
  pass: pct(95) < 20,
};
printResult(result);
process.exit(result.pass ? 0 : 1);

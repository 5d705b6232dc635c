import { DateTime } from "luxon";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDateTime, formatTime, localDate, zoneLabel } from "@/lib/dates";
import type { AlternativeSlot, HoldConflictResponse, WireSlot } from "@/lib/booking/public-api";
import type { PublicService } from "@/lib/booking/public-services";

/** A refused hold as the time step shows it: the server's message and the next free times. */
export type Conflict = { message: string | undefined; alternatives: HoldConflictResponse["alternatives"] };

/** Step 3: a week of free times, grouped by day in the zone the visitor chose. */
export function TimeStep({
  service,
  clinicianId,
  clinicianName,
  practiceZone,
  visitorZone,
  zone,
  useClinicZone,
  onUseClinicZone,
  range,
  weekOffset,
  onWeek,
  slots,
  slotsError,
  conflict,
  holding,
  onChoose,
  onBack,
}: {
  service: PublicService;
  clinicianId: string;
  clinicianName: string;
  practiceZone: string;
  visitorZone: string | null;
  zone: string;
  useClinicZone: boolean;
  onUseClinicZone: (clinic: boolean) => void;
  range: { from: DateTime; to: DateTime };
  weekOffset: number;
  onWeek: (delta: -1 | 1) => void;
  slots: WireSlot[] | null;
  slotsError: string | null;
  conflict: Conflict | null;
  holding: boolean;
  onChoose: (slot: AlternativeSlot) => void;
  onBack: () => void;
}) {
  const days = useMemo(() => {
    const byDay = new Map<string, WireSlot[]>();
    for (let d = 0; d < 7; d++) byDay.set(range.from.plus({ days: d }).toISODate()!, []);
    for (const s of slots ?? []) byDay.get(localDate(s.start, zone))?.push(s);
    return [...byDay.entries()];
  }, [slots, range, zone]);

  return (
    <Card>
      <h2 className="text-xl font-semibold">Choose a time</h2>
      <p className="text-sm text-muted">
        {service.name} · {service.durationMinutes} min{clinicianId !== "any" ? ` · with ${clinicianName}` : ""}
      </p>
      {visitorZone && visitorZone !== practiceZone ? (
        <fieldset className="mt-3">
          <legend className="text-sm font-medium">Show times in</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" name="zone" checked={!useClinicZone} onChange={() => onUseClinicZone(false)} className="h-5 w-5 accent-brand" />
              Your time: {zoneLabel(visitorZone)}
            </label>
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" name="zone" checked={useClinicZone} onChange={() => onUseClinicZone(true)} className="h-5 w-5 accent-brand" />
              Clinic time: {zoneLabel(practiceZone)}
            </label>
          </div>
        </fieldset>
      ) : (
        <p className="mt-2 text-sm text-muted">Times in {zoneLabel(zone)}</p>
      )}
      {conflict ? (
        <div role="alert" className="mt-3 rounded-md border border-warn/40 bg-warn-soft p-3 text-warn">
          <p className="font-medium">{conflict.message}</p>
          {conflict.alternatives.length > 0 ? (
            <ul className="mt-2 flex flex-wrap gap-2" aria-label="Next free times">
              {conflict.alternatives.map((s) => (
                <li key={`${s.start}-${s.clinicianId}`}>
                  <Button variant="secondary" size="sm" disabled={holding} onClick={() => onChoose(s)}>
                    {formatDateTime(s.start, zone)}
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="mt-4 flex items-center justify-between gap-2">
        <Button variant="secondary" size="sm" disabled={weekOffset === 0} onClick={() => onWeek(-1)}>
          Earlier
        </Button>
        <span className="text-sm font-medium" aria-live="polite">
          {range.from.toFormat("d LLL")} – {range.to.minus({ days: 1 }).toFormat("d LLL yyyy")}
        </span>
        <Button variant="secondary" size="sm" onClick={() => onWeek(1)}>
          Later
        </Button>
      </div>
      {slotsError ? (
        <p role="alert" className="mt-3 text-danger">
          {slotsError}
        </p>
      ) : slots === null ? (
        <p className="mt-3 text-muted" aria-live="polite">
          Loading times…
        </p>
      ) : (
        <div className="mt-3 space-y-4">
          {days.map(([date, daySlots]) => (
            <section key={date} aria-label={DateTime.fromISO(date).toFormat("cccc d LLLL")}>
              <h3 className="font-medium">{DateTime.fromISO(date).toFormat("cccc d LLLL")}</h3>
              {daySlots.length === 0 ? (
                <p className="text-sm text-muted">No times</p>
              ) : (
                <ul className="mt-1 grid grid-cols-3 gap-2 sm:grid-cols-6">
                  {daySlots.map((s) => (
                    <li key={`${s.start}-${s.clinicianId}`}>
                      <Button variant="secondary" size="sm" className="w-full" disabled={holding} onClick={() => onChoose(s)}>
                        {formatTime(s.start, zone)}
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      )}
      <Button variant="ghost" className="mt-3" onClick={onBack}>
        Back
      </Button>
    </Card>
  );
}

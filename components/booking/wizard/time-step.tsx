import { DateTime } from "luxon";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDateTime, formatTime, localDate, zoneLabel } from "@/lib/dates";
import type { AlternativeSlot, HoldConflictResponse, WireSlot } from "@/lib/booking/public-api";
import type { PublicService } from "@/lib/booking/public-services";
import { DayStrip } from "./day-strip";
import { placeLabel, type WizardLocation } from "./place";

/** A refused hold as the time step shows it: the server's message and the next free times. */
export type Conflict = { message: string | undefined; alternatives: HoldConflictResponse["alternatives"] };

/**
 * Step 3: one day's free times at a time, picked from a strip of the week's
 * days, in the zone the visitor chose, with where the session happens.
 */
export function TimeStep({
  service,
  clinicianId,
  clinicianName,
  locations,
  practiceZone,
  visitorZone,
  zone,
  locale,
  useClinicZone,
  onUseClinicZone,
  range,
  weekOffset,
  onWeek,
  date,
  onDate,
  slots,
  slotsError,
  conflict,
  holding,
  onChoose,
  onBack,
  waitlistHref,
}: {
  service: PublicService;
  clinicianId: string;
  clinicianName: string;
  locations: readonly WizardLocation[];
  practiceZone: string;
  visitorZone: string | null;
  zone: string;
  /** The practice's locale: the clock its times read in. */
  locale: string | null;
  useClinicZone: boolean;
  onUseClinicZone: (clinic: boolean) => void;
  range: { from: DateTime; to: DateTime };
  weekOffset: number;
  onWeek: (delta: -1 | 1) => void;
  /** The day asked for (from the address); null or outside the week: the first day with times. */
  date: string | null;
  onDate: (date: string) => void;
  slots: WireSlot[] | null;
  slotsError: string | null;
  conflict: Conflict | null;
  /** Where "Nothing suits? Join the waitlist" leads (decision 0057). */
  waitlistHref: string;
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
  const shown = days.find(([d]) => d === date) ?? days.find(([, list]) => list.length > 0) ?? days[0]!;
  const [shownDate, shownSlots] = shown;
  // Times grouped by where they are (a clinician can be at two sites in one day).
  const byPlace = useMemo(() => {
    const groups = new Map<string | null, WireSlot[]>();
    for (const s of shownSlots) groups.set(s.locationId, [...(groups.get(s.locationId) ?? []), s]);
    return [...groups.entries()];
  }, [shownSlots]);
  const dayName = DateTime.fromISO(shownDate).toFormat("cccc d LLLL");
  const onePlace = byPlace.length <= 1 ? placeLabel(service.format, byPlace[0]?.[0] ?? null, locations) : null;

  return (
    <Card>
      <h2 className="text-xl font-semibold">Choose a time</h2>
      <p className="text-sm text-muted">
        {service.name} · {service.durationMinutes} min{clinicianId !== "any" ? ` · with ${clinicianName}` : ""}
      </p>
      {onePlace ? (
        <p className="mt-1 text-sm">
          <span className="font-medium">Where:</span> {onePlace}
        </p>
      ) : null}
      {visitorZone && visitorZone !== practiceZone ? (
        <fieldset className="mt-3">
          <legend className="text-sm font-medium">Show times in</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" name="zone" checked={!useClinicZone} onChange={() => onUseClinicZone(false)} className="h-5 w-5 accent-brand" />
              Your time: {zoneLabel(visitorZone, undefined, locale)}
            </label>
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" name="zone" checked={useClinicZone} onChange={() => onUseClinicZone(true)} className="h-5 w-5 accent-brand" />
              Clinic time: {zoneLabel(practiceZone, undefined, locale)}
            </label>
          </div>
        </fieldset>
      ) : (
        <p className="mt-2 text-sm text-muted">Times in {zoneLabel(zone, undefined, locale)}</p>
      )}
      {conflict ? (
        <div role="alert" className="mt-3 rounded-md border border-warn/40 bg-warn-soft p-3 text-warn">
          <p className="font-medium">{conflict.message}</p>
          {conflict.alternatives.length > 0 ? (
            <ul className="mt-2 flex flex-wrap gap-2" aria-label="Next free times">
              {conflict.alternatives.map((s) => (
                <li key={`${s.start}-${s.clinicianId}`}>
                  <Button variant="secondary" size="sm" disabled={holding} onClick={() => onChoose(s)}>
                    {formatDateTime(s.start, { zone, locale })}
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
        <>
          <DayStrip days={days.map(([d, list]) => ({ date: d, count: list.length }))} selected={shownDate} onSelect={onDate} />
          <section aria-label={dayName} className="mt-2">
            <h3 className="font-medium">{dayName}</h3>
            {shownSlots.length === 0 ? (
              <p className="text-sm text-muted">No times this day{days.some(([, l]) => l.length > 0) ? "; pick another day above." : ". Try later dates."}</p>
            ) : (
              byPlace.map(([locationId, list]) => (
                <div key={locationId ?? "none"} className="mt-1">
                  {onePlace ? null : <h4 className="mt-2 text-sm font-medium">At {placeLabel(service.format, locationId, locations)}</h4>}
                  <ul className="mt-1 grid grid-cols-3 gap-2 sm:grid-cols-6">
                    {list.map((s) => (
                      <li key={`${s.start}-${s.clinicianId}`}>
                        <Button variant="secondary" size="sm" className="w-full" disabled={holding} onClick={() => onChoose(s)}>
                          {formatTime(s.start, { zone, locale })}
                        </Button>
                      </li>
                    ))}
                  </ul>
                </div>
              ))
            )}
          </section>
        </>
      )}
      <p className="mt-4 text-sm">
        Nothing suits?{" "}
        <a href={waitlistHref} className="text-brand underline underline-offset-2">
          Join the waitlist
        </a>{" "}
        and we will email you when a time opens.
      </p>
      <Button variant="ghost" className="mt-3" onClick={onBack}>
        Back
      </Button>
    </Card>
  );
}

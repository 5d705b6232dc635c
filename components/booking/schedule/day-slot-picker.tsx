"use client";

import { DateTime } from "luxon";
import { useEffect, useId, useState } from "react";
import { cn } from "@/components/ui/cn";
import { formatTime, inZone } from "@/lib/dates";
import type { DaySlotsResult } from "@/lib/booking/staff-book";

function wallInstant(date: string, time: string, zone: string): Date {
  return DateTime.fromISO(`${date}T${time}`, { zone }).toJSDate();
}

/**
 * The free times of one local date as a radio group. `load` fetches them
 * (a server action); it runs again whenever `load`, `date` or `version`
 * changes, and only when `ready`. Times show in the practice's zone.
 */
export function DaySlotPicker({
  ready,
  notReadyText,
  date,
  version = 0,
  load,
  timeZone,
  locale,
  selected,
  onSelect,
  error,
  prefer,
}: {
  ready: boolean;
  notReadyText: string;
  date: string;
  version?: number;
  load: (date: string) => Promise<DaySlotsResult>;
  timeZone: string;
  /** The practice's locale: its clock ("2:30 PM", "14:30"). */
  locale?: string;
  selected: string;
  onSelect: (start: string) => void;
  error?: string;
  /** A wall-clock time ("14:30") to choose once the times load, when it is one of them (an empty time clicked on the schedule). */
  prefer?: string;
}) {
  const id = useId();
  const key = ready && date ? `${date}|${version}` : null;
  const [loaded, setLoaded] = useState<{ key: string; load: typeof load; result: DaySlotsResult } | null>(null);

  useEffect(() => {
    if (!key) return;
    let cancelled = false;
    load(date).then(
      (result) => {
        if (cancelled) return;
        setLoaded({ key, load, result });
        const match = prefer && result.ok ? result.slots.find((s) => inZone(s, timeZone).toFormat("HH:mm") === prefer) : undefined;
        if (match) onSelect(match);
      },
      () => !cancelled && setLoaded({ key, load, result: { ok: false, message: "Times could not be loaded. Check your connection and try again." } }),
    );
    return () => {
      cancelled = true;
    };
    // `prefer`, `onSelect` and `timeZone` are read when the times arrive, not a reason to fetch them again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, load, date]);

  const current = loaded && key && loaded.key === key && loaded.load === load ? loaded.result : null;
  const errorId = error ? `${id}-error` : undefined;
  const missed = prefer && current?.ok && !current.slots.some((s) => inZone(s, timeZone).toFormat("HH:mm") === prefer) ? prefer : null;

  return (
    <fieldset className="space-y-2" aria-describedby={errorId}>
      <legend className="text-sm font-medium">Time ({timeZone.replace(/_/g, " ")})</legend>
      {!key ? (
        <p className="text-sm text-muted">{notReadyText}</p>
      ) : !current ? (
        <p className="text-sm text-muted" role="status">
          Loading times…
        </p>
      ) : !current.ok ? (
        <p className="text-sm font-medium text-danger" role="alert">
          {current.message}
        </p>
      ) : current.slots.length === 0 ? (
        <p className="text-sm text-muted" role="status">
          No free times on this date. Try another date.
        </p>
      ) : (
        <ul className="grid grid-cols-3 gap-2 sm:grid-cols-6" aria-label="Free times">
          {current.slots.map((start) => (
            <li key={start}>
              <label
                className={cn(
                  "flex min-h-11 cursor-pointer items-center justify-center gap-2 rounded-md border px-2 text-sm font-medium",
                  selected === start ? "border-brand bg-brand-soft text-brand-strong" : "border-line bg-surface hover:border-brand",
                )}
              >
                <input
                  type="radio"
                  name={`${id}-time`}
                  value={start}
                  checked={selected === start}
                  onChange={() => onSelect(start)}
                  className="h-4 w-4 accent-brand"
                />
                {formatTime(start, { zone: timeZone, locale })}
              </label>
            </li>
          ))}
        </ul>
      )}
      {missed && current?.ok ? (
        <p className="text-sm text-muted" role="status">
          {formatTime(wallInstant(date, missed, timeZone), { zone: timeZone, locale })} is not a free time with this clinician for this service. Choose another time, or book
          outside availability below.
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-danger" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

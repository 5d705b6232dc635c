"use client";

import { DateTime } from "luxon";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { cancelAction, manageSlotsAction, rescheduleAction } from "@/app/manage/[token]/actions";
import { Button } from "@/components/ui/button";
import { ConfirmButton, ConfirmDialog } from "@/components/ui/confirm-dialog";
import { emailedLine } from "@/lib/booking/emailed-line";
import { formatCalendarDay, formatDateTime, formatTime, localDate, zoneLabel, type Reader } from "@/lib/dates";

/**
 * The attendee's own changes from their emailed link. A tap on a time, or
 * on Cancel, asks once in the confirm dialog what will happen (who is
 * emailed, what is refunded or owed) before anything moves (decision 0034);
 * the server action re-checks the link and the rules.
 */
export function ManageAppointment({
  canChange,
  token,
  timeZone,
  clinicTimeZone = timeZone,
  locale = null,
  lateNow,
  windowHours,
  lateFee,
  when,
  emailed,
  cancelEffects,
}: {
  /** False once the session is cancelled, past or otherwise settled: only the last notice shows. */
  canChange: boolean;
  token: string;
  /** The reader's zone (the one they booked in): every time here reads in it. */
  timeZone: string;
  /** The clinic's zone, noted beside a chosen time when its clock differs. */
  clinicTimeZone?: string;
  /** The practice's locale (lib/dates/locales.ts): the clock the times read in. */
  locale?: string | null;
  lateNow: boolean;
  windowHours: number;
  lateFee: string | null;
  /** The session's current time. */
  when: string;
  /** Who gets the email about a change: "You" and the partner's name, for those with an address. */
  emailed: string[];
  /** What cancelling now does to the money (lib/billing/cancellation-policy). */
  cancelEffects: string[];
}) {
  const router = useRouter();
  const [mode, setMode] = useState<"idle" | "reschedule">("idle");
  const [chosen, setChosen] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const reader: Reader = { zone: timeZone, practiceZone: clinicTimeZone, locale };

  function run(action: () => Promise<{ ok: boolean; message?: string; late?: boolean }>, success: (r: { late?: boolean }) => string) {
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) return setError(result.message ?? "That did not work. Please try again.");
      setMessage(success(result));
      setMode("idle");
      router.refresh();
    });
  }

  if (!canChange && !message) return null;
  return (
    <div className="mt-6 space-y-4">
      {message ? (
        <p role="status" className="rounded-md bg-ok-soft px-3 py-2 text-ok">
          {message}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-danger">
          {error}
        </p>
      ) : null}
      {canChange && mode === "idle" ? (
        <div className="flex flex-wrap gap-2">
          {lateNow ? null : <Button onClick={() => setMode("reschedule")}>Reschedule</Button>}
          <ConfirmButton
            label="Cancel session"
            variant="secondary"
            size="md"
            disabled={pending}
            title="Cancel this session?"
            description={
              <>
                <p>Your session on {when} is cancelled.</p>
                {lateNow ? (
                  <p className="font-medium text-warn">
                    This is within {windowHours} hours of the start, so it counts as a late cancellation
                    {lateFee ? ` and a fee of ${lateFee} applies` : ""}.
                  </p>
                ) : (
                  <p>There is no charge for cancelling now.</p>
                )}
                {cancelEffects.map((line) => (
                  <p key={line}>{line}</p>
                ))}
                <p>{emailedLine(emailed, "that it is cancelled")}</p>
              </>
            }
            cancelLabel="Keep my session"
            confirmLabel={lateNow ? "Cancel and accept the fee" : "Cancel the session"}
            onConfirm={() =>
              run(
                () => cancelAction(token),
                (r) => (r.late ? "Your session is cancelled. The late-cancellation policy applies." : "Your session is cancelled."),
              )
            }
          />
        </div>
      ) : null}
      {canChange && lateNow ? <p className="text-sm text-muted">This session starts within {windowHours} hours, so it can no longer be moved online.</p> : null}
      {canChange && mode === "reschedule" ? <ReschedulePicker token={token} timeZone={timeZone} clinicTimeZone={clinicTimeZone} locale={locale} pending={pending} onPick={setChosen} onClose={() => setMode("idle")} /> : null}
      <ConfirmDialog
        open={chosen !== null}
        onOpenChange={(open) => (open ? null : setChosen(null))}
        title="Move your session?"
        description={
          <>
            <p>
              From {when} to <strong>{chosen ? formatDateTime(chosen, reader) : ""}</strong>.
            </p>
            <p>Nothing is charged or refunded.</p>
            <p>{emailedLine(emailed, "an updated invitation")}</p>
          </>
        }
        confirmVariant="primary"
        cancelLabel="Keep the current time"
        confirmLabel={chosen ? `Move to ${formatDateTime(chosen, reader)}` : "Move"}
        onConfirm={() => {
          const start = chosen;
          setChosen(null);
          if (start) run(() => rescheduleAction(token, { start }), () => `Moved to ${formatDateTime(start, reader)}. We emailed an updated invitation.`);
        }}
      />
    </div>
  );
}

function ReschedulePicker({
  token,
  timeZone,
  clinicTimeZone,
  locale,
  pending,
  onPick,
  onClose,
}: {
  token: string;
  timeZone: string;
  clinicTimeZone: string;
  locale: string | null;
  pending: boolean;
  onPick: (start: string) => void;
  onClose: () => void;
}) {
  const [week, setWeek] = useState(0);
  const [loaded, setLoaded] = useState<{ key: string; slots: string[] | null; error: string | null } | null>(null);
  const from = DateTime.now().setZone(timeZone).startOf("day").plus({ weeks: week });
  const fromIso = from.toISO()!;
  const toIso = from.plus({ days: 7 }).toISO()!;
  // A previous week's answer is not this week's: until it arrives, show "loading".
  const key = `${fromIso}/${toIso}`;
  const slots = loaded?.key === key ? loaded.slots : null;
  const error = loaded?.key === key ? loaded.error : null;

  useEffect(() => {
    let cancelled = false;
    manageSlotsAction(token, fromIso, toIso).then((r) => {
      if (cancelled) return;
      setLoaded(r.ok ? { key: `${fromIso}/${toIso}`, slots: r.slots, error: null } : { key: `${fromIso}/${toIso}`, slots: null, error: r.message });
    });
    return () => {
      cancelled = true;
    };
  }, [token, fromIso, toIso]);

  const days = new Map<string, string[]>();
  for (let d = 0; d < 7; d++) days.set(from.plus({ days: d }).toISODate()!, []);
  for (const s of slots ?? []) days.get(localDate(s, timeZone))?.push(s);

  return (
    <div className="rounded-lg border border-line p-4">
      <h2 className="font-semibold">Choose a new time</h2>
      <p className="text-sm text-muted">
        {clinicTimeZone === timeZone ? `Times in ${zoneLabel(timeZone, from.toMillis(), locale)}.` : `Times in your time zone, ${zoneLabel(timeZone, from.toMillis(), locale)}. Clinic time: ${zoneLabel(clinicTimeZone, from.toMillis(), locale)}.`}
      </p>
      <div className="mt-3 flex items-center justify-between">
        <Button variant="secondary" size="sm" disabled={week === 0} onClick={() => setWeek((w) => w - 1)}>
          Earlier
        </Button>
        <span className="text-sm font-medium">{from.toFormat("d LLL")} – {from.plus({ days: 6 }).toFormat("d LLL")}</span>
        <Button variant="secondary" size="sm" onClick={() => setWeek((w) => w + 1)}>
          Later
        </Button>
      </div>
      {error ? <p role="alert" className="mt-2 text-danger">{error}</p> : null}
      {slots === null && !error ? <p className="mt-2 text-muted">Loading times…</p> : null}
      <div className="mt-3 space-y-3">
        {slots
          ? [...days.entries()].map(([date, list]) => (
              <section key={date} aria-label={formatCalendarDay(date, locale)}>
                <h3 className="text-sm font-medium">{formatCalendarDay(date, locale)}</h3>
                {list.length === 0 ? (
                  <p className="text-sm text-muted">No times</p>
                ) : (
                  <ul className="mt-1 grid grid-cols-3 gap-2 sm:grid-cols-6">
                    {list.map((s) => (
                      <li key={s}>
                        <Button variant="secondary" size="sm" className="w-full" disabled={pending} onClick={() => onPick(s)}>
                          {formatTime(s, { zone: timeZone, locale })}
                        </Button>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ))
          : null}
      </div>
      <Button variant="ghost" className="mt-3" onClick={onClose}>
        Close
      </Button>
    </div>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import {
  cancelAppointmentAction,
  recordOutcomeAction,
  rescheduleAppointmentAction,
  rescheduleSlotsAction,
} from "@/app/(clinic)/clinic/[practice]/schedule/actions";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { formatDateTime, localDate } from "@/lib/dates";
import { DaySlotPicker } from "./day-slot-picker";

type Outcome = { ok: true; message: string } | { ok: false; message: string; alternatives?: string[] };

/**
 * What staff can do with one appointment: before it starts, reschedule or
 * cancel (waiving the late fee if they choose); once it has started, mark it
 * completed or a no-show. Each button calls a server action that checks
 * membership and says plainly what happened.
 */
export function AppointmentActions({
  practiceSlug,
  appointmentId,
  timeZone,
  today,
  appointmentDate,
  canChange,
  canRecordOutcome,
  lateNow,
  windowHours,
  lateFee,
}: {
  practiceSlug: string;
  appointmentId: string;
  timeZone: string;
  today: string;
  appointmentDate: string;
  canChange: boolean;
  canRecordOutcome: boolean;
  lateNow: boolean;
  windowHours: number;
  lateFee: string | null;
}) {
  const router = useRouter();
  const [mode, setMode] = useState<"idle" | "cancel" | "reschedule">("idle");
  const [waiveFee, setWaiveFee] = useState(false);
  const [date, setDate] = useState(appointmentDate < today ? today : appointmentDate);
  const [version, setVersion] = useState(0);
  const [picked, setPicked] = useState("");
  const [alternatives, setAlternatives] = useState<string[]>([]);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const load = useCallback((d: string) => rescheduleSlotsAction(practiceSlug, appointmentId, d), [practiceSlug, appointmentId]);

  function run(action: () => Promise<Outcome>) {
    setNotice(null);
    startTransition(async () => {
      const result = await action();
      setNotice({ ok: result.ok, text: result.message });
      if (result.ok) {
        setMode("idle");
        router.refresh();
      } else {
        setAlternatives(result.alternatives ?? []);
        setPicked("");
        setVersion((v) => v + 1);
      }
    });
  }

  if (!canChange && !canRecordOutcome && !notice) return null;

  return (
    <section aria-labelledby="appointment-actions" className="space-y-4">
      <h2 id="appointment-actions" className="font-semibold">
        Actions
      </h2>
      {notice ? (
        <p role={notice.ok ? "status" : "alert"} className={notice.ok ? "rounded-md bg-ok-soft px-3 py-2 text-ok" : "rounded-md bg-danger-soft px-3 py-2 text-danger"}>
          {notice.text}
        </p>
      ) : null}

      {mode === "idle" ? (
        <div className="flex flex-wrap gap-2">
          {canChange ? (
            <>
              <Button onClick={() => (setMode("reschedule"), setNotice(null))}>Reschedule</Button>
              <Button variant="secondary" onClick={() => (setMode("cancel"), setNotice(null))}>
                Cancel appointment
              </Button>
            </>
          ) : null}
          {canRecordOutcome ? (
            <>
              <Button disabled={pending} onClick={() => run(() => recordOutcomeAction(practiceSlug, appointmentId, "completed"))}>
                Mark completed
              </Button>
              <Button variant="secondary" disabled={pending} onClick={() => run(() => recordOutcomeAction(practiceSlug, appointmentId, "no_show"))}>
                Mark no-show
              </Button>
            </>
          ) : null}
        </div>
      ) : null}

      {mode === "cancel" ? (
        <div className="space-y-3 rounded-lg border border-line p-4">
          <h3 className="font-semibold">Cancel this appointment?</h3>
          {lateNow ? (
            <>
              <p className="text-warn">
                It starts within {windowHours} hours, so it counts as a late cancellation{lateFee ? ` (fee ${lateFee})` : ""} unless you waive it.
              </p>
              <label className="flex min-h-11 items-center gap-2">
                <input type="checkbox" checked={waiveFee} onChange={(e) => setWaiveFee(e.target.checked)} className="h-5 w-5 accent-brand" />
                Waive the late-cancellation fee
              </label>
            </>
          ) : (
            <p>It is outside the {windowHours}-hour cancellation window: no fee applies.</p>
          )}
          <p className="text-sm text-muted">The attendees are emailed that it is cancelled.</p>
          <div className="flex flex-wrap gap-2">
            <Button variant="danger" disabled={pending} onClick={() => run(() => cancelAppointmentAction(practiceSlug, appointmentId, { waiveFee }))}>
              {pending ? "Cancelling…" : "Confirm cancellation"}
            </Button>
            <Button variant="secondary" onClick={() => setMode("idle")}>
              Keep appointment
            </Button>
          </div>
        </div>
      ) : null}

      {mode === "reschedule" ? (
        <div className="space-y-3 rounded-lg border border-line p-4">
          <h3 className="font-semibold">Move to another time</h3>
          <p className="text-sm text-muted">Same clinician and service. Staff may book inside the minimum notice.</p>
          <Field label="New date" className="max-w-xs">
            {(ids) => (
              <Input
                {...ids}
                type="date"
                min={today}
                value={date}
                onChange={(e) => {
                  setDate(e.target.value);
                  setPicked("");
                }}
              />
            )}
          </Field>
          <DaySlotPicker
            ready={/^\d{4}-\d{2}-\d{2}$/.test(date)}
            notReadyText="Choose a date to see free times."
            date={date}
            version={version}
            load={load}
            timeZone={timeZone}
            selected={picked}
            onSelect={setPicked}
          />
          {alternatives.length > 0 ? (
            <div className="space-y-2">
              <h4 className="text-sm font-medium">Next free times</h4>
              <ul className="flex flex-wrap gap-2">
                {alternatives.map((s) => (
                  <li key={s}>
                    <Button variant="secondary" size="sm" onClick={() => (setDate(localDate(s, timeZone)), setPicked(s), setAlternatives([]))}>
                      {formatDateTime(s, timeZone)}
                    </Button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button disabled={pending || !picked} onClick={() => run(() => rescheduleAppointmentAction(practiceSlug, appointmentId, { start: picked }))}>
              {picked ? `Move to ${formatDateTime(picked, timeZone)}` : "Choose a time"}
            </Button>
            <Button variant="secondary" onClick={() => setMode("idle")}>
              Keep current time
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

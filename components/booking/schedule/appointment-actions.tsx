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
import { ConfirmButton, ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, Input } from "@/components/ui/field";
import { formatDateTime, localDate } from "@/lib/dates";
import { emailedLine } from "@/lib/booking/emailed-line";
import { DaySlotPicker } from "./day-slot-picker";

type Outcome = { ok: true; message: string } | { ok: false; message: string; alternatives?: string[] };

/**
 * What staff can do with one appointment: before it starts, reschedule or
 * cancel (waiving the late fee if they choose); once it has started, mark it
 * completed or a no-show. Moving, cancelling and the no-show ask once in
 * the confirm dialog, saying who is emailed and what is charged or refunded
 * (decision 0034); the server action checks membership and the state again
 * and says plainly what happened.
 */
export function AppointmentActions({
  practiceSlug,
  appointmentId,
  timeZone,
  locale,
  today,
  appointmentDate,
  canChange,
  canRecordOutcome,
  lateNow,
  windowHours,
  lateFee,
  when,
  emailed,
  cancelEffects,
  noShowFee,
}: {
  practiceSlug: string;
  appointmentId: string;
  timeZone: string;
  /** The practice's locale: its clock in the times offered. */
  locale: string;
  today: string;
  appointmentDate: string;
  canChange: boolean;
  canRecordOutcome: boolean;
  lateNow: boolean;
  windowHours: number;
  lateFee: string | null;
  /** The appointment's current time, as the page shows it. */
  when: string;
  /** The attendees who get an email about a move or a cancellation (those with an address). */
  emailed: string[];
  /** What cancelling does to the money, in time and late (lib/billing/cancellation-policy). */
  cancelEffects: { inTime: string[]; late: string[] };
  /** The service's no-show fee, formatted, or null when it has none. */
  noShowFee: string | null;
}) {
  const reader = { zone: timeZone, locale };
  const router = useRouter();
  const [mode, setMode] = useState<"idle" | "reschedule">("idle");
  const [confirmMove, setConfirmMove] = useState(false);
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
              <ConfirmButton
                label="Cancel appointment"
                variant="secondary"
                size="md"
                disabled={pending}
                title="Cancel this appointment?"
                description={
                  <>
                    <p>The session on {when} is cancelled.</p>
                    {lateNow ? (
                      <p className="text-warn">
                        It starts within {windowHours} hours, so it counts as a late cancellation{lateFee ? ` (fee ${lateFee})` : ""} unless you waive it.
                      </p>
                    ) : (
                      <p>It is outside the {windowHours}-hour cancellation window: no fee applies.</p>
                    )}
                    {(lateNow && !waiveFee ? cancelEffects.late : cancelEffects.inTime).map((line) => (
                      <p key={line}>{line}</p>
                    ))}
                    <p>{emailedLine(emailed, "that it is cancelled")}</p>
                  </>
                }
                cancelLabel="Keep appointment"
                confirmLabel="Confirm cancellation"
                onConfirm={() =>
                  run(() =>
                    cancelAppointmentAction(practiceSlug, appointmentId, {
                      waiveFee: lateNow && waiveFee,
                    }),
                  )
                }
              >
                {lateNow ? (
                  <label className="flex min-h-11 items-center gap-2">
                    <input type="checkbox" checked={waiveFee} onChange={(e) => setWaiveFee(e.target.checked)} className="h-5 w-5 accent-brand" />
                    Waive the late-cancellation fee
                  </label>
                ) : null}
              </ConfirmButton>
            </>
          ) : null}
          {canRecordOutcome ? (
            <>
              <Button disabled={pending} onClick={() => run(() => recordOutcomeAction(practiceSlug, appointmentId, "completed"))}>
                Mark completed
              </Button>
              <ConfirmButton
                label="Mark no-show"
                variant="secondary"
                size="md"
                disabled={pending}
                title="Mark this session as a no-show?"
                description={
                  <>
                    <p>The session on {when} is recorded as missed. This cannot be undone.</p>
                    <p>
                      {noShowFee
                        ? `Nothing is charged yet: the no-show fee (${noShowFee}) is charged only if someone with billing access charges it next.`
                        : "This service has no no-show fee: nothing is charged."}
                    </p>
                    <p>No one is emailed.</p>
                  </>
                }
                confirmLabel="Mark no-show"
                onConfirm={() => run(() => recordOutcomeAction(practiceSlug, appointmentId, "no_show"))}
              />
            </>
          ) : null}
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
            locale={locale}
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
                      {formatDateTime(s, reader)}
                    </Button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button disabled={pending || !picked} onClick={() => setConfirmMove(true)}>
              {picked ? `Move to ${formatDateTime(picked, reader)}` : "Choose a time"}
            </Button>
            <Button variant="secondary" onClick={() => setMode("idle")}>
              Keep current time
            </Button>
          </div>
        </div>
      ) : null}
      <ConfirmDialog
        open={confirmMove && picked !== ""}
        onOpenChange={setConfirmMove}
        title="Move this appointment?"
        description={
          <>
            <p>
              From {when} to <strong>{picked ? formatDateTime(picked, reader) : ""}</strong>, same clinician and service.
            </p>
            <p>Nothing is charged or refunded.</p>
            <p>{emailedLine(emailed, "an updated invitation")}</p>
          </>
        }
        confirmVariant="primary"
        cancelLabel="Keep current time"
        confirmLabel={picked ? `Move to ${formatDateTime(picked, reader)}` : "Move"}
        onConfirm={() =>
          run(() =>
            rescheduleAppointmentAction(practiceSlug, appointmentId, {
              start: picked,
            }),
          )
        }
      />
    </section>
  );
}

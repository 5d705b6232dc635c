"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { DateTime } from "luxon";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { bookSeriesAction, previewSeriesAction } from "@/app/(clinic)/clinic/[practice]/schedule/series/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { scheduleHref } from "@/components/booking/schedule/schedule-href";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { formatDateTime, localDate } from "@/lib/dates";
import { MAX_OCCURRENCES, monthlyLabel, type SeriesFrequency } from "@/lib/series/occurrences";
import { seriesBookingSchema, type PreviewOccurrence, type SeriesBookingInput, type SeriesBookingValues, type SeriesDecision, type SeriesPreview } from "@/lib/series/series-schema";

type Repeat = "none" | SeriesFrequency;
type Choice = { action: "book" | "skip" | "move"; date: string; time: string };

/** The instant of a wall-clock time on a date in the practice's zone ("" when it does not exist that day). */
function startAt(date: string, time: string, timeZone: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return "";
  const dt = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
  return dt.isValid && dt.toFormat("HH:mm") === time ? dt.toISO()! : "";
}

/**
 * The staff booking page's "Repeat" part (decision 0054): none, weekly, every
 * 2 weeks or monthly on the same weekday, ending after a number of sessions
 * or on a date. "Preview series" lists every session with conflicts marked
 * (another session, outside hours, a closure) and nothing saved; each row can
 * be skipped, and a conflict moved to another time, before "Book series"
 * books them all in one go, or none. Its own react-hook-form over the one
 * series schema the server parses too; it sits inside the booking form, so
 * it submits by button, never as a nested form.
 */
export function SeriesBooking({
  practiceSlug,
  timeZone,
  locale,
  serviceId,
  clinicianId,
  clientIds,
  start,
  onRepeatChange,
}: {
  practiceSlug: string;
  timeZone: string;
  locale: string;
  serviceId: string;
  clinicianId: string;
  clientIds: string[];
  /** The first session's time, as the slot picker chose it ("" until one is chosen). */
  start: string;
  onRepeatChange: (repeating: boolean) => void;
}) {
  const router = useRouter();
  const reader = { zone: timeZone, locale };
  const [repeat, setRepeat] = useState<Repeat>("none");
  const [preview, setPreview] = useState<{ key: string; data: SeriesPreview } | null>(null);
  const [choices, setChoices] = useState<Record<number, Choice>>({});
  const [busy, setBusy] = useState(false);
  const form = useForm<SeriesBookingInput, unknown, SeriesBookingValues>({
    resolver: zodResolver(seriesBookingSchema),
    defaultValues: { serviceId: "", clinicianId: "", clientIds: [], start: "", frequency: "weekly", ends: "count", count: 6, until: "", decisions: [] },
  });
  const { errors } = form.formState;
  const ends = useWatch({ control: form.control, name: "ends" });
  const count = useWatch({ control: form.control, name: "count" });
  const until = useWatch({ control: form.control, name: "until" });
  // A preview belongs to exactly the inputs it was made from; any change asks for a new one.
  const key = JSON.stringify([repeat, serviceId, clinicianId, clientIds, start, ends, count, until]);
  const shown = preview?.key === key ? preview.data : null;

  const firstDate = start ? localDate(start, timeZone) : "";
  const otherErrors = [errors.serviceId?.message, errors.clinicianId?.message, errors.clientIds?.message ?? errors.clientIds?.[0]?.message, errors.start?.message].filter(Boolean);

  function chooseRepeat(next: Repeat) {
    setRepeat(next);
    onRepeatChange(next !== "none");
    if (next !== "none") form.setValue("frequency", next);
    form.clearErrors();
  }

  function fill(decisions: SeriesDecision[]) {
    form.setValue("serviceId", serviceId);
    form.setValue("clinicianId", clinicianId);
    form.setValue("clientIds", clientIds);
    form.setValue("start", start);
    form.setValue("decisions", decisions);
  }

  function decisions(rows: PreviewOccurrence[]): SeriesDecision[] | null {
    const out: SeriesDecision[] = [];
    let bad = false;
    for (const row of rows) {
      const c = choices[row.index];
      if (c?.action === "skip") out.push({ index: row.index, action: "skip" });
      else if (c?.action === "move") {
        const moved = startAt(c.date, c.time, timeZone);
        if (!moved) bad = true;
        else out.push({ index: row.index, action: "move", start: moved });
      }
    }
    if (bad) {
      form.setError("root", { type: "client", message: "Choose a date and time for every session you move." });
      return null;
    }
    return out;
  }

  async function runPreview() {
    fill([]);
    await form.handleSubmit(async (values) => {
      setBusy(true);
      try {
        const result = await previewSeriesAction(practiceSlug, values);
        if (!result.ok) return applyServerErrors(form, result.errors);
        setPreview({ key, data: result });
        // Conflicts start as "skip": nothing is booked on a time that is not free unless staff move it.
        setChoices(Object.fromEntries(result.occurrences.map((o) => [o.index, { action: o.status === "ok" ? "book" : "skip", date: o.date, time: DateTime.fromISO(o.start).setZone(timeZone).toFormat("HH:mm") }])));
      } finally {
        setBusy(false);
      }
    })();
  }

  async function runBook() {
    if (!shown) return;
    const chosen = decisions(shown.occurrences);
    if (!chosen) return;
    fill(chosen);
    await form.handleSubmit(async (values) => {
      setBusy(true);
      try {
        const result = await bookSeriesAction(practiceSlug, values);
        if (result.ok) {
          router.push(scheduleHref(practiceSlug, { view: "week", date: firstDate, member: clinicianId }));
          return;
        }
        applyServerErrors(form, result.errors);
        if (result.conflicts?.length) {
          // Mark what the server found (a race, a time taken meanwhile) so staff can skip or move it.
          const found = new Map(result.conflicts.map((c) => [c.index, c]));
          setPreview({ key, data: { ...shown, occurrences: shown.occurrences.map((o) => found.get(o.index) ?? o) } });
        }
      } finally {
        setBusy(false);
      }
    })();
  }

  const setChoice = (index: number, patch: Partial<Choice>) => setChoices((all) => ({ ...all, [index]: { ...all[index]!, ...patch } }));
  const booking = shown ? shown.occurrences.filter((o) => choices[o.index]?.action !== "skip").length : 0;
  const undecided = shown ? shown.occurrences.filter((o) => o.status === "conflict" && choices[o.index]?.action === "book").length : 0;

  return (
    <div className="space-y-4">
      <Field label="Repeat" className="max-w-xs">
        {(ids) => (
          <Select {...ids} value={repeat} onChange={(e) => chooseRepeat(e.target.value as Repeat)}>
            <option value="none">Does not repeat</option>
            <option value="weekly">Weekly</option>
            <option value="biweekly">Every 2 weeks</option>
            <option value="monthly">{firstDate ? `Monthly on the ${monthlyLabel(firstDate)}` : "Monthly on the same weekday"}</option>
          </Select>
        )}
      </Field>

      {repeat !== "none" ? (
        <section aria-labelledby="series-heading" className="space-y-4 rounded-md border border-line p-3">
          <h2 id="series-heading" className="font-semibold">
            Series
          </h2>
          <FormError message={errors.root?.message ?? errors.decisions?.message ?? otherErrors[0]} />
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Ends</legend>
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" value="count" {...form.register("ends")} className="h-5 w-5 accent-brand" />
              After a number of sessions
            </label>
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" value="until" {...form.register("ends")} className="h-5 w-5 accent-brand" />
              On a date
            </label>
          </fieldset>
          {ends === "count" ? (
            <Field label="Number of sessions" required hint={`The first included, ${MAX_OCCURRENCES} at most.`} error={errors.count?.message} className="max-w-xs">
              {(ids) => <Input {...ids} type="number" inputMode="numeric" min={2} max={MAX_OCCURRENCES} {...form.register("count", { setValueAs: (v: string) => (v === "" ? undefined : Number(v)) })} />}
            </Field>
          ) : (
            <Field label="Last date" required hint="No session after this date." error={errors.until?.message} className="max-w-xs">
              {(ids) => <Input {...ids} type="date" min={firstDate || undefined} {...form.register("until")} />}
            </Field>
          )}
          <Button variant="secondary" onClick={() => void runPreview()} disabled={busy || !start}>
            {busy && !shown ? "Checking…" : start ? "Preview series" : "Choose the first session's time first"}
          </Button>

          {shown ? (
            <div className="space-y-3">
              <h3 className="font-semibold">
                {shown.occurrences.length} sessions, {shown.rule.time} {timeZone.replace(/_/g, " ")} time
              </h3>
              {shown.skippedMonths.length > 0 ? (
                <p className="text-sm text-muted">
                  No {monthlyLabel(shown.rule.firstDate)} in {shown.skippedMonths.map((m) => DateTime.fromISO(`${m}-01`).toFormat("LLLL yyyy")).join(", ")}: those months are skipped.
                </p>
              ) : null}
              <ol aria-label="Sessions in the series" className="divide-y divide-line rounded-md border border-line">
                {shown.occurrences.map((o) => {
                  const c = choices[o.index]!;
                  return (
                    <li key={o.index} className="space-y-2 p-3" data-status={o.status}>
                      <p>
                        <span className="font-medium">{formatDateTime(o.start, reader)}</span>
                        {o.shifted ? <span className="block text-sm text-warn">The clock changes that night: this starts an hour later than usual.</span> : null}
                        {o.status === "conflict" ? <span className="block text-sm font-medium text-danger">Conflict: {o.message}</span> : <span className="block text-sm text-ok">Free</span>}
                      </p>
                      <fieldset className="flex flex-wrap gap-x-4">
                        <legend className="sr-only">Session on {formatDateTime(o.start, reader)}</legend>
                        {o.status === "ok" ? (
                          <label className="flex min-h-11 items-center gap-2">
                            <input type="radio" name={`choice-${o.index}`} checked={c.action === "book"} onChange={() => setChoice(o.index, { action: "book" })} className="h-5 w-5 accent-brand" />
                            Book
                          </label>
                        ) : null}
                        <label className="flex min-h-11 items-center gap-2">
                          <input type="radio" name={`choice-${o.index}`} checked={c.action === "skip"} onChange={() => setChoice(o.index, { action: "skip" })} className="h-5 w-5 accent-brand" />
                          Skip
                        </label>
                        <label className="flex min-h-11 items-center gap-2">
                          <input type="radio" name={`choice-${o.index}`} checked={c.action === "move"} onChange={() => setChoice(o.index, { action: "move" })} className="h-5 w-5 accent-brand" />
                          Move
                        </label>
                      </fieldset>
                      {c.action === "move" ? (
                        <div className="flex flex-wrap gap-3">
                          <Field label="New date" className="w-44">
                            {(ids) => <Input {...ids} type="date" value={c.date} onChange={(e) => setChoice(o.index, { date: e.target.value })} />}
                          </Field>
                          <Field label="New time" className="w-36">
                            {(ids) => <Input {...ids} type="time" step={300} value={c.time} onChange={(e) => setChoice(o.index, { time: e.target.value })} />}
                          </Field>
                        </div>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
              {undecided > 0 ? <p className="text-sm text-danger">Skip or move each conflict before booking.</p> : null}
              <Button onClick={() => void runBook()} disabled={busy || booking === 0 || undecided > 0}>
                {busy ? "Booking…" : `Book series (${booking} ${booking === 1 ? "session" : "sessions"})`}
              </Button>
              <p className="text-sm text-muted">All of them are booked, or none. Each attendee gets a confirmation and reminders for every session, and each is paid as the service says.</p>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

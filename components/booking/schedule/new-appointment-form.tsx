"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { DateTime } from "luxon";
import { useRouter } from "next/navigation";
import { useCallback, useState, type FormEvent, type KeyboardEvent } from "react";
import { useForm, useWatch } from "react-hook-form";
import { bookAppointmentAction, searchClientsAction, staffSlotsAction, type ClientChoice } from "@/app/(clinic)/clinic/[practice]/schedule/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select, Textarea } from "@/components/ui/field";
import { formatDateTime, localDate } from "@/lib/dates";
import { ATTENDANCE_LABELS, FORMAT_LABELS } from "@/lib/booking/service-labels";
import { OVERRIDE_REASON_MAX, staffBookingSchema, type StaffBookingInput, type StaffBookingValues } from "@/lib/booking/staff-book-schema";
import { INSURANCE_QUESTION } from "@/lib/gfe/self-pay-field";
import { SeriesBooking } from "@/components/series/series-booking";
import { DaySlotPicker } from "./day-slot-picker";
import { scheduleHref } from "./schedule-href";

export interface BookableService {
  id: string;
  name: string;
  durationMinutes: number;
  attendance: "individual" | "couple" | "either";
  format: "in_person" | "online" | "phone";
  clinicians: { id: string; name: string }[];
}

/** Who attends, from the chosen client, the service and (for "either") the couple checkbox. */
function attendeeIds(chosen: ClientChoice | null, service: BookableService | undefined, together: boolean): string[] {
  if (!chosen) return [];
  const withPartner = chosen.partner ? [chosen.id, chosen.partner.id] : [chosen.id];
  if (service?.attendance === "couple") return withPartner;
  if (service?.attendance === "either" && together) return withPartner;
  return [chosen.id];
}

/** The instant of a wall-clock time on a date in the practice's zone, as the schema's ISO string ("" when it is not one). */
function startAt(date: string, time: string, timeZone: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return "";
  const dt = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
  // 2:30 AM on the spring-forward night does not exist: luxon would move it to 3:30.
  return dt.isValid && dt.toFormat("HH:mm") === time ? dt.toISO()! : "";
}

/**
 * Staff booking: service → clinician → client (or couple) → date → time →
 * book. The same zod schema checks it here and again on the server, which
 * also re-checks the time and refuses anything outside the practice.
 * "Book outside availability" swaps the free times for a time field and asks
 * for a reason (a walk-in, an extra evening); the server still refuses a time
 * that overlaps another session. An empty time clicked on the schedule opens
 * this form with its date, time and clinician filled in.
 */
export function NewAppointmentForm({
  practiceSlug,
  timeZone,
  locale,
  today,
  defaultDate,
  defaultTime = "",
  defaultClinicianId,
  services,
  asksInsurance = false,
}: {
  practiceSlug: string;
  timeZone: string;
  /** The practice's locale: its clock in the times offered. */
  locale: string;
  today: string;
  defaultDate: string;
  /** "14:30": chosen when it is a free time, else the time an override starts from. */
  defaultTime?: string;
  defaultClinicianId?: string;
  services: BookableService[];
  /** A US practice: ask whether the client will use insurance (self-pay clients are owed a Good Faith Estimate, decision 0053). */
  asksInsurance?: boolean;
}) {
  const router = useRouter();
  // The clinician's only service is chosen for them; with several, staff choose and the clinician stays.
  const theirs = defaultClinicianId ? services.filter((s) => s.clinicians.some((c) => c.id === defaultClinicianId)) : [];
  const initialService = theirs.length === 1 ? theirs[0]!.id : "";
  const form = useForm<StaffBookingInput, unknown, StaffBookingValues>({
    resolver: zodResolver(staffBookingSchema),
    defaultValues: { serviceId: initialService, clinicianId: initialService ? defaultClinicianId : "", clientIds: [], start: "", override: false, overrideReason: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const serviceId = useWatch({ control: form.control, name: "serviceId" });
  const clinicianId = useWatch({ control: form.control, name: "clinicianId" });
  const start = useWatch({ control: form.control, name: "start" });
  const override = useWatch({ control: form.control, name: "override" });
  const [overrideTime, setOverrideTime] = useState(defaultTime);
  const service = services.find((s) => s.id === serviceId);

  const [date, setDate] = useState(defaultDate);
  const [version, setVersion] = useState(0);
  const [alternatives, setAlternatives] = useState<string[]>([]);
  const [chosen, setChosen] = useState<ClientChoice | null>(null);
  const [together, setTogether] = useState(false);
  const [q, setQ] = useState("");
  const [results, setResults] = useState<ClientChoice[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<string | null>(null);
  // "Repeat" chosen: the series part books instead of the single-session button (lib/series).
  const [repeating, setRepeating] = useState(false);

  const load = useCallback(
    (d: string) => staffSlotsAction(practiceSlug, { serviceId, clinicianId, date: d }),
    [practiceSlug, serviceId, clinicianId],
  );

  function clearTime() {
    form.setValue("start", "");
    setAlternatives([]);
  }

  async function search() {
    setSearching(true);
    setSearchError(null);
    try {
      setResults(await searchClientsAction(practiceSlug, q));
    } catch {
      setSearchError("Clients could not be searched. Check your connection and try again.");
    } finally {
      setSearching(false);
    }
  }

  function onSearchKey(e: KeyboardEvent<HTMLInputElement>) {
    // Enter searches; it must not submit the booking.
    if (e.key === "Enter") {
      e.preventDefault();
      void search();
    }
  }

  const submit = form.handleSubmit(async () => {
    setAlternatives([]);
    const result = await bookAppointmentAction(practiceSlug, form.getValues());
    if (result.ok) {
      router.push(scheduleHref(practiceSlug, { view: "week", date: localDate(result.startsAt, timeZone), member: clinicianId, booked: result.appointmentId }));
      return;
    }
    if (result.errors.start) {
      form.setValue("start", "");
      setVersion((v) => v + 1);
    }
    applyServerErrors(form, result.errors);
    setAlternatives(result.alternatives ?? []);
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    // A series books from its own button; Enter in one of its fields must not book a single session.
    if (repeating) return e.preventDefault();
    form.setValue("clientIds", attendeeIds(chosen, service, together));
    if (override) form.setValue("start", startAt(date, overrideTime, timeZone));
    return submit(e);
  }

  const problem =
    service?.attendance === "couple" && chosen && !chosen.partner
      ? `${chosen.name} is not linked with a partner, and this is a couple service. Link the couple on the client's page, or choose a client who is in one.`
      : undefined;
  const clientError = errors.clientIds?.message ?? errors.clientIds?.[0]?.message ?? problem;
  const attending = attendeeIds(chosen, service, together);
  const attendingNames = chosen ? (attending.length === 2 && chosen.partner ? `${chosen.name} & ${chosen.partner.name}` : chosen.name) : "";

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-5">
      <FormError message={errors.root?.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Service" required error={errors.serviceId?.message}>
          {(ids) => (
            <Select
              {...ids}
              {...form.register("serviceId", {
                onChange: (e: { target: { value: string } }) => {
                  const next = services.find((s) => s.id === e.target.value);
                  const current = form.getValues("clinicianId");
                  if (!next?.clinicians.some((c) => c.id === current)) {
                    const asked = next?.clinicians.find((c) => c.id === defaultClinicianId);
                    form.setValue("clinicianId", asked ? asked.id : next?.clinicians.length === 1 ? next.clinicians[0]!.id : "");
                  }
                  if (next?.attendance !== "either") setTogether(false);
                  clearTime();
                },
              })}
            >
              <option value="">Choose a service…</option>
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} · {s.durationMinutes} min · {FORMAT_LABELS[s.format]} · {ATTENDANCE_LABELS[s.attendance]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Clinician" required error={errors.clinicianId?.message} hint={service ? undefined : "Choose a service first."}>
          {(ids) => (
            // Controlled (not registered): its options change with the service, and the
            // value set when a service has one clinician must show at once.
            <Select
              {...ids}
              name="clinicianId"
              disabled={!service}
              value={clinicianId}
              onChange={(e) => {
                form.setValue("clinicianId", e.target.value, { shouldValidate: form.formState.isSubmitted });
                clearTime();
              }}
            >
              <option value="">Choose a clinician…</option>
              {(service?.clinicians ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>

      <fieldset className="space-y-2" aria-describedby={clientError ? "client-error" : undefined}>
        <legend className="text-sm font-medium">
          {service?.attendance === "couple" ? "Couple" : "Client"} <span className="text-muted">(required)</span>
        </legend>
        {service?.attendance === "couple" ? (
          <p className="text-sm text-muted">Find either partner: a couple service books both of them.</p>
        ) : null}
        {chosen ? (
          <div className="space-y-2 rounded-md border border-line p-3">
            <p>
              <span className="text-sm text-muted">Booking for </span>
              <strong>{attendingNames}</strong>
            </p>
            {service?.attendance === "either" && chosen.partner ? (
              <label className="flex min-h-11 items-center gap-2">
                <input type="checkbox" checked={together} onChange={(e) => setTogether(e.target.checked)} className="h-5 w-5 accent-brand" />
                Book as a couple session with {chosen.partner.name}
              </label>
            ) : null}
            <Button variant="secondary" size="sm" onClick={() => (setChosen(null), setTogether(false), form.clearErrors("clientIds"))}>
              Choose someone else
            </Button>
          </div>
        ) : (
          <div className="space-y-2">
            <label htmlFor="client-search" className="text-sm font-medium">
              Find a client
            </label>
            <div className="flex gap-2">
              <Input
                id="client-search"
                type="search"
                value={q}
                onChange={(e) => setQ(e.target.value)}
                onKeyDown={onSearchKey}
                placeholder="Name or email"
                autoComplete="off"
              />
              <Button variant="secondary" onClick={() => void search()} disabled={searching}>
                {searching ? "Searching…" : "Search"}
              </Button>
            </div>
            {searchError ? (
              <p role="alert" className="text-sm font-medium text-danger">
                {searchError}
              </p>
            ) : null}
            {results ? (
              results.length === 0 ? (
                <p role="status" className="text-sm text-muted">
                  No active clients match. Add them under Clients first.
                </p>
              ) : (
                <ul aria-label="Matching clients" className="divide-y divide-line rounded-md border border-line">
                  {results.map((c) => (
                    <li key={c.id}>
                      <button
                        type="button"
                        onClick={() => (setChosen(c), setResults(null), form.clearErrors("clientIds"))}
                        className="block min-h-11 w-full px-3 py-2 text-left hover:bg-brand-soft"
                      >
                        <span className="block font-medium">{c.name}</span>
                        <span className="block text-sm text-muted">
                          {c.email ?? "No email"}
                          {c.partner ? ` · Couple with ${c.partner.name}` : ""}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              )
            ) : null}
          </div>
        )}
        {clientError ? (
          <p id="client-error" role="alert" className="text-sm font-medium text-danger">
            {clientError}
          </p>
        ) : null}
      </fieldset>

      <Field label="Date" required className="max-w-xs">
        {(ids) => (
          <Input
            {...ids}
            type="date"
            min={today}
            value={date}
            onChange={(e) => {
              setDate(e.target.value);
              clearTime();
            }}
          />
        )}
      </Field>

      {asksInsurance ? (
        <fieldset className="space-y-1 rounded-md border border-line p-3">
          <legend className="px-1 font-medium">{INSURANCE_QUESTION}</legend>
          <p className="text-sm text-muted">Optional. &ldquo;No&rdquo; marks the client self-pay and sends them a Good Faith Estimate.</p>
          {(
            [
              ["yes", "Yes, insurance"],
              ["no", "No, self-pay"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex min-h-11 items-center gap-2">
              <input type="radio" value={value} className="h-5 w-5 accent-brand" {...form.register("usesInsurance")} />
              {label}
            </label>
          ))}
        </fieldset>
      ) : null}

      {repeating ? null : (
        <label className="flex min-h-11 items-center gap-2">
          <input
            type="checkbox"
            {...form.register("override", { onChange: () => (form.setValue("start", ""), setAlternatives([]), form.clearErrors("start")) })}
            className="h-5 w-5 accent-brand"
          />
          Book outside availability
        </label>
      )}

      {override ? (
        <div className="space-y-4 rounded-md border border-line p-3">
          <p className="text-sm text-muted">
            For a walk-in or an extra evening: any time you choose, outside this clinician&apos;s hours. It still cannot overlap another of their sessions.
          </p>
          <Field label={`Time (${timeZone.replace(/_/g, " ")})`} required error={errors.start?.message} className="max-w-xs">
            {(ids) => <Input {...ids} type="time" step={300} value={overrideTime} onChange={(e) => setOverrideTime(e.target.value)} />}
          </Field>
          <Field label="Reason" required hint="Kept on the appointment for the team, for example “Walk-in after the evening group”." error={errors.overrideReason?.message}>
            {(ids) => <Textarea {...ids} rows={2} maxLength={OVERRIDE_REASON_MAX} {...form.register("overrideReason")} />}
          </Field>
        </div>
      ) : (
        <DaySlotPicker
          ready={Boolean(service && clinicianId && /^\d{4}-\d{2}-\d{2}$/.test(date))}
          notReadyText="Choose a service, a clinician and a date to see free times."
          date={date}
          version={version}
          load={load}
          timeZone={timeZone}
          locale={locale}
          selected={start}
          onSelect={(s) => {
            form.setValue("start", s, { shouldValidate: form.formState.isSubmitted });
            setAlternatives([]);
          }}
          error={errors.start?.message}
          prefer={date === defaultDate && !start ? defaultTime || undefined : undefined}
        />
      )}

      {alternatives.length > 0 ? (
        <div className="space-y-2">
          <h2 className="text-sm font-medium">Next free times</h2>
          <ul className="flex flex-wrap gap-2">
            {alternatives.map((s) => (
              <li key={s}>
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => {
                    setDate(localDate(s, timeZone));
                    form.setValue("start", s);
                    form.clearErrors("start");
                    setAlternatives([]);
                  }}
                >
                  {formatDateTime(s, { zone: timeZone, locale })}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {override ? null : (
        <SeriesBooking
          practiceSlug={practiceSlug}
          timeZone={timeZone}
          locale={locale}
          serviceId={serviceId}
          clinicianId={clinicianId}
          clientIds={attending}
          start={start}
          onRepeatChange={setRepeating}
        />
      )}

      <div className="flex flex-wrap gap-2">
        {repeating ? null : (
          <Button type="submit" disabled={isSubmitting || Boolean(problem)}>
            {isSubmitting ? "Booking…" : "Book appointment"}
          </Button>
        )}
        <Button variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { DateTime } from "luxon";
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Field, FormError, Input } from "@/components/ui/field";
import { bookingDetailsSchema, type BookingDetailsInput } from "@/lib/booking/booking-schema";
import { formatMoney } from "@/lib/money";
import { CLIENT_ATTENDANCE_LABELS, FORMAT_LABELS, paymentLabel } from "@/lib/booking/service-labels";
import { formatDateTime, formatTime, localDate, zoneLabel } from "@/lib/dates";
import type { PortalBooker } from "@/lib/booking/portal-booker";
import type { PublicService } from "@/lib/booking/public-services";

type SlotDto = { start: string; clinicianId: string };
type Hold = { token: string; expiresAt: string; start: string; clinicianId: string };
type Step = "service" | "clinician" | "time" | "details" | "done";
type Done = { emailedTo: string[]; partnerPays?: boolean; signedIn: boolean; usedCredit: boolean };


const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const noZone = () => null;

function priceLabel(s: Pick<PublicService, "priceCents" | "currency" | "payAtBooking">): string {
  if (s.payAtBooking?.mode === "full") return `${formatMoney(s.priceCents, s.currency)} · paid online when you book`;
  if (s.payAtBooking?.mode === "deposit") return `${formatMoney(s.priceCents, s.currency)} · ${formatMoney(s.payAtBooking.amountCents, s.currency)} deposit online when you book`;
  return s.priceCents > 0 ? `${formatMoney(s.priceCents, s.currency)} · ${paymentLabel(s.priceCents).toLowerCase()}` : paymentLabel(0);
}

export function BookingWizard({
  practice,
  services,
  booker = null,
}: {
  practice: { slug: string; name: string; timeZone: string };
  services: PublicService[];
  /** A client signed in to their portal at this practice: details prefilled, credits offered. */
  booker?: PortalBooker | null;
}) {
  const [step, setStep] = useState<Step>("service");
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [clinicianId, setClinicianId] = useState<string>("any");
  const [useClinicZone, setUseClinicZone] = useState(false);
  const [weekOffset, setWeekOffset] = useState(0);
  const [loaded, setLoaded] = useState<{ key: string; slots: SlotDto[] | null; error: string | null } | null>(null);
  const [hold, setHold] = useState<Hold | null>(null);
  const [conflict, setConflict] = useState<{ message: string; alternatives: SlotDto[] } | null>(null);
  const [holding, setHolding] = useState(false);
  const [done, setDone] = useState<Done | null>(null);

  // The visitor's zone is only known in the browser; the server render shows the clinic's.
  const visitorZone = useSyncExternalStore(noSubscription, browserZone, noZone);
  const zone = useClinicZone || !visitorZone ? practice.timeZone : visitorZone;
  const service = services.find((s) => s.id === serviceId) ?? null;
  const clinicianName = (id: string) => service?.clinicians.find((c) => c.id === id)?.name ?? "";

  const range = useMemo(() => {
    const start = DateTime.now().setZone(zone).startOf("day").plus({ weeks: weekOffset });
    return { from: start, to: start.plus({ days: 7 }) };
  }, [zone, weekOffset]);

  // What is shown belongs to the current query; a stale answer reads as "loading".
  const slotsKey = step === "time" && serviceId ? new URLSearchParams({ service: serviceId, clinician: clinicianId, from: range.from.toISO()!, to: range.to.toISO()! }).toString() : null;
  const slots = loaded && loaded.key === slotsKey ? loaded.slots : null;
  const slotsError = loaded && loaded.key === slotsKey ? loaded.error : null;

  useEffect(() => {
    if (!slotsKey) return;
    let cancelled = false;
    fetch(`/api/book/${practice.slug}/slots?${slotsKey}`)
      .then(async (res) => {
        const body = await res.json();
        if (cancelled) return;
        if (!res.ok) setLoaded({ key: slotsKey, slots: null, error: body.message ?? "Times could not be loaded." });
        else setLoaded({ key: slotsKey, slots: body.slots, error: null });
      })
      .catch(() => !cancelled && setLoaded({ key: slotsKey, slots: null, error: "Times could not be loaded. Check your connection and try again." }));
    return () => {
      cancelled = true;
    };
  }, [slotsKey, practice.slug]);

  async function chooseTime(slot: SlotDto) {
    if (!service) return;
    setHolding(true);
    setConflict(null);
    try {
      const res = await fetch(`/api/book/${practice.slug}/holds`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ serviceId: service.id, clinicianId: clinicianId === "any" ? "any" : slot.clinicianId, start: slot.start }),
      });
      const body = await res.json();
      if (res.status === 201) {
        setHold({ token: body.holdToken, expiresAt: body.expiresAt, start: body.start, clinicianId: body.clinicianId });
        setStep("details");
      } else if (res.status === 409) {
        setConflict({ message: body.message, alternatives: body.alternatives ?? [] });
      } else {
        setConflict({ message: body.message ?? "That time could not be held. Please choose another.", alternatives: [] });
      }
    } finally {
      setHolding(false);
    }
  }

  const days = useMemo(() => {
    const byDay = new Map<string, SlotDto[]>();
    for (let d = 0; d < 7; d++) byDay.set(range.from.plus({ days: d }).toISODate()!, []);
    for (const s of slots ?? []) byDay.get(localDate(s.start, zone))?.push(s);
    return [...byDay.entries()];
  }, [slots, range, zone]);

  return (
    <div className="space-y-4">
      <ol className="flex flex-wrap gap-2 text-sm" aria-label="Booking steps">
        {(["service", "clinician", "time", "details"] as const).map((s, i) => (
          <li key={s} aria-current={step === s ? "step" : undefined} className={cn("rounded-full px-3 py-1", step === s ? "bg-brand text-white" : "bg-surface text-muted border border-line")}>
            {i + 1}. {{ service: "Service", clinician: "Clinician", time: "Time", details: "Your details" }[s]}
          </li>
        ))}
      </ol>

      {step === "service" ? (
        <Card>
          <h2 className="mb-3 text-xl font-semibold">Choose a service</h2>
          <ul className="space-y-3">
            {services.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  onClick={() => {
                    setServiceId(s.id);
                    setClinicianId(s.clinicians.length === 1 ? s.clinicians[0]!.id : "any");
                    setStep(s.clinicians.length === 1 ? "time" : "clinician");
                  }}
                  className="w-full rounded-lg border border-line bg-surface p-4 text-left hover:border-brand"
                >
                  <span className="block font-semibold text-brand">{s.name}</span>
                  <span className="block text-sm text-muted">
                    {s.durationMinutes} min · {FORMAT_LABELS[s.format]} · {CLIENT_ATTENDANCE_LABELS[s.attendance]}
                  </span>
                  <span className="block text-sm">{priceLabel(s)}</span>
                  {s.description ? <span className="mt-1 block text-sm text-muted">{s.description}</span> : null}
                </button>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {step === "clinician" && service ? (
        <Card>
          <h2 className="mb-3 text-xl font-semibold">Who would you like to see?</h2>
          <ul className="space-y-2">
            {[{ id: "any", name: "First available" }, ...service.clinicians].map((c) => (
              <li key={c.id}>
                <button type="button" onClick={() => (setClinicianId(c.id), setStep("time"))} className="min-h-11 w-full rounded-lg border border-line bg-surface p-3 text-left font-medium hover:border-brand">
                  {c.name}
                </button>
              </li>
            ))}
          </ul>
          <Button variant="ghost" className="mt-3" onClick={() => setStep("service")}>
            Back
          </Button>
        </Card>
      ) : null}

      {step === "time" && service ? (
        <Card>
          <h2 className="text-xl font-semibold">Choose a time</h2>
          <p className="text-sm text-muted">
            {service.name} · {service.durationMinutes} min{clinicianId !== "any" ? ` · with ${clinicianName(clinicianId)}` : ""}
          </p>
          {visitorZone && visitorZone !== practice.timeZone ? (
            <fieldset className="mt-3">
              <legend className="text-sm font-medium">Show times in</legend>
              <div className="mt-1 flex flex-wrap gap-4">
                <label className="flex min-h-11 items-center gap-2">
                  <input type="radio" name="zone" checked={!useClinicZone} onChange={() => setUseClinicZone(false)} className="h-5 w-5 accent-brand" />
                  Your time: {zoneLabel(visitorZone)}
                </label>
                <label className="flex min-h-11 items-center gap-2">
                  <input type="radio" name="zone" checked={useClinicZone} onChange={() => setUseClinicZone(true)} className="h-5 w-5 accent-brand" />
                  Clinic time: {zoneLabel(practice.timeZone)}
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
                      <Button variant="secondary" size="sm" disabled={holding} onClick={() => chooseTime(s)}>
                        {formatDateTime(s.start, zone)}
                      </Button>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          <div className="mt-4 flex items-center justify-between gap-2">
            <Button variant="secondary" size="sm" disabled={weekOffset === 0} onClick={() => setWeekOffset((w) => w - 1)}>
              Earlier
            </Button>
            <span className="text-sm font-medium" aria-live="polite">
              {range.from.toFormat("d LLL")} – {range.to.minus({ days: 1 }).toFormat("d LLL yyyy")}
            </span>
            <Button variant="secondary" size="sm" onClick={() => setWeekOffset((w) => w + 1)}>
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
                          <Button variant="secondary" size="sm" className="w-full" disabled={holding} onClick={() => chooseTime(s)}>
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
          <Button variant="ghost" className="mt-3" onClick={() => setStep(service.clinicians.length === 1 ? "service" : "clinician")}>
            Back
          </Button>
        </Card>
      ) : null}

      {step === "details" && service && hold ? (
        <DetailsStep
          practice={practice}
          service={service}
          hold={hold}
          booker={booker}
          zone={zone}
          clinicianName={clinicianName(hold.clinicianId)}
          onBack={() => (setHold(null), setStep("time"))}
          onExpired={(message) => (setHold(null), setConflict({ message, alternatives: [] }), setStep("time"))}
          onDone={(result) => (setDone(result), setStep("done"))}
        />
      ) : null}

      {step === "done" && service && hold && done?.partnerPays ? (
        <Card>
          <h2 className="text-2xl font-semibold">Waiting for your partner&apos;s payment</h2>
          <p className="mt-2">
            {service.name} with {clinicianName(hold.clinicianId)} on <strong>{formatDateTime(hold.start, zone)}</strong> is held for you.
          </p>
          <p className="mt-2">We emailed your partner a link to pay. The session is confirmed, and you both get a confirmation, once it is paid.</p>
        </Card>
      ) : null}

      {step === "done" && service && hold && done && !done.partnerPays ? (
        <Card>
          <h2 className="text-2xl font-semibold">You&apos;re booked</h2>
          <p className="mt-2">
            {service.name} with {clinicianName(hold.clinicianId)} on <strong>{formatDateTime(hold.start, zone)}</strong>.
          </p>
          <p className="mt-2">We emailed a confirmation with a calendar file to {done.emailedTo.join(" and ")}.</p>
          {done.usedCredit ? <p className="mt-2">One session credit was used.</p> : null}
          {done.signedIn ? (
            <p className="mt-2">
              It&apos;s in your portal.
              {done.emailedTo.length === 2 ? " We've emailed your partner a link to confirm it's them; once they do, the session is on their record too." : ""}
            </p>
          ) : (
            <p className="mt-2">
              We&apos;ve emailed {done.emailedTo.length === 2 ? "each of you" : "you"} a link to confirm it&apos;s you. It adds the session to your record and your portal.
            </p>
          )}
          <p className="mt-2 text-muted">To reschedule or cancel, use the link in that email. No password needed.</p>
        </Card>
      ) : null}
    </div>
  );
}

function DetailsStep({
  practice,
  service,
  hold,
  booker,
  zone,
  clinicianName,
  onBack,
  onExpired,
  onDone,
}: {
  practice: { slug: string; name: string; timeZone: string };
  service: PublicService;
  hold: Hold;
  booker: PortalBooker | null;
  zone: string;
  clinicianName: string;
  onBack: () => void;
  onExpired: (message: string) => void;
  onDone: (result: Done) => void;
}) {
  const empty = { firstName: "", lastName: "", email: "", phone: "" };
  const partnerDefaults = booker?.partner ?? empty;
  const [together, setTogether] = useState(service.attendance === "couple" || (service.attendance === "either" && Boolean(booker?.partner)));
  // Only a signed-in client is offered credits; the server refuses them to anyone else.
  const credit = booker?.credits.find((c) => c.serviceIds.includes(service.id)) ?? null;
  const form = useForm<BookingDetailsInput, unknown, z.output<typeof bookingDetailsSchema>>({
    resolver: zodResolver(bookingDetailsSchema),
    defaultValues: {
      holdToken: hold.token,
      attendees: together ? [booker?.self ?? empty, partnerDefaults] : [booker?.self ?? empty],
      agreePolicy: false as unknown as true,
      payer: "me",
      useCredit: Boolean(credit),
    },
  });
  const useCredit = useWatch({ control: form.control, name: "useCredit" });
  const payNow = service.payAtBooking && !useCredit;
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "attendees" });
  const { errors, isSubmitting } = form.formState;

  function toggleTogether(next: boolean) {
    setTogether(next);
    if (next && fields.length === 1) append(partnerDefaults);
    if (!next && fields.length === 2) remove(1);
  }

  const onSubmit = form.handleSubmit(async () => {
    const res = await fetch(`/api/book/${practice.slug}/confirm`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(form.getValues()),
    });
    const body = await res.json();
    // Paid at booking: on to the payment page; the booking is confirmed once it is paid.
    if (res.ok && body.checkoutUrl) return window.location.assign(body.checkoutUrl);
    if (res.ok) return onDone({ emailedTo: body.emailedTo, partnerPays: body.awaitingPayment, signedIn: Boolean(body.signedIn), usedCredit: Boolean(body.usedCredit) });
    if (res.status === 410) return onExpired(body.message);
    if (body.errors) return applyServerErrors(form, body.errors);
    form.setError("root", { message: body.message ?? "Booking failed. Please try again." });
  });

  const fee = (cents: number) => formatMoney(cents, service.currency);
  return (
    <Card>
      <h2 className="text-xl font-semibold">Your details</h2>
      <p className="mt-1">
        {service.name} with {clinicianName} · <strong>{formatDateTime(hold.start, zone)}</strong>
      </p>
      <p className="text-sm text-muted">We are holding this time for you until {formatTime(hold.expiresAt, zone)}.</p>
      <form onSubmit={onSubmit} noValidate className="mt-4 space-y-5">
        <FormError message={errors.root?.message ?? errors.attendees?.message ?? errors.attendees?.root?.message} />
        {service.attendance === "either" ? (
          <label className="flex min-h-11 items-center gap-2">
            <input type="checkbox" checked={together} onChange={(e) => toggleTogether(e.target.checked)} className="h-5 w-5 accent-brand" />
            I&apos;m booking for my partner and me
          </label>
        ) : null}
        {fields.map((f, i) => {
          const e = errors.attendees?.[i];
          const legend = fields.length === 2 ? (i === 0 ? "You" : "Your partner") : "You";
          if (i === 0 && booker) {
            // Signed in: the session is booked as this portal's client; nothing to type.
            return (
              <div key={f.id} className="rounded-lg border border-line p-3">
                <p className="font-medium">You</p>
                <p>
                  {booker.self.firstName} {booker.self.lastName}
                </p>
                <p className="break-words text-sm text-muted">{booker.self.email} · signed in</p>
              </div>
            );
          }
          return (
            <fieldset key={f.id} className="space-y-3 rounded-lg border border-line p-3">
              <legend className="px-1 font-medium">{legend}</legend>
              {fields.length === 2 && i === 1 ? (
                <p className="text-sm text-muted">Your partner gets their own confirmation, with a link to confirm it&apos;s them, their own forms and their own private portal.</p>
              ) : null}
              <div className="grid gap-3 sm:grid-cols-2">
                <Field label={`${legend}: first name`} required error={e?.firstName?.message}>
                  {(ids) => <Input {...ids} autoComplete={i === 0 ? "given-name" : "off"} {...form.register(`attendees.${i}.firstName`)} />}
                </Field>
                <Field label={`${legend}: last name`} required error={e?.lastName?.message}>
                  {(ids) => <Input {...ids} autoComplete={i === 0 ? "family-name" : "off"} {...form.register(`attendees.${i}.lastName`)} />}
                </Field>
                <Field label={`${legend}: email`} required error={e?.email?.message}>
                  {(ids) => <Input {...ids} type="email" inputMode="email" autoComplete={i === 0 ? "email" : "off"} {...form.register(`attendees.${i}.email`)} />}
                </Field>
                <Field label={`${legend}: phone`} error={e?.phone?.message}>
                  {(ids) => <Input {...ids} type="tel" autoComplete={i === 0 ? "tel" : "off"} {...form.register(`attendees.${i}.phone`)} />}
                </Field>
              </div>
            </fieldset>
          );
        })}
        <div className="rounded-lg bg-canvas p-3 text-sm">
          <h3 className="font-medium">Cancellation policy</h3>
          <p className="mt-1">
            You can reschedule or cancel at no charge up to {service.cancellationWindowHours} hours before the session.
            {service.lateCancelFeeCents > 0 ? ` Later cancellations cost ${fee(service.lateCancelFeeCents)}.` : ""}
            {service.noShowFeeCents > 0 ? ` A missed session costs ${fee(service.noShowFeeCents)}.` : ""}
            {payNow ? " If you cancel in time, what you paid is refunded in full; a late cancellation keeps the fee and refunds the rest." : ""}
          </p>
        </div>
        {credit ? (
          <label className="flex min-h-11 items-center gap-2 rounded-lg border border-line p-3">
            <input type="checkbox" className="h-5 w-5 accent-brand" {...form.register("useCredit")} />
            <span>
              Use a session credit from {credit.name} ({credit.remaining} left{credit.shared ? ", shared with your partner" : ""})
            </span>
          </label>
        ) : null}
        {errors.useCredit ? (
          <p role="alert" className="text-sm font-medium text-danger">
            {errors.useCredit.message}
          </p>
        ) : null}
        {payNow && service.payAtBooking && fields.length === 2 ? (
          <fieldset className="space-y-1 rounded-lg border border-line p-3">
            <legend className="px-1 font-medium">Who pays {fee(service.payAtBooking.amountCents)}?</legend>
            {(
              [
                ["me", "I pay the whole amount"],
                ["partner", "My partner pays the whole amount (we email them a link)"],
                ["split", `We each pay half (${fee(Math.ceil(service.payAtBooking.amountCents / 2))} and ${fee(Math.floor(service.payAtBooking.amountCents / 2))}; each gets a link)`],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="flex min-h-11 items-center gap-2">
                <input type="radio" value={value} className="h-5 w-5 accent-brand" {...form.register("payer")} />
                {label}
              </label>
            ))}
          </fieldset>
        ) : null}
        {payNow && (service.lateCancelFeeCents > 0 || service.noShowFeeCents > 0) ? (
          <p className="rounded-lg bg-canvas p-3 text-sm" id="card-consent">
            Your card is kept on file with Stripe, our payment processor, so that {practice.name} can charge the late-cancellation or no-show fee above if it applies. You will get a receipt for any charge.
          </p>
        ) : null}
        <div className="space-y-1">
          <label className="flex min-h-11 items-center gap-2">
            <input type="checkbox" aria-invalid={errors.agreePolicy ? true : undefined} className="h-5 w-5 accent-brand" {...form.register("agreePolicy")} />
            I agree to the cancellation policy
          </label>
          {errors.agreePolicy ? (
            <p role="alert" className="text-sm font-medium text-danger">
              {errors.agreePolicy.message}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Booking…" : payNow ? "Continue to payment" : "Confirm booking"}
          </Button>
          <Button variant="secondary" onClick={onBack}>
            Choose another time
          </Button>
        </div>
      </form>
    </Card>
  );
}

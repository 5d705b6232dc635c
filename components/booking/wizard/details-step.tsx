"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useFieldArray, useForm, useWatch, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FormError, Input } from "@/components/ui/field";
import { formatMoney } from "@/lib/money";
import { formatDateTime, formatTime } from "@/lib/dates";
import { confirmRequestSchema, type ConfirmRequest, type ConfirmResponse, type HoldResponse } from "@/lib/booking/public-api";
import type { PortalBooker } from "@/lib/booking/portal-booker";
import type { PublicService } from "@/lib/booking/public-services";
import { INSURANCE_QUESTION } from "@/lib/gfe/self-pay-field";
import { postConfirm, reportDrift } from "./booking-api";
import { HoldCountdown } from "./hold-countdown";
import { placeLabel, type WizardLocation } from "./place";
import type { WizardPractice } from "./types";

/**
 * Step 4: the attendees' details (react-hook-form over the shared confirm
 * request schema), the policy, credits and who pays; confirms the hold.
 */
export function DetailsStep({
  practice,
  service,
  hold,
  booker,
  zone,
  locations,
  clinicianName,
  onBack,
  onExpired,
  onDone,
}: {
  practice: WizardPractice;
  service: PublicService;
  hold: HoldResponse;
  booker: PortalBooker | null;
  zone: string;
  locations: readonly WizardLocation[];
  clinicianName: string;
  onBack: () => void;
  onExpired: (message: string | undefined) => void;
  onDone: (booked: ConfirmResponse) => void;
}) {
  const empty = { firstName: "", lastName: "", email: "", phone: "" };
  const partnerDefaults = booker?.partner ?? empty;
  const [together, setTogether] = useState(service.attendance === "couple" || (service.attendance === "either" && Boolean(booker?.partner)));
  // Only a signed-in client is offered credits; the server refuses them to anyone else.
  const credit = booker?.credits.find((c) => c.serviceIds.includes(service.id)) ?? null;
  const form = useForm<ConfirmRequest, unknown, z.output<typeof confirmRequestSchema>>({
    resolver: zodResolver(confirmRequestSchema),
    defaultValues: {
      holdToken: hold.holdToken,
      attendees: together ? [booker?.self ?? empty, partnerDefaults] : [booker?.self ?? empty],
      agreePolicy: false as unknown as true,
      payer: "me",
      useCredit: Boolean(credit),
      // Asked only when the service needs it for a superbill (decision 0043).
      ...(service.asksSuperbillDetails
        ? { superbillDetails: { dateOfBirth: "", addressLine1: "", addressLine2: "", city: "", region: "", postalCode: "", country: "US" } }
        : {}),
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
    let answer;
    try {
      // The zone the times were shown in: the emails and pages that follow read in it (decision 0039).
      answer = await postConfirm(practice.slug, { ...form.getValues(), timeZone: zone });
    } catch (error) {
      if (!reportDrift(error)) throw error;
      return form.setError("root", { message: "Booking failed. Please try again." });
    }
    // Paid at booking: on to the payment page; the booking is confirmed once it is paid.
    if (answer.kind === "booked" && answer.booked.checkoutUrl) return window.location.assign(answer.booked.checkoutUrl);
    if (answer.kind === "booked") return onDone(answer.booked);
    if (answer.kind === "expired") return onExpired(answer.message);
    if (answer.errors) return applyServerErrors(form, answer.errors);
    form.setError("root", { message: answer.message ?? "Booking failed. Please try again." });
  });

  const fee = (cents: number) => formatMoney(cents, service.currency);
  return (
    <Card>
      <h2 className="text-xl font-semibold">Your details</h2>
      <p className="mt-1">
        {service.name} with {clinicianName} · <strong>{formatDateTime(hold.start, { zone, practiceZone: practice.timeZone, locale: practice.locale })}</strong>
      </p>
      <p className="text-sm">
        <span className="font-medium">Where:</span> {placeLabel(service.format, hold.locationId, locations)}
      </p>
      <p className="mt-2 text-sm text-muted">We are holding this time for you until {formatTime(hold.expiresAt, { zone, locale: practice.locale })}.</p>
      <HoldCountdown expiresAt={hold.expiresAt} onExpired={() => onExpired(undefined)} />
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
        {service.asksSuperbillDetails ? <SuperbillDetailsFields form={form} /> : null}
        {practice.asksInsurance ? (
          <fieldset className="space-y-1 rounded-lg border border-line p-3" aria-describedby="insurance-hint">
            <legend className="px-1 font-medium">{INSURANCE_QUESTION}</legend>
            <p id="insurance-hint" className="text-sm text-muted">
              Optional. If you answer no, you will get a Good Faith Estimate of your costs in your client portal.
            </p>
            {(
              [
                ["yes", "Yes, I will use insurance"],
                ["no", "No, I will pay for my sessions myself"],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="flex min-h-11 items-center gap-2">
                <input type="radio" value={value} className="h-5 w-5 accent-brand" {...form.register("usesInsurance")} />
                {label}
              </label>
            ))}
            {errors.usesInsurance ? (
              <p role="alert" className="text-sm font-medium text-danger">
                {errors.usesInsurance.message}
              </p>
            ) : null}
          </fieldset>
        ) : null}
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

/** Date of birth and postal address for the booker: a superbill for an insurance claim needs both. */
function SuperbillDetailsFields({ form }: { form: UseFormReturn<ConfirmRequest, unknown, z.output<typeof confirmRequestSchema>> }) {
  const e = form.formState.errors.superbillDetails;
  return (
    <fieldset className="space-y-3 rounded-lg border border-line p-3">
      <legend className="px-1 font-medium">For your superbill</legend>
      <p className="text-sm text-muted">Insurers ask for your date of birth and address on a superbill. Only the practice sees them.</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Date of birth" required error={e?.dateOfBirth?.message}>
          {(ids) => <Input {...ids} type="date" autoComplete="bday" {...form.register("superbillDetails.dateOfBirth")} />}
        </Field>
        <Field label="Address line 1" required error={e?.addressLine1?.message}>
          {(ids) => <Input {...ids} autoComplete="address-line1" {...form.register("superbillDetails.addressLine1")} />}
        </Field>
        <Field label="Address line 2" error={e?.addressLine2?.message}>
          {(ids) => <Input {...ids} autoComplete="address-line2" {...form.register("superbillDetails.addressLine2")} />}
        </Field>
        <Field label="City" required error={e?.city?.message}>
          {(ids) => <Input {...ids} autoComplete="address-level2" {...form.register("superbillDetails.city")} />}
        </Field>
        <Field label="State or region" error={e?.region?.message}>
          {(ids) => <Input {...ids} autoComplete="address-level1" {...form.register("superbillDetails.region")} />}
        </Field>
        <Field label="Postal code" required error={e?.postalCode?.message}>
          {(ids) => <Input {...ids} autoComplete="postal-code" {...form.register("superbillDetails.postalCode")} />}
        </Field>
        <Field label="Country" hint="Two-letter code, e.g. US" required error={e?.country?.message}>
          {(ids) => <Input {...ids} autoComplete="country" {...form.register("superbillDetails.country")} />}
        </Field>
      </div>
    </fieldset>
  );
}

"use client";

import { DateTime } from "luxon";
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState, useSyncExternalStore } from "react";
import { cn } from "@/components/ui/cn";
import type { PortalBooker } from "@/lib/booking/portal-booker";
import type { AlternativeSlot, ConfirmResponse, HoldResponse } from "@/lib/booking/public-api";
import type { PublicService } from "@/lib/booking/public-services";
import { postHold, reportDrift } from "./wizard/booking-api";
import { ClinicianStep } from "./wizard/clinician-step";
import { DetailsStep } from "./wizard/details-step";
import { DoneStep } from "./wizard/done-step";
import { holdSnapshot, parseStoredHold, saveHold, subscribeHold } from "./wizard/hold-store";
import type { WizardLocation } from "./wizard/place";
import { ServiceStep } from "./wizard/service-step";
import { TimeStep, type Conflict } from "./wizard/time-step";
import type { WizardPractice } from "./wizard/types";
import { useSlots } from "./wizard/use-slots";
import { placeQuery, readPlace, type WizardPlace } from "./wizard/wizard-url";

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const noZone = () => null;
const noHold = () => null;
const HOLD_FAILED = "That time could not be held. Please choose another.";
const HOLD_RAN_OUT = "The time we held for you ran out, so it is free for others again. Please choose a time.";
const HOLD_GONE = "We are no longer holding a time for you in this tab. Please choose a time.";

/** A new history entry (Back returns here) or, for a day or week within the time step, the same entry. */
function go(place: WizardPlace, mode: "push" | "replace" = "push") {
  const url = `${window.location.pathname}${placeQuery(place)}`;
  // Next.js keeps useSearchParams in step with the History API, with no server round trip.
  if (mode === "push") window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}

/**
 * The public booking wizard: service, clinician (only when more than one
 * offers the service), time, details, done. Where the visitor is lives in the
 * address (./wizard/wizard-url.ts), so Back, Forward and reload keep the step;
 * the hold lives in the tab's session storage (./wizard/hold-store.ts). This
 * parent holds what the steps share and the hold request; each step is its
 * own component under ./wizard/, and every answer of the API is read through
 * its schema (lib/booking/public-api.ts). Decision 0041.
 */
export function BookingWizard({
  practice,
  services,
  locations = [],
  booker = null,
}: {
  practice: WizardPractice;
  services: PublicService[];
  locations?: WizardLocation[];
  /** A client signed in to their portal at this practice: details prefilled, credits offered. */
  booker?: PortalBooker | null;
}) {
  const query = useSearchParams().toString();
  const place = useMemo(() => readPlace(new URLSearchParams(query)), [query]);
  const [useClinicZone, setUseClinicZone] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [holding, setHolding] = useState(false);
  const [booked, setBooked] = useState<{ result: ConfirmResponse; hold: HoldResponse; service: PublicService } | null>(null);

  const storedRaw = useSyncExternalStore(subscribeHold, () => holdSnapshot(practice.slug), noHold);
  const stored = useMemo(() => parseStoredHold(storedRaw), [storedRaw]);

  // The visitor's zone is only known in the browser; the server render shows the clinic's.
  const visitorZone = useSyncExternalStore(noSubscription, browserZone, noZone);
  const zone = useClinicZone || !visitorZone ? practice.timeZone : visitorZone;
  const service = services.find((s) => s.id === place.serviceId) ?? null;
  const single = service?.clinicians.length === 1 ? service.clinicians[0]!.id : null;
  const clinicianId = single ?? (service?.clinicians.some((c) => c.id === place.clinicianId) ? place.clinicianId : "any");
  const clinicianName = (id: string) => service?.clinicians.find((c) => c.id === id)?.name ?? "";
  const hold = stored && service && stored.serviceId === service.id ? stored.hold : null;

  // The step the address asks for, where it can be shown: no service → the list; one clinician → no clinician step;
  // details without a hold in this tab → the times, saying so.
  const step = !service ? "service" : place.step === "clinician" && single ? "time" : place.step === "details" && !hold ? "time" : place.step;
  const lostHold = !service || place.step !== "details" || hold ? null : HOLD_GONE;

  const range = useMemo(() => {
    const start = DateTime.now().setZone(zone).startOf("day").plus({ weeks: place.week });
    return { from: start, to: start.plus({ days: 7 }) };
  }, [zone, place.week]);

  const { slots, error: slotsError } = useSlots(
    practice.slug,
    step === "time" && service ? { service: service.id, clinician: clinicianId, from: range.from.toISO()!, to: range.to.toISO()! } : null,
  );

  const at = (next: Partial<WizardPlace>): WizardPlace => ({ ...place, serviceId: service?.id ?? null, clinicianId, ...next });

  async function chooseTime(slot: AlternativeSlot) {
    if (!service) return;
    setHolding(true);
    setConflict(null);
    try {
      const answer = await postHold(practice.slug, { serviceId: service.id, clinicianId: clinicianId === "any" ? "any" : slot.clinicianId, start: slot.start });
      if (answer.kind === "held") {
        saveHold(practice.slug, { serviceId: service.id, hold: answer.hold });
        go(at({ step: "details" }));
      } else if (answer.kind === "conflict") {
        setConflict(answer.conflict);
      } else {
        setConflict({ message: answer.message ?? HOLD_FAILED, alternatives: [] });
      }
    } catch (error) {
      if (!reportDrift(error)) throw error;
      setConflict({ message: HOLD_FAILED, alternatives: [] });
    } finally {
      setHolding(false);
    }
  }

  const expire = useCallback(
    (message: string | undefined) => {
      saveHold(practice.slug, null);
      setConflict({ message: message ?? HOLD_RAN_OUT, alternatives: [] });
      go({ ...readPlace(new URLSearchParams(window.location.search)), step: "time" }, "replace");
    },
    [practice.slug],
  );

  if (booked) {
    return <DoneStep service={booked.service} hold={booked.hold} booked={booked.result} clinicianName={booked.service.clinicians.find((c) => c.id === booked.hold.clinicianId)?.name ?? ""} zone={zone} locale={practice.locale ?? null} locations={locations} />;
  }

  // No clinician step where one clinician offers the service (or, before one is chosen, every service).
  const noClinicianStep = service ? Boolean(single) : services.every((s) => s.clinicians.length === 1);
  const steps = (["service", "clinician", "time", "details"] as const).filter((s) => s !== "clinician" || !noClinicianStep);
  const shownConflict = conflict ?? (lostHold ? { message: lostHold, alternatives: [] } : null);
  return (
    <div className="space-y-4">
      <ol className="flex flex-wrap gap-2 text-sm" aria-label="Booking steps">
        {steps.map((s, i) => (
          <li key={s} aria-current={step === s ? "step" : undefined} className={cn("rounded-full px-3 py-1", step === s ? "bg-brand text-white" : "bg-surface text-muted border border-line")}>
            {i + 1}. {{ service: "Service", clinician: "Clinician", time: "Time", details: "Your details" }[s]}
          </li>
        ))}
      </ol>

      {step === "service" ? (
        <ServiceStep
          services={services}
          onChoose={(s) => {
            setConflict(null);
            go({ step: s.clinicians.length === 1 ? "time" : "clinician", serviceId: s.id, clinicianId: "any", week: 0, date: null });
          }}
        />
      ) : null}

      {step === "clinician" && service ? (
        <ClinicianStep service={service} onChoose={(id) => go(at({ step: "time", clinicianId: id, week: 0, date: null }))} onBack={() => go(at({ step: "service" }))} />
      ) : null}

      {step === "time" && service ? (
        <TimeStep
          service={service}
          clinicianId={clinicianId}
          clinicianName={clinicianName(clinicianId)}
          locations={locations}
          practiceZone={practice.timeZone}
          visitorZone={visitorZone}
          zone={zone}
          locale={practice.locale ?? null}
          useClinicZone={useClinicZone}
          onUseClinicZone={setUseClinicZone}
          range={range}
          weekOffset={place.week}
          onWeek={(delta) => go(at({ week: Math.max(0, place.week + delta), date: null }), "replace")}
          date={place.date}
          onDate={(date) => go(at({ date }), "replace")}
          slots={slots}
          slotsError={slotsError}
          conflict={shownConflict}
          holding={holding}
          onChoose={chooseTime}
          onBack={() => go(at({ step: single ? "service" : "clinician" }))}
          waitlistHref={`/book/${practice.slug}/waitlist?${new URLSearchParams({ service: service.id })}`}
        />
      ) : null}

      {step === "details" && service && hold ? (
        <DetailsStep
          key={hold.holdToken}
          practice={practice}
          service={service}
          hold={hold}
          booker={booker}
          zone={zone}
          locations={locations}
          clinicianName={clinicianName(hold.clinicianId)}
          onBack={() => (saveHold(practice.slug, null), setConflict(null), go(at({ step: "time" })))}
          onExpired={expire}
          onDone={(result) => {
            setBooked({ result, hold, service });
            saveHold(practice.slug, null);
            // Booked: the address goes back to the start, so a reload offers a new booking, not this one's steps.
            go({ step: "service", serviceId: null, clinicianId: "any", week: 0, date: null }, "replace");
          }}
        />
      ) : null}
    </div>
  );
}

"use client";

import { DateTime } from "luxon";
import { useMemo, useState, useSyncExternalStore } from "react";
import { cn } from "@/components/ui/cn";
import type { PortalBooker } from "@/lib/booking/portal-booker";
import type { AlternativeSlot, ConfirmResponse, HoldResponse } from "@/lib/booking/public-api";
import type { PublicService } from "@/lib/booking/public-services";
import { postHold, reportDrift } from "./wizard/booking-api";
import { ClinicianStep } from "./wizard/clinician-step";
import { DetailsStep } from "./wizard/details-step";
import { DoneStep } from "./wizard/done-step";
import { ServiceStep } from "./wizard/service-step";
import { TimeStep, type Conflict } from "./wizard/time-step";
import type { Step, WizardPractice } from "./wizard/types";
import { useSlots } from "./wizard/use-slots";

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const noZone = () => null;
const HOLD_FAILED = "That time could not be held. Please choose another.";

/**
 * The public booking wizard: service, clinician, time, details, done. This
 * parent holds the state the steps share (choices, the hold, the zone, the
 * week shown) and the hold request; each step is its own component under
 * ./wizard/, and every answer of the API is read through its schema
 * (lib/booking/public-api.ts).
 */
export function BookingWizard({
  practice,
  services,
  booker = null,
}: {
  practice: WizardPractice;
  services: PublicService[];
  /** A client signed in to their portal at this practice: details prefilled, credits offered. */
  booker?: PortalBooker | null;
}) {
  const [step, setStep] = useState<Step>("service");
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [clinicianId, setClinicianId] = useState<string>("any");
  const [useClinicZone, setUseClinicZone] = useState(false);
  const [weekOffset, setWeekOffset] = useState(0);
  const [hold, setHold] = useState<HoldResponse | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [holding, setHolding] = useState(false);
  const [booked, setBooked] = useState<ConfirmResponse | null>(null);

  // The visitor's zone is only known in the browser; the server render shows the clinic's.
  const visitorZone = useSyncExternalStore(noSubscription, browserZone, noZone);
  const zone = useClinicZone || !visitorZone ? practice.timeZone : visitorZone;
  const service = services.find((s) => s.id === serviceId) ?? null;
  const clinicianName = (id: string) => service?.clinicians.find((c) => c.id === id)?.name ?? "";

  const range = useMemo(() => {
    const start = DateTime.now().setZone(zone).startOf("day").plus({ weeks: weekOffset });
    return { from: start, to: start.plus({ days: 7 }) };
  }, [zone, weekOffset]);

  const { slots, error: slotsError } = useSlots(
    practice.slug,
    step === "time" && serviceId ? { service: serviceId, clinician: clinicianId, from: range.from.toISO()!, to: range.to.toISO()! } : null,
  );

  async function chooseTime(slot: AlternativeSlot) {
    if (!service) return;
    setHolding(true);
    setConflict(null);
    try {
      const answer = await postHold(practice.slug, { serviceId: service.id, clinicianId: clinicianId === "any" ? "any" : slot.clinicianId, start: slot.start });
      if (answer.kind === "held") {
        setHold(answer.hold);
        setStep("details");
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
        <ServiceStep
          services={services}
          onChoose={(s) => {
            setServiceId(s.id);
            setClinicianId(s.clinicians.length === 1 ? s.clinicians[0]!.id : "any");
            setStep(s.clinicians.length === 1 ? "time" : "clinician");
          }}
        />
      ) : null}

      {step === "clinician" && service ? (
        <ClinicianStep service={service} onChoose={(id) => (setClinicianId(id), setStep("time"))} onBack={() => setStep("service")} />
      ) : null}

      {step === "time" && service ? (
        <TimeStep
          service={service}
          clinicianId={clinicianId}
          clinicianName={clinicianName(clinicianId)}
          practiceZone={practice.timeZone}
          visitorZone={visitorZone}
          zone={zone}
          useClinicZone={useClinicZone}
          onUseClinicZone={setUseClinicZone}
          range={range}
          weekOffset={weekOffset}
          onWeek={(delta) => setWeekOffset((w) => w + delta)}
          slots={slots}
          slotsError={slotsError}
          conflict={conflict}
          holding={holding}
          onChoose={chooseTime}
          onBack={() => setStep(service.clinicians.length === 1 ? "service" : "clinician")}
        />
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
          onDone={(result) => (setBooked(result), setStep("done"))}
        />
      ) : null}

      {step === "done" && service && hold && booked ? <DoneStep service={service} hold={hold} booked={booked} clinicianName={clinicianName(hold.clinicianId)} zone={zone} /> : null}
    </div>
  );
}

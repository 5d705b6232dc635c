import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { SIGN_IN_LINK_MINUTES } from "@/lib/auth/auth";
import { timeZoneOptions } from "@/lib/booking/availability-schema";
import { env } from "@/lib/env";
import { SIGN_UPS_CLOSED_MESSAGE } from "@/lib/practices/sign-up";
import { StartPracticeForm } from "./start-form";

export const metadata: Metadata = { title: "Start your practice" };
export const dynamic = "force-dynamic";

export default function StartPracticePage() {
  if (env.SIGNUPS === "closed") {
    return (
      <Card className="mx-auto max-w-md">
        <h1 className="text-2xl font-semibold">Sign-ups are closed</h1>
        <p className="mt-2">{SIGN_UPS_CLOSED_MESSAGE}</p>
        <p className="mt-4">
          <Link href="/sign-in" className="font-medium text-brand underline">
            Sign in
          </Link>
        </p>
      </Card>
    );
  }
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold sm:text-3xl">Start your practice</h1>
        <p className="mt-1 text-muted">
          A workspace for your practice in a minute. We&apos;ll email you a link to prove the address; no password needed.
        </p>
      </div>
      <Card>
        <StartPracticeForm timeZones={timeZoneOptions()} origin={new URL(env.APP_URL).host} linkMinutes={SIGN_IN_LINK_MINUTES} />
      </Card>
      <p className="text-sm text-muted">
        Already have a practice here?{" "}
        <Link href="/sign-in" className="font-medium text-brand underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}

import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { env } from "@/lib/env";
import { PRACTICE_KIND_LABELS } from "@/lib/practices/practice-kinds";
import { listPublicPractices } from "@/lib/practices/public-practices";

export const dynamic = "force-dynamic";

const JOBS = [
  { title: "Intake", text: "Versioned forms each partner completes privately, with standard measures scored for you." },
  { title: "Booking", text: "Couples book one session for two, on a phone, in their own time zone." },
  { title: "Homework", text: "Exercises from a shared bank, check-ins, and adherence you can follow between sessions." },
  { title: "Billing", text: "Deposits, packages, late-cancel fees and superbills through Stripe." },
];

export default async function HomePage() {
  const practices = await listPublicPractices();
  return (
    <div className="space-y-10">
      <section className="space-y-4">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">A practice system that treats the couple as the client</h1>
        <p className="max-w-2xl text-lg text-muted">
          Tandem is for EFT couples therapists, intimacy and parenting coaches, and pelvic physical-therapy clinics helping
          parents find their way back to closeness: intake, booking, homework and billing in one place, with each
          partner&apos;s private answers kept private.
        </p>
        <div className="flex flex-wrap gap-3">
          {env.SIGNUPS === "open" ? <ButtonLink href="/start">Start your practice</ButtonLink> : null}
          <ButtonLink href="/sign-in" variant={env.SIGNUPS === "open" ? "secondary" : "primary"}>
            Sign in
          </ButtonLink>
        </div>
      </section>
      <section aria-labelledby="jobs-heading">
        <h2 id="jobs-heading" className="sr-only">
          What it does
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {JOBS.map((job) => (
            <li key={job.title}>
              <Card>
                <h3 className="font-semibold">{job.title}</h3>
                <p className="mt-1 text-muted">{job.text}</p>
              </Card>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="demo-heading" className="space-y-3">
        <h2 id="demo-heading" className="text-xl font-semibold">
          Demo practices
        </h2>
        {practices.length === 0 ? (
          <p className="text-muted">No practices yet.</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-3">
            {practices.map((p) => (
              <li key={p.slug}>
                <Link href={`/book/${p.slug}`} className="block h-full rounded-lg border border-line bg-surface p-4 hover:border-brand">
                  <span className="block font-semibold text-brand">{p.name}</span>
                  <span className="block text-sm text-muted">{PRACTICE_KIND_LABELS[p.kind]}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

import type { ReactNode } from "react";
import { AnsweredCard, AwaitingCard, BillingCard, HomeNav, GfeOverdueCard, HomeworkFlagsCard, PlanReviewsCard, SafetyFlagsCard, SessionsCard } from "@/components/home/home-cards";
import { SetupCard } from "@/components/setup/setup-card";
import { PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { formatDay, practiceReader } from "@/lib/dates";
import { loadClinicHome } from "@/lib/home/load-home";
import { showsSection, type HomeSectionKey } from "@/lib/home/sections";
import { plansDueForReview } from "@/lib/plans/reviews";
import { NotesDueCard } from "@/components/notes/notes-due-card";
import { notesToCosign } from "@/lib/notes/cosign-queue";
import { notesDue } from "@/lib/notes/due";
import { listOverdueGfes } from "@/lib/gfe/staff";

export const dynamic = "force-dynamic";

const LINKS = [
  { href: "schedule", label: "Schedule" },
  { href: "clients", label: "Clients" },
  { href: "homework", label: "Homework" },
  { href: "settings", label: "Settings" },
];

export default async function WorkspaceHome({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "practice.view");
  const now = new Date();
  const showsNotes = showsSection(scope.role, "notes_due");
  // Independent reads side by side; only the notes due wait for the home's reach (yours or everyone's).
  const [home, reviews, cosign, overdueGfes] = await Promise.all([
    loadClinicHome(scope, now),
    plansDueForReview(scope, now),
    showsNotes ? notesToCosign(scope) : [],
    showsSection(scope.role, "gfe_overdue") ? listOverdueGfes(scope, now) : [],
  ]);
  const due = showsNotes ? await notesDue(scope, now, { memberId: home.reach === "yours" ? scope.memberId : undefined }) : null;
  const reader = practiceReader(scope.practice);
  const whose = home.reach === "yours" ? "Your sessions" : "Sessions";

  // One entry per section lib/home/sections.ts lists; the roles' filter is already applied in home.sections.
  const render: Record<HomeSectionKey, () => ReactNode> = {
    // Always first, and only when there is one: an open flag waits for a clinician's acknowledgement.
    safety_flags: () => (home.safetyFlags?.length ? <SafetyFlagsCard key="safety" slug={slug} flags={home.safetyFlags} reader={reader} /> : null),
    // Until the guided setup is complete (the card renders nothing after).
    setup_checklist: () => (home.setup && !home.setup.complete ? <div key="setup" className="lg:col-span-2"><SetupCard checklist={home.setup} /></div> : null),
    sessions: () => (
      <div key="sessions" className="grid gap-4 lg:col-span-2 lg:grid-cols-2">
        <SessionsCard slug={slug} id="home-today" title={`${whose} today · ${formatDay(home.window.from, reader)}`} sessions={home.days.today.sessions} empty="No sessions today." />
        <SessionsCard
          slug={slug}
          id="home-tomorrow"
          title={`Tomorrow · ${formatDay(home.window.tomorrowFrom, reader)}`}
          sessions={home.days.tomorrow.sessions}
          empty="No sessions tomorrow."
        />
      </div>
    ),
    notes_due: () =>
      due ? <NotesDueCard key="notes-due" slug={slug} rows={due} cosign={cosign} reader={reader} signHours={scope.practice.noteSignHours} showClinician={home.reach === "practice"} /> : null,
    forms_answered: () => (home.answered ? <AnsweredCard key="answered" slug={slug} answered={home.answered} /> : null),
    homework_flags: () => (home.homeworkFlags ? <HomeworkFlagsCard key="homework" slug={slug} rows={home.homeworkFlags} /> : null),
    // Shown only when a plan is due: an empty card every day would teach people to skip it.
    plan_reviews: () => (reviews.length ? <PlanReviewsCard key="plan-reviews" slug={slug} rows={reviews} locale={scope.practice.locale} /> : null),
    // Only when one is late: a US practice's legal deadline, chased by whoever is at the desk.
    gfe_overdue: () => (overdueGfes.length ? <GfeOverdueCard key="gfe-overdue" slug={slug} rows={overdueGfes} reader={reader} /> : null),
    awaiting: () => <AwaitingCard key="awaiting" slug={slug} rows={home.awaiting} />,
    billing: () => (home.billing ? <BillingCard key="billing" slug={slug} billing={home.billing} /> : null),
  };

  return (
    <>
      <PageHeader title={`Welcome, ${scope.displayName}`} description={`${scope.practice.name} · ${ROLE_LABELS[scope.role]}`} />
      <HomeNav slug={slug} links={LINKS} />
      <div className="grid gap-4 lg:grid-cols-2">{home.sections.map((key) => render[key]())}</div>
    </>
  );
}

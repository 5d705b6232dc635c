import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RatingsChart } from "@/components/charts/ratings-chart";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { formatShortDate } from "@/lib/dates";
import { MODE_LABELS } from "@/lib/homework/labels";
import { listSheetsForStaff } from "@/lib/homework/exercise-sheets";
import { getHomeworkOverview } from "@/lib/homework/overview";
import { SheetPicker } from "@/components/homework/sheet-picker";
import { formatDate, practiceReader } from "@/lib/dates";
import { endAssignmentAction } from "../../actions";

export const metadata: Metadata = { title: "Homework overview" };
export const dynamic = "force-dynamic";

export default async function ClientHomeworkPage({ params }: { params: Promise<{ practice: string; clientId: string }> }) {
  const { practice: slug, clientId } = await params;
  const scope = await requireMember(slug, "clinical.read");
  const o = await getHomeworkOverview(scope, clientId, new Date());
  if (!o) notFound();
  const sheets = await listSheetsForStaff(scope, o.client.id);
  const sheetOptions = o.assignments.filter((a) => a.status !== "finished").map((a) => ({ id: a.id, title: a.title, dosageLine: a.dosageLine }));
  const people = [o.client, ...(o.partner ? [o.partner] : [])];
  const title = o.partner ? `${o.client.name} & ${o.partner.name}` : o.client.name;
  return (
    <>
      <PageHeader
        title={`Homework: ${title}`}
        description={<Link href={`/clinic/${slug}/clients/${o.client.id}`} className="text-brand underline">Client record</Link>}
        actions={<ButtonLink href={`/clinic/${slug}/homework/assign?client=${o.client.id}`}>Assign homework</ButtonLink>}
      />
      <div className="space-y-4">
        <Card>
          <h2 className="mb-2 font-semibold">Flags</h2>
          {o.flags.length === 0 ? (
            <p className="text-muted">Nothing to flag.</p>
          ) : (
            <ul className="space-y-2" aria-label="Flags">
              {o.flags.map((f, i) => (
                <li key={i} className="flex flex-wrap items-center gap-2">
                  <Badge tone="warn">{f.kind === "safety" ? "Safety" : f.kind === "pain" ? "Pain" : f.kind === "inactive" ? "Quiet" : "Closeness"}</Badge>
                  <span>
                    {f.kind === "safety" ? (
                      <Link href={`/clinic/${slug}/clients/${f.clientId}`} className="text-brand underline">
                        {f.personName}
                      </Link>
                    ) : (
                      f.personName
                    )}
                    : {f.text}
                    {"date" in f ? ` (${formatShortDate(f.date)})` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card>
          <h2 className="mb-3 font-semibold">Assignments</h2>
          {o.assignments.length === 0 ? (
            <EmptyState title="No homework yet">Assign an exercise or a program to get started.</EmptyState>
          ) : (
            <ul className="divide-y divide-line" aria-label="Assignments">
              {o.assignments.map((a) => (
                <li key={a.id} className="py-3">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div>
                      <p className="font-medium">{a.title}</p>
                      <p className="text-sm text-muted">
                        {a.forCouple ? `Couple · ${MODE_LABELS[a.mode]}` : "Individual"} · {formatShortDate(a.startDate)} – {formatShortDate(a.lastDay)}
                        {a.currentWeek ? ` · week ${a.currentWeek}` : ""}
                      </p>
                      {a.dosageLine ? <p className="text-sm">Dosage: {a.dosageLine}</p> : null}
                    </div>
                    <Badge tone={a.status === "active" ? "ok" : "neutral"}>{a.status === "active" ? "Active" : a.status === "upcoming" ? "Upcoming" : "Finished"}</Badge>
                  </div>
                  <table className="mt-2 w-full max-w-md text-sm [&_td]:pr-3 [&_th]:pr-3">
                    <caption className="sr-only">Adherence for {a.title}</caption>
                    <thead>
                      <tr className="text-left text-muted">
                        <th scope="col" className="font-medium">Who</th>
                        <th scope="col" className="font-medium">Done</th>
                        <th scope="col" className="font-medium">Expected so far</th>
                        <th scope="col" className="font-medium">Adherence</th>
                      </tr>
                    </thead>
                    <tbody>
                      {a.participants.map((p) => (
                        <tr key={p.label}>
                          <th scope="row" className="text-left font-normal">{p.label}</th>
                          <td>{p.done}</td>
                          <td>{p.expected}</td>
                          <td>{p.percent === null ? "—" : `${p.percent}%`}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {a.logged.length ? (
                    <div className="mt-2 text-sm">
                      <h3 className="font-medium">Logged at check-in</h3>
                      <ul aria-label={`Logged at check-in for ${a.title}`}>
                        {a.logged.map((l) => (
                          <li key={l.id}>
                            {formatShortDate(l.date)} · {l.personName}
                            {a.kind === "program" ? ` · ${l.exerciseTitle}` : ""}: {l.text}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                  {a.status !== "finished" ? (
                    <form action={endAssignmentAction.bind(null, slug, o.client.id, a.id)} className="mt-2">
                      <button type="submit" className={buttonClass("ghost", "sm")}>
                        End this homework
                      </button>
                    </form>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>

        {sheetOptions.length ? (
          <Card>
            <h2 className="mb-2 font-semibold">Home-exercise sheet</h2>
            <SheetPicker slug={slug} clientId={o.client.id} clientName={o.client.name} options={sheetOptions} />
            {sheets.length ? (
              <p className="mt-3 text-sm text-muted">
                Sent {sheets.length === 1 ? "once" : `${sheets.length} times`}, last on {formatDate(sheets[0]!.createdAt, practiceReader(scope.practice))}.
              </p>
            ) : null}
          </Card>
        ) : null}

        {o.series.length ? (
          <Card>
            <h2 className="mb-3 font-semibold">Ratings over time</h2>
            <div className="grid gap-6 lg:grid-cols-2">
              {o.series.map((s) => (
                <section key={s.kind} aria-labelledby={`series-${s.kind}`}>
                  <h3 id={`series-${s.kind}`} className="mb-1 text-sm font-semibold">
                    {s.label} ({s.min}–{s.max})
                  </h3>
                  <RatingsChart label={s.label} min={s.min} max={s.max} rows={s.rows} people={people} />
                  <details className="mt-1 text-sm">
                    <summary className="min-h-11 cursor-pointer py-2 text-brand">Show the figures</summary>
                    <table className="w-full">
                      <caption className="sr-only">{s.label} ratings by date</caption>
                      <thead>
                        <tr className="text-left">
                          <th scope="col">Date</th>
                          {people.map((p) => (
                            <th scope="col" key={p.id}>{p.name}</th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {s.rows.map((r) => (
                          <tr key={String(r.date)}>
                            <th scope="row" className="text-left font-normal">{formatShortDate(String(r.date))}</th>
                            {people.map((p) => (
                              <td key={p.id}>{r[p.id] ?? "—"}</td>
                            ))}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </details>
                </section>
              ))}
            </div>
          </Card>
        ) : null}

        <Card>
          <h2 className="mb-3 font-semibold">Latest reflections</h2>
          {o.reflections.length === 0 ? (
            <p className="text-muted">No reflections yet.</p>
          ) : (
            <ul className="space-y-3" aria-label="Reflections">
              {o.reflections.map((r) => (
                <li key={r.id} className="rounded-md border border-line p-3">
                  <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
                    <span className="font-medium text-ink">{r.personName}</span> · {r.exerciseTitle} · {formatShortDate(r.date)}
                    {r.sharedWithPartner ? <Badge tone="brand">Shared with partner</Badge> : <Badge>Private</Badge>}
                  </p>
                  <p className="mt-1 whitespace-pre-line">{r.text}</p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}

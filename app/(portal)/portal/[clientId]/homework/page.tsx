import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireClient } from "@/lib/auth/guards";
import { formatCalendarDay, formatDate, practiceReader } from "@/lib/dates";
import { listClientSheets } from "@/lib/homework/exercise-sheets";
import { getPortalHomework } from "@/lib/homework/portal";

export const metadata: Metadata = { title: "Your homework" };
export const dynamic = "force-dynamic";

/** All the client's homework with its dosage, and the home-exercise sheets the practice sent. */
export default async function PortalHomeworkPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const { client, practice, practiceDisplayName } = await requireClient(clientId);
  const now = new Date();
  const [homework, sheets] = await Promise.all([getPortalHomework({ client, practice }, now), listClientSheets(client)]);
  const reader = practiceReader(practice);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/portal/${client.id}`} className="text-brand underline">
          Back to your portal
        </Link>
      </p>
      <PageHeader title="Your homework" description={practiceDisplayName} />
      <div className="space-y-4">
        <Card>
          <h2 className="mb-2 font-semibold">Home-exercise sheets</h2>
          {sheets.length === 0 ? (
            <p className="text-muted">No sheets yet. Your clinician can send you one.</p>
          ) : (
            <ul className="space-y-2" aria-label="Home-exercise sheets">
              {sheets.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    Sent {formatDate(s.createdAt, reader)} · {s.count === 1 ? "1 homework" : `${s.count} homework`}
                  </span>
                  <a href={`/portal/${client.id}/homework/sheets/${s.id}`} className="inline-flex min-h-11 items-center text-brand underline" download>
                    Download the sheet (PDF)
                  </a>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">Homework</h2>
          {homework.assignments.length === 0 ? (
            <EmptyState title="No homework yet">Your clinician will add it here.</EmptyState>
          ) : (
            <ul className="divide-y divide-line" aria-label="Homework">
              {[...homework.assignments].reverse().map((a) => (
                <li key={a.id} className="py-2">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <Link href={`/portal/${client.id}/homework/${a.id}`} className="font-medium text-brand underline">
                      {a.title}
                    </Link>
                    <Badge tone={a.status === "active" ? "ok" : "neutral"}>{a.status === "active" ? "Active" : a.status === "upcoming" ? "Upcoming" : "Finished"}</Badge>
                  </div>
                  {a.dosageLine ? <p className="text-sm">{a.dosageLine}</p> : null}
                  <p className="text-sm text-muted">
                    {formatCalendarDay(a.startDate)} – {formatCalendarDay(a.lastDay)}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}

import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { ROLE_LABELS } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";

export default async function WorkspaceHome({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "practice.view");
  const links = [
    { href: "clients", title: "Clients", text: "Find a client, add one, or link two clients as a couple." },
    { href: "schedule", title: "Schedule", text: "Your calendar of sessions." },
    { href: "homework", title: "Homework", text: "Exercises and programs assigned between sessions." },
    { href: "settings", title: "Settings", text: "Practice details and your team." },
  ];
  return (
    <>
      <PageHeader title={`Welcome, ${scope.displayName}`} description={`${scope.practice.name} · ${ROLE_LABELS[scope.role]}`} />
      <ul className="grid gap-4 sm:grid-cols-2">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={`/clinic/${slug}/${l.href}`} className="block h-full rounded-lg focus-visible:outline-offset-4">
              <Card className="h-full hover:border-brand">
                <h2 className="font-semibold text-brand">{l.title}</h2>
                <p className="mt-1 text-muted">{l.text}</p>
              </Card>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

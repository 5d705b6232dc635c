import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { listMemberships, requireUser } from "@/lib/auth/guards";
import { ROLE_LABELS } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Choose a practice" };
export const dynamic = "force-dynamic";

export default async function ChoosePracticePage() {
  const user = await requireUser();
  const memberships = await listMemberships(user.id);
  if (memberships.length === 0) notFound();
  if (memberships.length === 1) redirect(`/clinic/${memberships[0]!.slug}`);
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-10">
      <Card>
        <h1 className="text-2xl font-semibold">Choose a practice</h1>
        <ul className="mt-4 space-y-2">
          {memberships.map((m) => (
            <li key={m.slug}>
              <Link href={`/clinic/${m.slug}`} className="block rounded-md border border-line p-3 hover:border-brand">
                <span className="block font-medium">{m.name}</span>
                <span className="text-sm text-muted">{ROLE_LABELS[m.role]}</span>
              </Link>
            </li>
          ))}
        </ul>
        <div className="mt-4">
          <SignOutButton />
        </div>
      </Card>
    </main>
  );
}

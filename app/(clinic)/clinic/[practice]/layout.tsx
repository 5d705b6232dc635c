import type { ReactNode } from "react";
import Link from "next/link";
import { ClinicNav } from "@/components/layout/clinic-nav";
import { PracticeSwitcher } from "@/components/layout/practice-switcher";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { BILLING_ROLES, listMemberships, requireMember } from "@/lib/auth/guards";
import type { MemberRole } from "@/db/schema";
import { BUILDER_ROLES } from "@/lib/intake/staff-forms";

const NAV: { href: string; label: string; roles?: readonly MemberRole[] }[] = [
  { href: "/schedule", label: "Schedule" },
  { href: "/clients", label: "Clients" },
  { href: "/forms", label: "Forms", roles: BUILDER_ROLES },
  { href: "/homework", label: "Homework" },
  { href: "/billing", label: "Billing", roles: BILLING_ROLES },
  { href: "/settings", label: "Settings" },
];

// The layout only draws the shell; every page and action checks access itself.
export default async function ClinicLayout({ children, params }: { children: ReactNode; params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug);
  const memberships = await listMemberships(scope.user.id);
  return (
    <div className="min-h-dvh">
      <header className="border-b border-line bg-surface">
        <div className="mx-auto max-w-6xl space-y-2 px-4 py-2">
          <div className="flex items-center justify-between gap-2">
            <div className="flex min-w-0 items-center gap-2">
              <Link href={`/clinic/${slug}`} className="font-bold text-brand">
                Tandem
              </Link>
              <span aria-hidden="true" className="text-line">
                /
              </span>
              <PracticeSwitcher current={slug} practices={memberships} />
            </div>
            <div className="flex items-center gap-2">
              <span className="hidden text-sm text-muted sm:inline">{scope.displayName}</span>
              <SignOutButton />
            </div>
          </div>
          <ClinicNav slug={slug} items={NAV.filter((n) => !n.roles || n.roles.includes(scope.role)).map(({ href, label }) => ({ href, label }))} />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}

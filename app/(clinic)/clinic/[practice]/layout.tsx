import type { ReactNode } from "react";
import Link from "next/link";
import { ClinicNav } from "@/components/layout/clinic-nav";
import { PracticeSwitcher } from "@/components/layout/practice-switcher";
import { NotificationBell } from "@/components/notifications/bell";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { listMemberships, requireMember } from "@/lib/auth/guards";
import { can, type Capability } from "@/lib/auth/roles";
import { unreadCount } from "@/lib/notifications/inbox";

const NAV: { href: string; label: string; capability: Capability }[] = [
  { href: "/schedule", label: "Schedule", capability: "schedule.view" },
  { href: "/clients", label: "Clients", capability: "clients.view" },
  { href: "/messages", label: "Messages", capability: "practice.view" },
  { href: "/forms", label: "Forms", capability: "forms.build" },
  { href: "/homework", label: "Homework", capability: "practice.view" },
  { href: "/documents", label: "Documents", capability: "forms.send" },
  { href: "/products", label: "Products", capability: "products.manage" },
  { href: "/events", label: "Events", capability: "events.manage" },
  { href: "/billing", label: "Billing", capability: "billing.read" },
  { href: "/settings", label: "Settings", capability: "practice.view" },
];

// The layout only draws the shell; every page and action checks access itself.
export default async function ClinicLayout({ children, params }: { children: ReactNode; params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "practice.view");
  const [memberships, unread] = await Promise.all([listMemberships(scope.user.id), unreadCount(scope)]);
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
              <NotificationBell slug={slug} unread={unread} />
              <span className="hidden text-sm text-muted sm:inline">{scope.displayName}</span>
              <SignOutButton />
            </div>
          </div>
          <ClinicNav slug={slug} items={NAV.filter((n) => can(scope.role, n.capability)).map(({ href, label }) => ({ href, label }))} />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}

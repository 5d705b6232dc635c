import type { ReactNode } from "react";
import Link from "next/link";
import { SignOutButton } from "@/components/layout/sign-out-button";

/** The member's own account pages: outside any one practice, so no practice navigation. */
export default function AccountLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-dvh">
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-2 px-4 py-2">
          <Link href="/clinic" className="font-bold text-brand">
            Tandem
          </Link>
          <SignOutButton />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}

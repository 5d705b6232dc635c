import type { Metadata } from "next";
import Link from "next/link";
import { PublicHeader } from "@/components/layout/public-header";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CONFIRM_ERROR_MESSAGES, openEmailChangeLink, type ConfirmEmailChangeError } from "@/lib/clients/email-change";
import { confirmEmailChangeAction } from "./actions";

export const metadata: Metadata = { title: "Confirm your email address", robots: { index: false } };
export const dynamic = "force-dynamic";

/**
 * The link emailed to a client's new address. Opening it changes nothing
 * (mail scanners follow links); the button does.
 */
export default async function ConfirmEmailPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ failed?: string }> }) {
  const { token: raw } = await params;
  const token = decodeURIComponent(raw);
  const { failed } = await searchParams;
  const opened = await openEmailChangeLink(token, new Date());
  // After a refused confirmation, say why (the code only picks a message; the link's state comes from the database).
  const link = opened.ok && opened.state === "open" && failed && Object.hasOwn(CONFIRM_ERROR_MESSAGES, failed) ? { ok: false as const, message: CONFIRM_ERROR_MESSAGES[failed as ConfirmEmailChangeError] } : opened;
  return (
    <>
      <PublicHeader />
      <main id="main" className="mx-auto max-w-xl px-4 py-8">
        <Card>
          {!link.ok ? (
            <>
              <h1 className="text-2xl font-semibold">This link no longer works</h1>
              <p className="mt-2">{link.message}</p>
            </>
          ) : link.state === "confirmed" ? (
            <>
              <h1 className="text-2xl font-semibold">Address confirmed</h1>
              <p className="mt-2">{link.practiceName} now uses this address for your client portal. Sign in with it; no password is needed.</p>
              <Link href="/sign-in" className={`${buttonClass("primary")} mt-4`}>
                Sign in
              </Link>
            </>
          ) : (
            <>
              <h1 className="text-2xl font-semibold">Confirm your email address</h1>
              <p className="mt-2">{link.practiceName} asked to use this address for your client portal sign-in. Nothing changes until you confirm.</p>
              <form action={confirmEmailChangeAction} className="mt-4">
                <input type="hidden" name="token" value={token} />
                <button type="submit" className={buttonClass("primary")}>
                  Confirm this address
                </button>
              </form>
            </>
          )}
        </Card>
      </main>
    </>
  );
}

import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDateMedium } from "@/lib/dates";
import { linkState, REFUSAL_MESSAGES } from "@/lib/products/download";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your download", robots: { index: false } };

/**
 * The emailed link's page. Opening it counts nothing (a mail scanner may open
 * it first); the button posts to ./file, which takes one use and sends the PDF.
 * An expired, used-up or revoked link says so plainly.
 */
export default async function ProductDownloadPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ missing?: string }> }) {
  const { token } = await params;
  const missing = (await searchParams).missing === "1";
  const state = await linkState(token, new Date());
  if (!state.ok || missing) {
    const message = REFUSAL_MESSAGES[state.ok ? "missing" : state.reason];
    return (
      <Card className="mx-auto max-w-xl">
        <h1 className="text-2xl font-semibold">{message.title}</h1>
        <p className="mt-2">{message.body}</p>
      </Card>
    );
  }
  return (
    <Card className="mx-auto max-w-xl">
      <h1 className="text-2xl font-semibold break-words">{state.title}</h1>
      <p className="mt-2">
        {state.usesLeft === 1 ? "1 download left" : `${state.usesLeft} downloads left`} on this link, until {formatDateMedium(state.expiresAt, "UTC")} (UTC).
      </p>
      <form method="post" action={`/products/download/${encodeURIComponent(token)}/file`} className="mt-4">
        <Button type="submit">Download the PDF</Button>
      </form>
    </Card>
  );
}

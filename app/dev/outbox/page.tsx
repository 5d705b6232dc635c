import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listOutbox } from "@/lib/email/outbox";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Outbox (development)" };
export const dynamic = "force-dynamic";

/**
 * Development only: the mail that would have been sent. Production answers
 * 404 whatever the data, because it can hold sign-in links.
 */
export default async function OutboxPage() {
  if (env.NODE_ENV !== "development") notFound();
  const messages = await listOutbox(50);
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-4 px-4 py-8">
      <h1 className="text-2xl font-semibold">Outbox</h1>
      <p className="text-muted">The 50 newest messages. With RESEND_API_KEY unset, nothing leaves this machine.</p>
      {messages.length === 0 ? <p>No messages yet.</p> : null}
      <ul className="space-y-4">
        {messages.map((m) => (
          <li key={m.id} className="rounded-lg border border-line bg-surface">
            <details>
              <summary className="cursor-pointer px-4 py-3">
                <span className="font-medium">{m.subject}</span> <span className="text-sm text-muted">to {m.to} · {m.createdAt.toISOString()} · {m.status}</span>
              </summary>
              {m.html ? (
                <iframe title={`Email: ${m.subject}`} srcDoc={m.html} sandbox="" className="h-[28rem] w-full border-t border-line" />
              ) : (
                <p className="px-4 pb-3 text-muted">Body not kept (sent through Resend).</p>
              )}
            </details>
          </li>
        ))}
      </ul>
    </main>
  );
}

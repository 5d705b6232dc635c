"use client";

import { useState } from "react";
import { sendSheetAction } from "@/app/(clinic)/clinic/[practice]/homework/actions";
import { Button, buttonClass } from "@/components/ui/button";

/**
 * Choose homework for a home-exercise sheet, then print it (the PDF opens
 * inline) or send it to the client's portal.
 */
export function SheetPicker({ slug, clientId, clientName, options }: { slug: string; clientId: string; clientName: string; options: { id: string; title: string; dosageLine: string | null }[] }) {
  const [chosen, setChosen] = useState<string[]>(options.map((o) => o.id));
  const [status, setStatus] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [sending, setSending] = useState(false);
  const href = `/clinic/${slug}/homework/clients/${clientId}/sheet?${chosen.map((id) => `a=${encodeURIComponent(id)}`).join("&")}`;
  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...options.map((o) => o.id).filter((x) => x === id || c.includes(x))] : c.filter((x) => x !== id)));

  async function send() {
    setSending(true);
    setStatus(null);
    const result = await sendSheetAction(slug, clientId, chosen);
    setSending(false);
    if (result.ok) setStatus({ tone: "ok", text: result.emailed ? `Sent to ${clientName}'s portal, with an email saying it is there.` : `Sent to ${clientName}'s portal.` });
    else setStatus({ tone: "error", text: Object.values(result.errors).flat()[0] ?? "The sheet could not be sent" });
  }

  return (
    <div>
      <fieldset>
        <legend className="mb-1 text-sm font-medium">Homework on the sheet</legend>
        <ul className="space-y-1">
          {options.map((o) => (
            <li key={o.id}>
              <label className="flex min-h-11 items-start gap-2 py-1">
                <input type="checkbox" className="mt-0.5 h-5 w-5 shrink-0 accent-brand" checked={chosen.includes(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} />
                <span>
                  {o.title}
                  {o.dosageLine ? <span className="block text-sm text-muted">{o.dosageLine}</span> : null}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="mt-3 flex flex-wrap gap-2">
        {chosen.length ? (
          <a href={href} target="_blank" rel="noopener" className={buttonClass("secondary", "sm")}>
            Print home-exercise sheet
          </a>
        ) : (
          <span className={buttonClass("secondary", "sm")} aria-disabled="true">
            Print home-exercise sheet
          </span>
        )}
        <Button size="sm" onClick={send} disabled={sending || chosen.length === 0}>
          {sending ? "Sending…" : "Send to client"}
        </Button>
      </div>
      {status ? (
        <p role={status.tone === "ok" ? "status" : "alert"} className={`mt-2 text-sm font-medium ${status.tone === "ok" ? "text-ok" : "text-danger"}`}>
          {status.text}
        </p>
      ) : null}
    </div>
  );
}

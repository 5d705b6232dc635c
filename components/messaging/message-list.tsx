"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { formatDateTimeShort } from "@/lib/dates/format";

export interface ListedMessage {
  id: string;
  seq: number;
  authorKind: "client" | "staff";
  authorName: string;
  mine: boolean;
  body: string;
  createdAt: Date | string;
  attachments: { id: string; fileName: string; contentType: string; byteSize: number }[];
}

/** How often a thread asks for new messages: it reads the database, so any app instance answers. */
export const POLL_MS = 5000;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * A thread's messages, oldest first. New ones arrive by polling `pollUrl`
 * (`?after=<last seq>`) every five seconds and after the page refreshes.
 */
export function MessageList({
  initial,
  pollUrl,
  attachmentBase,
  reader,
}: {
  initial: ListedMessage[];
  pollUrl: string;
  attachmentBase: string;
  reader: { zone: string; locale: string };
}) {
  const [polled, setPolled] = useState<ListedMessage[]>([]);
  const all = useMemo(() => {
    const bySeq = new Map<number, ListedMessage>();
    for (const m of [...initial, ...polled]) bySeq.set(m.seq, m);
    return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  }, [initial, polled]);
  const last = all.length ? all[all.length - 1]!.seq : 0;
  const lastRef = useRef(last);
  useEffect(() => {
    lastRef.current = last;
  }, [last]);

  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`${pollUrl}?after=${lastRef.current}`, { cache: "no-store" });
        if (!response.ok || stopped) return;
        const body = (await response.json()) as { messages: ListedMessage[] };
        if (body.messages.length > 0) setPolled((p) => [...p, ...body.messages]);
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [pollUrl]);

  if (all.length === 0) return <p className="text-muted">No messages yet.</p>;
  return (
    <ol className="space-y-3" aria-label="Messages" aria-live="polite">
      {all.map((m) => (
        <li key={m.id} className={m.mine ? "ml-6 rounded-lg border border-brand/30 bg-brand-soft p-3" : "mr-6 rounded-lg border border-line bg-surface p-3"}>
          <p className="text-sm text-muted">
            <span className="font-medium text-ink">{m.mine ? "You" : m.authorName}</span> · <time dateTime={new Date(m.createdAt).toISOString()}>{formatDateTimeShort(new Date(m.createdAt), reader)}</time>
          </p>
          <p className="mt-1 whitespace-pre-wrap break-words">{m.body}</p>
          {m.attachments.length > 0 ? (
            <ul className="mt-2 space-y-1">
              {m.attachments.map((a) => (
                <li key={a.id} className="min-w-0 break-all">
                  <a href={`${attachmentBase}/${a.id}`} className="text-brand underline underline-offset-2" download>
                    {a.fileName}
                  </a>{" "}
                  <span className="text-sm text-muted">({size(a.byteSize)})</span>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

"use client";

import { useEffect, useRef } from "react";
import { Button, ButtonLink } from "@/components/ui/button";

/**
 * The error boundary's face inside an area. It never shows the error's message (it may carry
 * data from the server); the digest is the reference the server's log line carries.
 */
export function AreaError({ digest, reset, homeHref, homeLabel }: { digest?: string; reset: () => void; homeHref: string; homeLabel: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on the message rather than wherever focus was.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div role="alert" className="mx-auto max-w-md py-10 text-center">
      <h1 ref={heading} tabIndex={-1} className="text-2xl font-semibold outline-none">
        This page could not be shown
      </h1>
      <p className="mt-2 text-muted">Something went wrong on our side. Try again, and if it keeps happening, tell us the reference below.</p>
      {digest ? <p className="mt-2 text-sm text-muted">Reference: {digest}</p> : null}
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Button onClick={reset}>Try again</Button>
        <ButtonLink href={homeHref} variant="secondary">
          {homeLabel}
        </ButtonLink>
      </div>
    </div>
  );
}

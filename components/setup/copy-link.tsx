"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";

/** A link to copy: the field stays selectable by hand where the clipboard is refused. */
export function CopyLink({ url, label }: { url: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setState("copied");
    } catch {
      setState("failed");
    }
  };
  return (
    <div className="space-y-2">
      <label htmlFor="copy-link-url" className="text-sm font-medium">
        {label}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Input id="copy-link-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} className="min-w-0 flex-1" />
        <Button variant="secondary" onClick={copy}>
          Copy link
        </Button>
      </div>
      <p role="status" className="min-h-5 text-sm text-muted">
        {state === "copied" ? "Link copied." : state === "failed" ? "Your browser did not allow copying: select the link and copy it." : ""}
      </p>
    </div>
  );
}

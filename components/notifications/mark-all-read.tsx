"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { markAllReadAction } from "@/app/(clinic)/clinic/[practice]/notifications/actions";
import { Button } from "@/components/ui/button";

export function MarkAllReadButton({ slug }: { slug: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      type="button"
      size="sm"
      variant="secondary"
      disabled={pending}
      onClick={() =>
        start(async () => {
          await markAllReadAction(slug);
          router.refresh();
        })
      }
    >
      Mark all read
    </Button>
  );
}

"use client";

import { AlertDialog } from "radix-ui";
import type { ReactNode } from "react";
import { Button, buttonClass } from "@/components/ui/button";

type Variant = "primary" | "secondary" | "danger";

/**
 * The one "are you sure" of the app (decision 0034): an alert dialog that
 * traps focus, closes on Escape or Cancel (changing nothing) and returns
 * focus to what opened it. Its confirm button names the action ("Refund
 * $190", "Move to Tue 9 Dec, 10:00 AM"), and the description says what will
 * happen: who is emailed, what is charged or refunded. It is a courtesy, not
 * a guard: the server action checks everything again.
 *
 * Controlled (`open`/`onOpenChange`) for a dialog opened by something other
 * than a button of its own: a tap on a time, a form that validated.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel = "Cancel",
  onConfirm,
  confirmVariant = "danger",
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  confirmVariant?: Variant;
  /** More than a sentence: a list of who is emailed, a checkbox (waive the fee). Rendered under the description. */
  children?: ReactNode;
}) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <ConfirmContent title={title} description={description} confirmLabel={confirmLabel} cancelLabel={cancelLabel} onConfirm={onConfirm} confirmVariant={confirmVariant}>
        {children}
      </ConfirmContent>
    </AlertDialog.Root>
  );
}

/** A button that opens the confirm dialog; the action runs only from the dialog's confirm button. */
export function ConfirmButton({
  label,
  title,
  description,
  confirmLabel,
  cancelLabel = "Cancel",
  onConfirm,
  disabled,
  variant = "secondary",
  size = "sm",
  confirmVariant = "danger",
  children,
}: {
  label: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  disabled?: boolean;
  variant?: Variant;
  size?: "sm" | "md";
  confirmVariant?: Variant;
  children?: ReactNode;
}) {
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger className={buttonClass(variant, size)} disabled={disabled}>
        {label}
      </AlertDialog.Trigger>
      <ConfirmContent title={title} description={description} confirmLabel={confirmLabel} cancelLabel={cancelLabel} onConfirm={onConfirm} confirmVariant={confirmVariant}>
        {children}
      </ConfirmContent>
    </AlertDialog.Root>
  );
}

function ConfirmContent({
  title,
  description,
  confirmLabel,
  cancelLabel,
  onConfirm,
  confirmVariant,
  children,
}: {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  confirmVariant: Variant;
  children?: ReactNode;
}) {
  return (
    <AlertDialog.Portal>
      <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
      <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-surface p-6 shadow-xl">
        <AlertDialog.Title className="text-lg font-semibold">{title}</AlertDialog.Title>
        <AlertDialog.Description asChild>
          <div className="mt-2 space-y-2 text-ink">{description}</div>
        </AlertDialog.Description>
        {children ? <div className="mt-3">{children}</div> : null}
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          <AlertDialog.Cancel className={buttonClass("secondary")}>{cancelLabel}</AlertDialog.Cancel>
          <AlertDialog.Action asChild>
            <Button variant={confirmVariant} onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </AlertDialog.Action>
        </div>
      </AlertDialog.Content>
    </AlertDialog.Portal>
  );
}

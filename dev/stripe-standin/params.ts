import { invalid } from "./errors";
import type { FormValue } from "./form-body";

/** A decoded form parameter as Stripe reads it: a non-empty string, or null. */
export function str(value: FormValue | undefined): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

export function int(value: FormValue | undefined, param: string): number {
  if (typeof value !== "string" || !/^-?\d+$/.test(value)) throw invalid(param, `Invalid integer: ${typeof value === "string" ? value : "missing"}`);
  return Number(value);
}

/** `metadata[key]=value` pairs; anything nested is dropped. */
export function meta(value: FormValue | undefined): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === "string")) as Record<string, string>;
}

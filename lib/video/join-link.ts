import type { ServiceFormat } from "@/db/schema";
import { randomToken } from "@/lib/tokens/random";
import { APPOINTMENT_PLACEHOLDER } from "./placeholder";

/**
 * Which join link an online appointment carries (decision 0033). Pure but
 * for the token, which the caller may pass in (tests) or leave to
 * `randomToken`.
 *
 * - Not online: none.
 * - The practice set a provider pattern: the pattern with `{appointment}`
 *   replaced by a fresh unguessable token, so each appointment has its own
 *   room and a link cannot be guessed from another.
 * - Else the clinician's standing room, when it is an https address.
 * - Else none (the emails and pages then say "Online (video)" only).
 */
export function chooseVideoUrl(input: {
  format: ServiceFormat;
  pattern: string | null;
  clinicianRoom: string | null;
  token?: string;
}): string | null {
  if (input.format !== "online") return null;
  if (input.pattern && isHttps(input.pattern) && input.pattern.includes(APPOINTMENT_PLACEHOLDER)) {
    return input.pattern.split(APPOINTMENT_PLACEHOLDER).join(input.token ?? appointmentRoomToken());
  }
  return input.clinicianRoom && isHttps(input.clinicianRoom) ? input.clinicianRoom : null;
}

/** 128 bits as base64url: 22 URL-safe characters, fine in a path or a query. */
export function appointmentRoomToken(): string {
  return randomToken(16, "base64url");
}

function isHttps(value: string): boolean {
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}

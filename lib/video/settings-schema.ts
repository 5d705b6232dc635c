import { z } from "zod";
import { APPOINTMENT_PLACEHOLDER } from "./placeholder";

/** The video settings forms: the same schemas on the client (zodResolver) and in the server actions. */

function parsedUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

const MAX = 500;

/**
 * An optional https address (empty: none, stored as null), the one rule both forms share; `more`
 * adds a form's own checks on an address that passed.
 */
function optionalHttpsAddress(example: string, more?: (value: string, url: URL, ctx: z.RefinementCtx) => void) {
  return z
    .string()
    .trim()
    .max(MAX, `At most ${MAX} characters`)
    .superRefine((v, ctx) => {
      if (v === "") return;
      const url = parsedUrl(v);
      if (!url) return ctx.addIssue({ code: "custom", message: `Enter a full address, e.g. ${example}` });
      if (url.protocol !== "https:") return ctx.addIssue({ code: "custom", message: "The address must start with https://" });
      more?.(v, url, ctx);
      if (url.username || url.password) ctx.addIssue({ code: "custom", message: "The address may not contain a user name or password" });
    })
    .transform((v) => (v === "" ? null : v));
}

/** A practice's provider pattern: an https address with `{appointment}` in its path or query; empty: none. */
export const videoPatternSchema = z.object({
  pattern: optionalHttpsAddress(`https://meet.example.com/${APPOINTMENT_PLACEHOLDER}`, (v, _url, ctx) => {
    if (!v.includes(APPOINTMENT_PLACEHOLDER)) return ctx.addIssue({ code: "custom", message: `Put ${APPOINTMENT_PLACEHOLDER} where each session's own code goes` });
    // Filled with two different codes, the host must stay the same: the code belongs in the path or the query.
    const [a, b] = ["aaaa", "bbbb"].map((code) => parsedUrl(v.split(APPOINTMENT_PLACEHOLDER).join(code)));
    if (!a || !b || a.host !== b.host) ctx.addIssue({ code: "custom", message: `${APPOINTMENT_PLACEHOLDER} goes after the host name, in the path or the query` });
  }),
});
export type VideoPatternInput = z.input<typeof videoPatternSchema>;

/** A clinician's standing room: an https address; empty: none. */
export const videoRoomSchema = z.object({
  room: optionalHttpsAddress("https://meet.example.com/your-room"),
});
export type VideoRoomInput = z.input<typeof videoRoomSchema>;

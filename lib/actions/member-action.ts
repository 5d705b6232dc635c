import { requireMember, type PracticeScope } from "@/lib/auth/guards";
import type { Capability } from "@/lib/auth/roles";
import type { FieldErrors } from "@/lib/form-result";
import { fieldFailure, parseArgs, type ActionArgs, type ArgsSchema, type ParsedArgs } from "./args";

/**
 * A clinic server action, guard first: `requireMember(slug, capability)` (a
 * 404 for non-members and roles the matrix refuses; the second factor is
 * enforced inside it), then the arguments after the slug are parsed with
 * `schema`, then `fn` runs with the member's scope. Arguments that do not
 * parse answer `onInvalid(message)` (by default a form error under `form`)
 * and run nothing. The action keeps the signature its components call:
 * `(practiceSlug, ...args)`.
 *
 *   export const saveClientAction = memberAction("clients.edit", z.tuple([...]), async (scope, [clientId, input]) => …);
 */
export function memberAction<S extends ArgsSchema, R, F = { ok: false; errors: FieldErrors }>(
  capability: Capability,
  schema: S,
  fn: (scope: PracticeScope, args: ParsedArgs<S>) => Promise<R>,
  onInvalid: (message: string) => F = fieldFailure("form") as (message: string) => F,
): (practiceSlug: string, ...args: ActionArgs<S>) => Promise<R | F> {
  return async (practiceSlug, ...args) => {
    const scope = await requireMember(practiceSlug, capability);
    const parsed = parseArgs(schema, args);
    if (!parsed.ok) return onInvalid(parsed.message);
    return fn(scope, parsed.data);
  };
}

import { requireClient, type ClientScope } from "@/lib/auth/guards";
import type { FieldErrors } from "@/lib/form-result";
import { fieldFailure, parseArgs, type ActionArgs, type ArgsSchema, type ParsedArgs } from "./args";

/**
 * A portal server action, guard first: `requireClient(clientId)` (the
 * signed-in user's own client record, anything else a 404), then the
 * arguments after the client id are parsed with `schema`, then `fn` runs with
 * the client's scope. Arguments that do not parse answer `onInvalid(message)`
 * and run nothing. Signature `(clientId, ...args)`, as the portal calls it.
 */
export function clientAction<S extends ArgsSchema, R, F = { ok: false; errors: FieldErrors }>(
  schema: S,
  fn: (scope: ClientScope, args: ParsedArgs<S>) => Promise<R>,
  onInvalid: (message: string) => F = fieldFailure("form") as (message: string) => F,
): (clientId: string, ...args: ActionArgs<S>) => Promise<R | F> {
  return async (clientId, ...args) => {
    const scope = await requireClient(clientId);
    const parsed = parseArgs(schema, args);
    if (!parsed.ok) return onInvalid(parsed.message);
    return fn(scope, parsed.data);
  };
}

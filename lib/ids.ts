/**
 * Ids in URLs and forms. The one isUuid: guards, domain modules, the seed and
 * scripts all use it, so it lives here, away from lib/auth/guards' Next
 * imports. Checked before a query so a malformed id is "not found", never a
 * database error.
 */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

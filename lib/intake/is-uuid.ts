/**
 * The same check as lib/auth/guards' isUuid, without guards' Next imports,
 * so the intake modules the seed uses also load outside Next (seed scripts,
 * Playwright fixtures).
 */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

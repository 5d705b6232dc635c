/** Auth.js's database-session cookie names (the secure one on https). */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export function sessionCookieName(secure: boolean): string {
  return secure ? SESSION_COOKIES[0] : SESSION_COOKIES[1];
}

/** Where a provider pattern takes each appointment's own token (shared by the form's schema, which runs in the browser, and the server). */
export const APPOINTMENT_PLACEHOLDER = "{appointment}";

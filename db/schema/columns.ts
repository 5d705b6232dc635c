/** Every timestamp column: `timestamp with time zone`, read as a JS Date. */
export const tz = { withTimezone: true, mode: "date" } as const;

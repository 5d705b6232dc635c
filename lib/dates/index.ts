/**
 * Dates' one home: calendar dates (calendar.ts), instants in a zone
 * (zone.ts) and how both read on a page (format.ts).
 */
export * from "./calendar";
export * from "./zone";
export * from "./format";

/** Money's one home: the currency list (currencies.ts) and amounts as text (format.ts). */
export * from "./currencies";
export * from "./format";

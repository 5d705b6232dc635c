export * from "./auth";
export * from "./practice";
export * from "./audit";
export * from "./email";
export * from "./booking";
export * from "./intake";
export * from "./homework";
export * from "./billing";

export * from "./auth.ts";
export * from "./directory.ts";
export * from "./inquiry.ts";
export * from "./membership.ts";
export * from "./network.ts";
export * from "./platform.ts";
export * from "./profile.ts";

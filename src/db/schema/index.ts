export * from "./auth.ts";
export * from "./community.ts";
export * from "./directory.ts";
export * from "./membership.ts";
export * from "./network.ts";
export * from "./notifications.ts";
export * from "./platform.ts";
export * from "./profile.ts";

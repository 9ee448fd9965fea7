// Query keys and calls of the first-run setup.
import { type BodyOf, client, unwrap } from "../../api/client.ts";

export const setupKeys = { status: ["setup"] as const };

export const getSetupStatus = () => unwrap(client.GET("/api/setup"));

export const runSetup = (body: BodyOf<"/api/setup">) => unwrap(client.POST("/api/setup", { body }));

import type { AppContext } from "../../server/context.ts";
import type { FastifyZod } from "../../server/modules.ts";

export default async function profilesRoutes(_app: FastifyZod, _ctx: AppContext) {}

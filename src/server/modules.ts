// Every domain module's routes, mounted under /api. A module is one folder in src/modules.
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import networkRoutes from "../modules/networks/routes.ts";
import type { AppContext } from "./context.ts";

export type FastifyZod = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export type ModuleRoutes = (app: FastifyZod, ctx: AppContext) => Promise<void>;

export const modules: ModuleRoutes[] = [networkRoutes];

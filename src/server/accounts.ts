// Creates accounts without the sign-up flow (first-run setup, CLI, demo seed, tests), through
// better-auth's own adapter and password hashing so they sign in like any other account.
import type { AppContext } from "./context.ts";

export async function createVerifiedUser(
  ctx: Pick<AppContext, "auth">,
  v: { name: string; email: string; password?: string; locale?: "ja" | "en"; platformAdmin?: boolean },
): Promise<{ id: string; email: string }> {
  const c = await ctx.auth.$context;
  const email = v.email.trim().toLowerCase();
  const user = await c.internalAdapter.createUser(
    {
      name: v.name,
      email,
      emailVerified: true,
      locale: v.locale ?? "ja",
      platformAdmin: v.platformAdmin ?? false,
    } as any,
    { method: "email" } as any,
  );
  if (v.password) {
    await c.internalAdapter.linkAccount({
      userId: user.id,
      providerId: "credential",
      accountId: user.id,
      password: await c.password.hash(v.password),
    });
  }
  return { id: user.id, email };
}

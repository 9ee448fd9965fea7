// Policies: who may do what. Each module declares its rules in its own `policy.ts`:
//
//   export const segmentsPolicy = definePolicy("segments", {
//     manage: role("operator"),
//   });
//
// A route names the rule it needs in its access declaration (`access.member(segmentsPolicy.manage)`,
// server/access.ts), which the access hook checks before the body is even validated; a rule that
// depends on a resource ("the author or an operator", "a participant of this conversation", "a
// party to this contract") is checked in the service with `authorize(scope, rule, resource)` once
// the resource is loaded. Rules are plain functions of the scope, so the access-matrix test can ask
// every rule which roles it admits.
import { errors } from "../shared/errors.ts";
import { NETWORK_ROLES, type NetworkRole } from "./auth.ts";
import type { Scope } from "./scope.ts";

export type Rule<R = void> = {
  /** "module.action", as shown in the OpenAPI document and in the access matrix. */
  readonly name: string;
  /** Whether `scope` may act (on `resource`, when the rule takes one). */
  readonly check: (scope: Scope, resource: R) => boolean;
  /**
   * What a refusal answers: 403 by default; "notFound" where even the existence of the resource
   * must not leak (someone else's conversation, a secret group).
   */
  readonly deny: "forbidden" | "notFound";
  /** The roles that pass the rule before any resource is known (what the route-level check admits). */
  readonly roles: readonly NetworkRole[];
  /** Whether a network API token passes it. */
  readonly tokens: boolean;
};

type RuleSpec<R> = Omit<Rule<R>, "name">;

/** Members with one of `roles`. */
export function role(...roles: NetworkRole[]): RuleSpec<void> {
  return {
    check: (s) => !!s.member && roles.includes(s.member.role),
    deny: "forbidden",
    roles,
    tokens: false,
  };
}

/** Every active member of the network, whatever their role. */
export const anyMember = (): RuleSpec<void> => role(...NETWORK_ROLES);

/** Members with one of `roles`, or a network API token (HR-system integration). */
export function roleOrToken(...roles: NetworkRole[]): RuleSpec<void> {
  const base = role(...roles);
  return {
    ...base,
    check: (s, r) => (s.member === null && s.user === null) || base.check(s, r),
    tokens: true,
  };
}

/**
 * A rule on a resource: `roles` may reach the route, then `check` decides on the loaded resource.
 *
 *   edit: onResource(NETWORK_ROLES, (s, post: { authorId: string }) =>
 *     s.member?.role === "operator" || post.authorId === s.actor.userId),
 */
export function onResource<R>(
  roles: readonly NetworkRole[],
  check: (scope: Scope, resource: R) => boolean,
  deny: Rule["deny"] = "forbidden",
): RuleSpec<R> {
  return {
    // At the route (no resource yet: the access hook passes undefined) only the roles decide.
    check: (s, r) => !!s.member && roles.includes(s.member.role) && (r === undefined || check(s, r)),
    deny,
    roles,
    tokens: false,
  };
}

export function definePolicy<T extends Record<string, RuleSpec<any>>>(
  module: string,
  rules: T,
): { [K in keyof T]: T[K] extends RuleSpec<infer R> ? Rule<R> : never } {
  const out: Record<string, Rule<any>> = {};
  for (const [action, spec] of Object.entries(rules)) out[action] = { ...spec, name: `${module}.${action}` };
  return out as any;
}

export function can<R>(scope: Scope, rule: Rule<R>, resource: R): boolean;
export function can(scope: Scope, rule: Rule<void>): boolean;
export function can<R>(scope: Scope, rule: Rule<R>, resource?: R): boolean {
  return rule.check(scope, resource as R);
}

/** Throws 403 (or 404 for rules that hide what they guard) unless `scope` passes `rule`. */
export function authorize<R>(scope: Scope, rule: Rule<R>, resource: R): void;
export function authorize(scope: Scope, rule: Rule<void>): void;
export function authorize<R>(scope: Scope, rule: Rule<R>, resource?: R): void {
  if (rule.check(scope, resource as R)) return;
  throw rule.deny === "notFound" ? errors.notFound() : errors.forbidden();
}

/**
 * Which of a scope's keys do something now. The keymap binds a view's keys
 * once; a view whose keys depend on its state (a wizard's step, the focused
 * field of a form) says which apply, so the footer and the help show only
 * those. A scope nobody speaks for has all its keys. Pure.
 */
import type { Binding, Scope } from './bindings.js';

export type KeysNow = ReadonlyMap<Scope, ReadonlySet<string>>;

export const EVERY_KEY: KeysNow = new Map();

/** Does the binding do something now? */
export function appliesNow(binding: Binding<string>, now: KeysNow): boolean {
  return now.get(binding.scope)?.has(binding.command) ?? true;
}

/** `now` with the scope's keys set (undefined: all of them again); the same map when nothing changes. */
export function withKeysNow(
  now: KeysNow,
  scope: Scope,
  commands: readonly string[] | undefined,
): KeysNow {
  const current = now.get(scope);
  if (commands === undefined) {
    if (current === undefined) return now;
    const next = new Map(now);
    next.delete(scope);
    return next;
  }
  if (
    current?.size === commands.length &&
    commands.every((command) => current.has(command))
  )
    return now;
  return new Map(now).set(scope, new Set(commands));
}

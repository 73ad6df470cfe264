import { SHELL_BINDINGS, type Binding, type Scope } from './bindings.js';
import { EC2_BINDINGS } from './ec2.js';
import { FAILOVER_BINDINGS } from './failover.js';
import { MYSQL_BINDINGS } from './mysql.js';
import { ROOT_RESET_BINDINGS } from './root-reset.js';
import { S3_BINDINGS } from './s3.js';
import { SECURITY_GROUP_BINDINGS } from './security-groups.js';
import { SES_BINDINGS } from './ses.js';

export type { Binding, Scope } from './bindings.js';
export { keyName, keyLabels, type KeyFlags, type KeyLabels } from './keys.js';

/** Every binding of the application. Pane keymaps are appended here. */
const BINDINGS = [
  ...SHELL_BINDINGS,
  ...EC2_BINDINGS,
  ...SECURITY_GROUP_BINDINGS,
  ...FAILOVER_BINDINGS,
  ...S3_BINDINGS,
  ...MYSQL_BINDINGS,
  ...ROOT_RESET_BINDINGS,
  ...SES_BINDINGS,
] as const satisfies readonly Binding[];

/** Every command a key can give: a typo in a handler is a type error. */
export type Command = (typeof BINDINGS)[number]['command'];

export const ALL_BINDINGS: readonly Binding<Command>[] = BINDINGS;

/** Scopes that are live together: a key may be bound once within each set. */
export const SCOPE_STACKS: Record<
  'pane' | 'detail' | 'dialog' | 'prompt',
  readonly Scope[]
> = {
  pane: ['global', 'list', 'table'],
  detail: ['global', 'list'],
  dialog: ['dialog'],
  prompt: ['prompt'],
};

export interface Keymap<C extends string = Command> {
  /** The command bound to a key in the first scope that binds it. */
  resolve(key: string | undefined, scopes: readonly Scope[]): C | undefined;
  readonly bindingsIn: (scopes: readonly Scope[]) => Binding<C>[];
  readonly binding: (command: C) => Binding<C> | undefined;
  /** Every scope that binds a key, in keymap order. */
  readonly scopes: () => Scope[];
}

export function createKeymap<C extends string>(
  bindings: readonly Binding<C>[],
): Keymap<C> {
  const byScope = new Map<Scope, Map<string, C>>();
  const byCommand = new Map<C, Binding<C>>();
  for (const binding of bindings) {
    let keys = byScope.get(binding.scope);
    if (!keys) {
      keys = new Map();
      byScope.set(binding.scope, keys);
    }
    for (const key of binding.keys) keys.set(key, binding.command);
    byCommand.set(binding.command, binding);
  }
  return {
    resolve(key, scopes) {
      if (key === undefined) return undefined;
      for (const scope of scopes) {
        const command = byScope.get(scope)?.get(key);
        if (command !== undefined) return command;
      }
      return undefined;
    },
    bindingsIn(scopes) {
      return bindings.filter((binding) => scopes.includes(binding.scope));
    },
    binding(command) {
      return byCommand.get(command);
    },
    scopes() {
      return [...byScope.keys()];
    },
  };
}

/** Keys bound twice within one set of live scopes; empty when the keymap is sound. */
export function findConflicts(
  bindings: readonly Binding[],
  scopes: readonly Scope[],
): string[] {
  const seen = new Map<string, string>();
  const conflicts: string[] = [];
  for (const binding of bindings) {
    if (!scopes.includes(binding.scope)) continue;
    for (const key of binding.keys) {
      const other = seen.get(key);
      if (other !== undefined && other !== binding.command) {
        conflicts.push(`${key}: ${other} and ${binding.command}`);
      }
      seen.set(key, binding.command);
    }
  }
  return conflicts;
}

export const keymap: Keymap = createKeymap<Command>(ALL_BINDINGS);

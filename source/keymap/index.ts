import { SHELL_BINDINGS, type Binding, type Scope } from './bindings.js';
import { EC2_BINDINGS } from './ec2.js';
import { MYSQL_BINDINGS } from './mysql.js';
import { ROOT_RESET_BINDINGS } from './root-reset.js';
import { S3_BINDINGS } from './s3.js';

export type { Binding, Scope } from './bindings.js';
export { keyName, keyLabels, type KeyFlags, type KeyLabels } from './keys.js';

/** Every binding of the application. Pane keymaps are appended here. */
export const ALL_BINDINGS: readonly Binding[] = [
  ...SHELL_BINDINGS,
  ...EC2_BINDINGS,
  ...S3_BINDINGS,
  ...MYSQL_BINDINGS,
  ...ROOT_RESET_BINDINGS,
];

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

export interface Keymap {
  /** The command bound to a key in the first scope that binds it. */
  resolve(
    key: string | undefined,
    scopes: readonly Scope[],
  ): string | undefined;
  readonly bindingsIn: (scopes: readonly Scope[]) => Binding[];
  readonly binding: (command: string) => Binding | undefined;
  /** Every scope that binds a key, in keymap order. */
  readonly scopes: () => Scope[];
}

export function createKeymap(
  bindings: readonly Binding[] = ALL_BINDINGS,
): Keymap {
  const byScope = new Map<Scope, Map<string, string>>();
  const byCommand = new Map<string, Binding>();
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

export const keymap = createKeymap();

/**
 * Keys of the root-password reset wizard (`:reset-root`), and the key that
 * opens it from the MySQL pane's connections. Esc leaves the wizard (a run
 * goes on in the job strip; Esc asks whether to stop it); Ctrl+C stops a run.
 */
import type { Binding } from './bindings.js';

const wizard = 'pane:reset-root' as const;

export const ROOT_RESET_BINDINGS = [
  {
    command: 'rootReset.next',
    keys: ['enter'],
    scope: wizard,
    hint: 'next',
    description:
      'root reset: next step (connect, options, password, plan, run)',
  },
  {
    command: 'rootReset.connection',
    keys: ['c'],
    scope: wizard,
    hint: 'connection',
    description: 'root reset: choose the MySQL connection (closes the old SSH)',
  },
  {
    command: 'rootReset.options',
    keys: ['o'],
    scope: wizard,
    hint: 'options',
    description: 'root reset: method, account, keep socket login',
  },
  {
    command: 'rootReset.password',
    keys: ['p'],
    scope: wizard,
    hint: 'password',
    description: 'root reset: type the new password again (twice, masked)',
  },
  {
    command: 'rootReset.leftover',
    keys: ['l'],
    scope: wizard,
    hint: 'earlier run',
    description:
      'root reset: follow an earlier run whose link dropped to its end',
  },
  {
    command: 'rootReset.new',
    keys: ['n'],
    scope: wizard,
    hint: 'start over',
    description: 'root reset: start over (closes the SSH session)',
  },
  {
    command: 'mysql.connections.resetRoot',
    keys: ['P'],
    scope: 'pane:mysql/connections',
    hint: 'reset root',
    description: "MySQL: reset this server's lost root password (wizard)",
  },
] as const satisfies readonly Binding[];

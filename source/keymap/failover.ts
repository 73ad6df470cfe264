/** Keys of the :failover pane. F switches now, as on the other panes a capital letter is the strong form. */
import type { Binding } from './bindings.js';

export const FAILOVER_BINDINGS = [
  {
    command: 'failover.switch',
    keys: ['F'],
    scope: 'pane:failover',
    hint: 'switch now',
    write: true,
    description:
      'switch the EIP to the other instance (refused if unhealthy or stopped)',
  },
] as const satisfies readonly Binding[];

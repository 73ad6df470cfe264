/** Keys of the SES SMTP credentials view (`:ses`). Esc leaves it, which clears the password. */
import type { Binding } from './bindings.js';

const view = 'pane:ses' as const;

export const SES_BINDINGS = [
  {
    command: 'ses.show',
    keys: ['enter'],
    scope: view,
    hint: 'show',
    description:
      "SES: derive and show the SMTP credentials of this profile's key",
  },
  {
    command: 'ses.copy',
    keys: ['c'],
    scope: view,
    hint: 'copy password',
    description: 'SES: copy the SMTP password to the clipboard (OSC 52)',
  },
] as const satisfies readonly Binding[];

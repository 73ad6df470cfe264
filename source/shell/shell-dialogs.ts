/** What the shell's own confirmations say. Pure. */
import type { ConfirmRequest } from '../safety/confirm.js';

/** y/N before quitting while jobs run: each one by its title. */
export function quitRequest(running: readonly string[]): ConfirmRequest {
  return {
    level: 'yes-no',
    title: `${running.length} job${running.length === 1 ? ' is' : 's are'} still running`,
    targets: running,
    warnings: ['Quitting cancels them; they clean up what they started.'],
    action: 'Quit',
  };
}

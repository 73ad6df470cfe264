/** Logs in with the new password through the SSH tunnel, as the MySQL pane would. */
import { openLink } from '../../../mysql/mysql-link.js';
import type { SshSession } from '../../../ssh/ssh-session.js';
import type { Plan } from '../types.js';

export async function tunnelCheck(
  ssh: SshSession,
  plan: Plan,
  password: string,
  port: number,
) {
  try {
    const link = await openLink(
      ssh,
      {
        endpoint: { kind: 'tcp', host: '127.0.0.1', port },
        user: plan.options.user,
        askPassword: true,
      },
      { password, via: 'reset check' },
    );
    try {
      const [rows] = await link.connection.query(
        'SELECT CURRENT_USER() AS user',
      );
      return {
        ok: true,
        message: `logged in through the tunnel as ${(rows as { user: string }[])[0]?.user ?? '?'}`,
      };
    } finally {
      await link.close();
    }
  } catch (error) {
    return {
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Whether a MySQL login works, asked of the server directly (around opsdeck, not through it). */
import { createConnection, type ConnectionOptions } from 'mysql2/promise';

/** root with a password over TCP on 127.0.0.1 (which is localhost without skip-name-resolve). */
export const rootOverTcp = (port: number, password: string) =>
  canLogIn({ host: '127.0.0.1', port, user: 'root', password });

/** OS root as MySQL root over the socket, no password (unix_socket). */
export const rootOverSocket = (socketPath: string) =>
  canLogIn({ socketPath, user: 'root' });

async function canLogIn(options: ConnectionOptions): Promise<boolean> {
  try {
    const connection = await createConnection(options);
    await connection.end();
    return true;
  } catch {
    return false;
  }
}

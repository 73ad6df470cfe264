/** An exec channel running a remote MySQL tool: its stderr kept (64 KiB) and its exit code. */
import type { ClientChannel } from 'ssh2';
import type { SshSession } from '../../ssh/ssh-session.js';

export interface ToolChannel {
  readonly channel: ClientChannel;
  /** What the tool wrote to stderr so far. */
  readonly stderr: () => string;
  /** The exit code once the channel has closed. */
  readonly exited: Promise<number | null>;
}

export async function openToolChannel(
  ssh: SshSession,
  command: string,
  signal?: AbortSignal,
): Promise<ToolChannel> {
  const channel = await ssh.openExec(command, signal);
  let stderr = '';
  channel.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 64 * 1024) stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => {
    let code: number | null = null;
    channel.on('exit', (exitCode: number | null) => {
      code = exitCode;
    });
    channel.once('close', () => resolve(code));
  });
  return { channel, stderr: () => stderr, exited };
}

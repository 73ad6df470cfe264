/** Connects and looks at the host, read-only; waits for a reset whose link dropped. */
import { UserError } from '../../../lib/errors.js';
import type { SshSession } from '../../../ssh/ssh-session.js';
import { sudoNeedsPassword } from '../../../ssh/sudo-exec.js';
import {
  accessOf,
  detectionOf,
  runningResets,
  type DetectInput,
} from './detect-parse.js';
import { DETECT_SCRIPT, PROBE_SCRIPT } from './detect-script.js';
import { waitCommand, WORK_PATTERN } from '../run/launcher.js';
import { rootShell, type RootShell } from './remote-root.js';
import type { Detection } from '../types.js';

export interface ResetTarget {
  readonly ssh: SshSession;
  /** MySQL as seen from the SSH host, as the connection profile says. */
  readonly port: number | undefined;
  readonly socket: string | undefined;
  readonly server: DetectInput['server'];
  readonly sudoPassword: string | undefined;
}

export interface Connected {
  readonly root: RootShell;
  readonly detection: Detection;
}

export async function detectServer(
  target: ResetTarget,
  signal?: AbortSignal,
  onWait?: (work: string) => void,
): Promise<Connected> {
  await target.ssh.connect(signal);
  const root = await rootShell(target.ssh, target.sudoPassword, signal);
  const factsOf = async () => {
    const facts = await root.script(DETECT_SCRIPT, [], { signal });
    if (facts.code !== 0)
      throw new UserError(`detection failed on ${target.ssh.name}`, {
        hint: facts.stderr.trim().slice(-300),
      });
    return facts.stdout;
  };
  let facts = await factsOf();
  // A reset whose link dropped may still have the server down: let it end.
  const running = runningResets(facts).filter((work) =>
    WORK_PATTERN.test(work),
  );
  for (const work of running) {
    onWait?.(work);
    await root.run(waitCommand(work), { signal });
  }
  if (running.length > 0) facts = await factsOf();
  const input: DetectInput = {
    host: target.ssh.name,
    viaSudo: root.viaSudo,
    port: target.port,
    socket: target.socket,
    server: target.server,
  };
  const found = detectionOf(facts, input);
  const probe = await root.script(PROBE_SCRIPT, [found.client, found.socket], {
    signal,
  });
  return { root, detection: { ...found, access: accessOf(probe.stdout) } };
}

/** Whether detection will need the sudo password: the SSH user is not root and sudo asks. */
export async function sudoPasswordNeeded(
  ssh: SshSession,
  signal?: AbortSignal,
): Promise<boolean> {
  await ssh.connect(signal);
  const who = await ssh.exec('id -u', { signal });
  if (who.stdout.trim() === '0') return false;
  return sudoNeedsPassword(ssh, signal);
}

/**
 * The real engine behind the wizard's screens: a new SSH session per wizard
 * run (host-key and passphrase questions through the console's dialogs,
 * OPSDECK_SSH_KNOWN_HOSTS as for the MySQL pane), and reset-service.ts.
 */
import { sshTargetOf } from '../../mysql/connection-profile.js';
import { defaultSshEnvironment } from '../../mysql/mysql-services.js';
import { createSshSession } from '../../ssh/ssh-session.js';
import type { RootResetEngine } from './console-service.js';
import {
  cancelRun,
  detectServer,
  readLeftover,
  runReset,
  sudoPasswordNeeded,
} from './reset-service.js';

export function createRootResetEngine(
  env: NodeJS.ProcessEnv = process.env,
): RootResetEngine {
  const knownHosts = env['OPSDECK_SSH_KNOWN_HOSTS'];
  return {
    openSsh: (profile, prompts) =>
      createSshSession({
        target: sshTargetOf(profile),
        prompts,
        environment: {
          ...defaultSshEnvironment(env),
          ...(knownHosts ? { knownHostsFiles: [knownHosts] } : {}),
        },
      }),
    sudoPasswordNeeded,
    detectServer,
    runReset,
    readLeftover,
    cancelRun,
  };
}

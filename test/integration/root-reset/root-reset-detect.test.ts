import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { detectServer } from '../../../source/wizards/root-reset/reset-service.js';
import {
  OLD_PASSWORD,
  resetTarget,
  sshd,
  tcpLogin,
  useResetServer,
} from './root-reset-lab.js';

const run = promisify(execFile);

describe.skipIf(!sshd.info)(
  `root-reset detection on a scripted MariaDB${sshd.missing}`,
  () => {
    const lab = useResetServer();

    /** Restarts the server by its own scripts, with extra options as the wizard passes them. */
    async function restartWith(options: string) {
      await run('sh', [lab.server.stopCommand]);
      await run('sh', [lab.server.startCommand], {
        env: { ...process.env, MYSQLD_OPTS: options },
      });
      for (let waited = 0; waited < 30000; waited += 200) {
        if (await tcpLogin(lab.server, OLD_PASSWORD)) return;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error('the scripted MariaDB did not come back');
    }

    it('reads the binary log as on with --log-bin, and off with --skip-log-bin', async () => {
      const logging = await detectServer(resetTarget(lab.ssh, lab.server));
      expect(logging.detection.binaryLog).toBe(true);
      await restartWith('--skip-log-bin');
      try {
        const skipped = await detectServer(resetTarget(lab.ssh, lab.server));
        expect(skipped.detection.binaryLog).toBe(false);
      } finally {
        await restartWith('');
      }
    }, 120000);
  },
);

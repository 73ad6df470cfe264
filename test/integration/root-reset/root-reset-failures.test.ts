import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../../source/lab/ports.js';
import { createWriteGuard } from '../../../source/safety/read-only.js';
import { launchCommand } from '../../../source/wizards/root-reset/run/launcher.js';
import {
  defaultOptions,
  planOf,
} from '../../../source/wizards/root-reset/plan.js';
import { remoteScript } from '../../../source/wizards/root-reset/run/remote-script.js';
import {
  cancelRun,
  detectServer,
  readLeftover,
  runReset,
} from '../../../source/wizards/root-reset/reset-service.js';
import type {
  Method,
  StepId,
} from '../../../source/wizards/root-reset/types.js';
import {
  leftovers,
  OLD_PASSWORD,
  reset,
  resetTarget,
  runDirectories,
  serverLogs,
  serverPid,
  sshd,
  tcpLogin,
  useResetServer,
} from './root-reset-lab.js';
import { openLabSsh } from '../ssh/ssh-lab.js';
import { INIT_FILE_STEPS } from '../../helpers/root-reset-steps.js';
import { mariadb } from '../ssh/ssh-lab.js';

const NEW_PASSWORD = `fa'il "at" \\ $step`;

/** Where each method changes the password: a failure from this step on leaves the new one. */
const CASES: {
  method: Method;
  steps: readonly StepId[];
  changedFrom: StepId;
}[] = [
  {
    method: 'init-file',
    steps: INIT_FILE_STEPS,
    changedFrom: 'confirm-login',
  },
  {
    method: 'skip-grant-tables',
    steps: [
      'stop-server',
      'start-without-grants',
      'change-without-grants',
      'confirm-login',
      'restart-normally',
    ],
    changedFrom: 'confirm-login',
  },
];

describe.skipIf(!sshd.info)(
  `a reset that fails leaves the server as it was${sshd.missing}`,
  () => {
    const lab = useResetServer();

    /** Running normally: answers, no temporary options, nothing left, no plaintext logged. */
    async function expectNormal(password: 'old' | 'new') {
      lab.current = password === 'new' ? NEW_PASSWORD : OLD_PASSWORD;
      expect(await tcpLogin(lab.server, lab.current)).toBe(true);
      expect(
        await tcpLogin(
          lab.server,
          password === 'new' ? OLD_PASSWORD : NEW_PASSWORD,
        ),
      ).toBe(false);
      const cmdline = readFileSync(
        `/proc/${serverPid(lab.server)}/cmdline`,
        'utf8',
      );
      expect(cmdline).not.toMatch(
        /init-file|skip-grant-tables|skip-networking/,
      );
      expect(leftovers(lab.server)).toEqual([]);
      expect(serverLogs(lab.server)).not.toContain(NEW_PASSWORD);
    }

    for (const { method, steps, changedFrom } of CASES)
      for (const step of steps) {
        const expected =
          steps.indexOf(step) >= steps.indexOf(changedFrom) ? 'new' : 'old';
        it(`${method}: a failure at ${step} restores the server (${expected} password)`, async () => {
          const { result } = await reset(lab.ssh, lab.server, NEW_PASSWORD, {
            method,
            faultAt: step,
          });
          expect(result.remote).toMatchObject({
            ok: false,
            failedStep: step,
            serverState: 'running',
            password: expected,
            leftFiles: [],
          });
          expect(result.remote.error).toContain(`fault injected at ${step}`);
          await expectNormal(expected);
        }, 120000);
      }

    it('a stop command that fails stops the reset before anything changed', async () => {
      lab.server.failNext('stop');
      const { result } = await reset(lab.ssh, lab.server, NEW_PASSWORD, {
        method: 'init-file',
      });
      expect(result.remote).toMatchObject({
        ok: false,
        failedStep: 'stop-server',
        serverState: 'running',
        password: 'old',
      });
      expect(result.log.join('\n')).toContain('lab fault: stop refused');
      await expectNormal('old');
    }, 120000);

    it('a start command that fails with the init file gets the server started normally', async () => {
      lab.server.failNext('start');
      const { result } = await reset(lab.ssh, lab.server, NEW_PASSWORD, {
        method: 'init-file',
      });
      expect(result.remote).toMatchObject({
        ok: false,
        failedStep: 'start-with-init-file',
        serverState: 'running',
        password: 'old',
      });
      await expectNormal('old');
    }, 120000);

    it('a cancel while the server is down restores it with the old password', async () => {
      const connected = await detectServer(resetTarget(lab.ssh, lab.server));
      const plan = planOf(connected.detection, {
        ...defaultOptions(connected.detection),
        method: 'init-file',
        waitSeconds: 60,
      });
      let work = '';
      const result = await runReset(
        connected,
        plan,
        NEW_PASSWORD,
        (event) => {
          if (event.kind === 'started') work = event.work;
          if (
            event.kind === 'step' &&
            event.id === 'stop-server' &&
            event.status === 'running'
          )
            void cancelRun(connected, work, createWriteGuard(false));
        },
        {
          ssh: lab.ssh,
          tunnelPort: lab.server.port,
          guard: createWriteGuard(false),
        },
      );
      expect(result.remote).toMatchObject({
        ok: false,
        serverState: 'running',
        password: 'old',
      });
      await expectNormal('old');
    }, 120000);

    it('a dropped SSH link does not stop the run: it finishes on the host and is read on the next connection', async () => {
      const connected = await detectServer(resetTarget(lab.ssh, lab.server));
      const plan = planOf(connected.detection, {
        ...defaultOptions(connected.detection),
        method: 'init-file',
        waitSeconds: 60,
      });
      const run = runReset(
        connected,
        plan,
        NEW_PASSWORD,
        (event) => {
          if (
            event.kind === 'step' &&
            event.id === 'stop-server' &&
            event.status === 'running'
          )
            void lab.ssh.close();
        },
        {
          ssh: lab.ssh,
          tunnelPort: lab.server.port,
          guard: createWriteGuard(false),
        },
      );
      await expect(run).rejects.toThrow(/lost the reset's progress/);
      const [work] = runDirectories(lab.server);
      expect(work).toBeDefined();
      // A new connection, as the wizard opened again: the leftover run is found and read to its end.
      lab.ssh = openLabSsh();
      const again = await detectServer(resetTarget(lab.ssh, lab.server));
      expect(again.detection.leftover).toBe(work);
      const read = await readLeftover(again, work ?? '', () => undefined, {
        guard: createWriteGuard(false),
      });
      expect(read.outcome).toMatchObject({
        ok: true,
        serverState: 'running',
        password: 'new',
      });
      await expectNormal('new');
    }, 120000);

    it('a script cut short in transit runs nothing', async () => {
      const connected = await detectServer(resetTarget(lab.ssh, lab.server));
      const plan = planOf(connected.detection, {
        ...defaultOptions(connected.detection),
        method: 'init-file',
      });
      const { text } = remoteScript(plan.detection, plan.options, NEW_PASSWORD);
      const pid = serverPid(lab.server);
      const cut = await connected.root.run(launchCommand(text), {
        stdin: text.slice(0, Math.floor(text.length / 2)),
      });
      expect(cut.code).toBe(91);
      expect(cut.stdout).toContain(
        'the script arrived incomplete; nothing ran',
      );
      expect(serverPid(lab.server)).toBe(pid);
      await expectNormal('old');
    }, 60000);

    it('refuses a port where no server listens, and touches nothing', async () => {
      const pid = serverPid(lab.server);
      const target = {
        ...resetTarget(lab.ssh, lab.server),
        port: await freePort(),
      };
      await expect(detectServer(target)).rejects.toThrow(
        /no server on .* uses port/,
      );
      expect(serverPid(lab.server)).toBe(pid);
    });

    it('refuses to run in read-only mode', async () => {
      const connected = await detectServer(resetTarget(lab.ssh, lab.server));
      const plan = planOf(
        connected.detection,
        defaultOptions(connected.detection),
      );
      await expect(
        runReset(connected, plan, NEW_PASSWORD, () => undefined, {
          ssh: lab.ssh,
          tunnelPort: lab.server.port,
          guard: createWriteGuard(true),
        }),
      ).rejects.toThrow(/read-only/);
      expect(runDirectories(lab.server)).toEqual([]);
      await expectNormal('old');
    });
  },
);

describe.skipIf(!sshd.info || !mariadb.info)(
  `a server nothing on the host manages${sshd.missing}`,
  () => {
    it('is refused by name, even where an init script runs another server', async () => {
      const ssh = openLabSsh();
      try {
        // The lab's own MariaDB runs under the test process, not systemd or /etc/init.d.
        await expect(
          detectServer({
            ssh,
            port: mariadb.info?.port,
            socket: undefined,
            server: undefined,
            sudoPassword: undefined,
          }),
        ).rejects.toThrow(/cannot tell how the server on .* is started/);
      } finally {
        await ssh.close();
      }
    });
  },
);

import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../source/wizards/root-reset/types.js';
import {
  leftovers,
  OLD_PASSWORD,
  reset,
  serverLogs,
  serverPid,
  setRoot,
  socketLogin,
  sshd,
  tcpLogin,
  useResetServer,
} from './root-reset-lab.js';
import {
  INIT_FILE_STEPS,
  FALLBACK_STEPS,
} from '../../helpers/root-reset-steps.js';

const doneSteps = (events: RunEvent[]) =>
  events.flatMap((event) =>
    event.kind === 'step' && event.status === 'done' ? [event.id] : [],
  );

describe.skipIf(!sshd.info)(
  `root-password reset on a scripted MariaDB${sshd.missing}`,
  () => {
    const lab = useResetServer();

    /** Proves the state every run must leave: new in, old out, TCP open, no files, no plaintext. */
    async function expectReset(password: string) {
      lab.current = password;
      expect(await tcpLogin(lab.server, password)).toBe(true);
      expect(await tcpLogin(lab.server, OLD_PASSWORD)).toBe(false);
      expect(leftovers(lab.server)).toEqual([]);
      expect(serverLogs(lab.server)).not.toContain(password);
    }

    it('finds no way in without a restart on a password-only root, and resets by the init file', async () => {
      const password = `in'it "file" \\ $HOME é ☃ x`;
      const { result, events, connected } = await reset(
        lab.ssh,
        lab.server,
        password,
      );
      expect(connected.detection).toMatchObject({
        flavour: 'mariadb',
        access: undefined,
        manager: { kind: 'custom' },
      });
      expect(result.remote).toMatchObject({
        ok: true,
        serverState: 'running',
        password: 'new',
        leftFiles: [],
      });
      expect(result.tunnelLogin?.ok).toBe(true);
      expect(doneSteps(events)).toEqual(INIT_FILE_STEPS);
      await expectReset(password);
      expect(await socketLogin(lab.server)).toBe(false);
    }, 120000);

    it('resets by the fallback: no grant tables, no networking while it runs', async () => {
      const password = "sk1p 'grants' \\\\ $$ «ü»";
      const { result, events } = await reset(lab.ssh, lab.server, password, {
        method: 'skip-grant-tables',
      });
      expect(result.remote).toMatchObject({
        ok: true,
        serverState: 'running',
        password: 'new',
      });
      expect(doneSteps(events)).toEqual(FALLBACK_STEPS);
      await expectReset(password);
    }, 120000);

    it('keeps socket login on a root that had it, through the init file', async () => {
      await setRoot(lab.server, lab.current, {
        password: OLD_PASSWORD,
        socket: true,
      });
      const password = 'Sock3t-kept!';
      const { result, connected } = await reset(lab.ssh, lab.server, password, {
        method: 'init-file',
      });
      // unix_socket lets OS root in: the no-restart way was there.
      expect(connected.detection.access).toEqual({ kind: 'socket-root' });
      expect(result.remote).toMatchObject({ ok: true, socketLogin: true });
      await expectReset(password);
      expect(await socketLogin(lab.server)).toBe(true);
    }, 120000);

    it('changes the password without a restart when root gets in over the socket', async () => {
      await setRoot(lab.server, lab.current, {
        password: OLD_PASSWORD,
        socket: true,
      });
      const pid = serverPid(lab.server);
      const password = 'no restart, 100% "sure"';
      const { result, events } = await reset(lab.ssh, lab.server, password);
      expect(doneSteps(events)).toEqual([
        'check',
        'change-in-session',
        'check-normal',
      ]);
      expect(result.remote).toMatchObject({ ok: true, socketLogin: true });
      expect(serverPid(lab.server)).toBe(pid);
      await expectReset(password);
      expect(await socketLogin(lab.server)).toBe(true);
    }, 120000);

    it('removes socket login when asked to', async () => {
      await setRoot(lab.server, lab.current, {
        password: OLD_PASSWORD,
        socket: true,
      });
      const password = 'password-only-now';
      const { result } = await reset(lab.ssh, lab.server, password, {
        keepSocketLogin: false,
      });
      expect(result.remote).toMatchObject({ ok: true, socketLogin: false });
      await expectReset(password);
      expect(await socketLogin(lab.server)).toBe(false);
    }, 120000);
  },
);

import { useCallback, useMemo } from 'react';
import { UserError } from '../../../source/lib/errors.js';
import type { MysqlConnectionProfile } from '../../../source/config/mysql-profile-schema.js';
import {
  hostKeyRequest,
  secretForm,
} from '../../../source/panes/mysql/mysql-dialogs.js';
import { sudoForm } from '../../../source/wizards/root-reset/views/forms.js';
import { linkGuard } from '../../../source/wizards/root-reset/console-service.js';
import {
  emptyRun,
  problemOf,
  runAfter,
  type EarlierRun,
} from '../../../source/wizards/root-reset/views/wizard-state.js';
import { useAppDeps } from '../../context/app-context.js';
import { useShellApi } from '../../context/shell-context.js';
import { useReadOnlyRefusal } from '../../actions/useReadOnlyRefusal.js';

export interface RootResetConnect {
  /** The connection profiles to pick from: the config's and this run's one-offs. */
  readonly profiles: () => Record<string, MysqlConnectionProfile>;
  readonly pickConnection: () => Promise<void>;
  /** Opens a new SSH session for `name`, asks sudo's password if needed, detects. */
  readonly connect: (
    name: string,
    profile: MysqlConnectionProfile,
    earlier?: EarlierRun,
  ) => Promise<void>;
  /** Follows an earlier run whose link dropped, then detects again. */
  readonly readEarlier: () => Promise<void>;
}

const SOURCE = 'reset-root';

/** Choosing the connection, connecting and detecting: nothing here changes the server. */
export function useRootResetConnect(): RootResetConnect {
  const { config } = useAppDeps();
  const { session, pick, ask, confirm, report } = useShellApi();
  const service = session.services.rootReset;
  const store = service.wizard;
  const registry = session.services.mysql;
  const refuse = useReadOnlyRefusal();

  const profiles = useCallback(() => {
    const all: Record<string, MysqlConnectionProfile> = {
      ...(config.config.mysql?.connections ?? {}),
    };
    for (const name of registry.names()) {
      const open = registry.get(name);
      if (open && !(name in all)) all[name] = open.profile;
    }
    return all;
  }, [config, registry]);

  const connect = useCallback(
    async (
      name: string,
      profile: MysqlConnectionProfile,
      earlier?: EarlierRun,
    ) => {
      if (store.getSnapshot().jobId !== undefined)
        return report('warn', SOURCE, 'a reset is running: wait for its end');
      store.dispatch({ type: 'connecting', name, phase: 'ssh' });
      // A link that is replaced while it connects must not write its results.
      const current = () => service.link()?.name === name && service.link();
      try {
        const engine = await service.engine();
        const old = service.link();
        const ssh =
          old?.name === name
            ? old.ssh
            : engine.openSsh(profile, {
                ask: async (prompt, options) =>
                  (await ask(secretForm(prompt, options.secret)))?.['value'],
                confirmHostKey: async (question) =>
                  (await confirm(hostKeyRequest(question))).confirmed,
              });
        const link = { name, profile, ssh };
        service.setLink(link);
        let sudoPassword: string | undefined;
        if (await engine.sudoPasswordNeeded(ssh)) {
          store.dispatch({ type: 'connecting', name, phase: 'sudo' });
          sudoPassword = (await ask(sudoForm(ssh.name)))?.['value'];
          if (sudoPassword === undefined)
            throw new UserError('no sudo password given; nothing was run', {
              hint: 'Enter asks again',
            });
        }
        if (current() !== link) return;
        store.dispatch({ type: 'connecting', name, phase: 'detect' });
        const connected = await engine.detectServer({
          ssh,
          port: profile.mysql.port,
          socket: profile.mysql.socket,
          server: profile.server,
          sudoPassword,
        });
        if (current() !== link) return;
        service.setLink({ ...link, connected });
        store.dispatch({
          type: 'detected',
          name,
          detection: connected.detection,
          earlier,
        });
      } catch (error) {
        store.dispatch({
          type: 'unreachable',
          name,
          problem: problemOf(error),
        });
      }
    },
    [service, store, ask, confirm, report],
  );

  const pickConnection = useCallback(async () => {
    const all = profiles();
    const name = await pick({
      title: 'Reset the root password on which connection?',
      empty:
        'no MySQL connection profiles (mysql.connections in the config); the MySQL pane makes one-off ones',
      items: Object.entries(all).map(([id, profile]) => ({
        id,
        label: id,
        detail: `${profile.ssh.user ? `${profile.ssh.user}@` : ''}${profile.ssh.host}${profile.ssh.port ? `:${profile.ssh.port}` : ''}${profile.server ? ', own stop/start' : ''}`,
      })),
    });
    const profile = name === undefined ? undefined : all[name];
    if (name !== undefined && profile) await connect(name, profile);
  }, [profiles, pick, connect]);

  const readEarlier = useCallback(async () => {
    const { state } = store.getSnapshot();
    const link = service.link();
    if (state.step !== 'found' && state.step !== 'plan') return;
    const earlier = state.earlier;
    if (!earlier || earlier.reading || earlier.outcome || !link?.connected)
      return report('info', SOURCE, 'no earlier run to follow here');
    // Following ends by removing the run's directory on the host: a write.
    const guard = linkGuard(session.guard, link);
    if (
      refuse.work(
        `the earlier run was not followed; its directory stays on the host`,
        SOURCE,
        guard,
      )
    )
      return;
    let run = emptyRun();
    const update = (next: Partial<EarlierRun>) =>
      store.dispatch({
        type: 'earlier',
        earlier: { ...earlier, run, ...next },
      });
    update({ reading: true, problem: undefined });
    try {
      const engine = await service.engine();
      const read = await engine.readLeftover(
        link.connected,
        earlier.work,
        (event) => ((run = runAfter(run, event)), update({ reading: true })),
        { guard },
      );
      const done: EarlierRun = {
        ...earlier,
        run,
        reading: false,
        outcome: read.outcome,
        problem: read.outcome
          ? undefined
          : { message: 'its log has no end yet', hint: 'l follows it again' },
      };
      update(done);
      // The server may have changed: look again, keeping what was read.
      if (read.outcome) await connect(link.name, link.profile, done);
    } catch (error) {
      update({ reading: false, problem: problemOf(error) });
    }
  }, [store, service, report, connect, session, refuse]);

  return useMemo(
    () => ({ profiles, pickConnection, connect, readEarlier }),
    [profiles, pickConnection, connect, readEarlier],
  );
}

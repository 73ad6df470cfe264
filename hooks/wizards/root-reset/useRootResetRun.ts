import { useCallback, useMemo } from 'react';
import { describeError } from '../../../source/lib/errors.js';
import { linkGuard } from '../../../source/wizards/root-reset/console-service.js';
import {
  optionsForm,
  optionsFrom,
  passwordForm,
  runRequest,
  stopRequest,
} from '../../../source/wizards/root-reset/views/forms.js';
import { earlierPending } from '../../../source/wizards/root-reset/views/screen-view.js';
import type { Plan } from '../../../source/wizards/root-reset/types.js';
import { problemOf } from '../../../source/wizards/root-reset/views/wizard-state.js';
import { useAppDeps } from '../../context/app-context.js';
import { useJob } from '../../actions/useJob.js';
import { useReadOnlyRefusal } from '../../actions/useReadOnlyRefusal.js';
import { useCharset } from '../../context/charset-context.js';
import { useShellApi } from '../../context/shell-context.js';

export interface RootResetRun {
  /** The options form, then (first time) the password form. */
  readonly editOptions: () => Promise<void>;
  readonly typePassword: () => Promise<void>;
  /** Asks (y/N) and starts the reset as a job; refused in read-only mode. */
  readonly confirmAndStart: () => Promise<void>;
  /** Asks, then stops the running reset (its trap restores the server). */
  readonly askStop: () => Promise<void>;
}

const SOURCE = 'reset-root';

/**
 * The writing half of the wizard: the choices that make the plan, and the
 * run as a job (the job strip shows it; Ctrl+C stops it, which sends TERM to
 * the remote script rather than dropping the link).
 */
export function useRootResetRun(): RootResetRun {
  const deps = useAppDeps();
  const { session, ask, confirm, report } = useShellApi();
  const refuse = useReadOnlyRefusal();
  const { glyphs } = useCharset();
  const runJob = useJob();
  const service = session.services.rootReset;
  const store = service.wizard;

  const guard = useCallback(
    () => linkGuard(session.guard, service.link()),
    [session, service],
  );

  const typePassword = useCallback(async () => {
    const { state } = store.getSnapshot();
    const link = service.link();
    if ((state.step !== 'found' && state.step !== 'plan') || !link) return;
    const values = await ask(
      passwordForm(
        `${state.options.user}@${state.options.host}`,
        state.detection.host,
      ),
    );
    if (values === undefined || service.link() !== link) return;
    // Exactly as typed: quotes, backslashes, $, spaces and accents included.
    link.password = values['password'];
    store.dispatch({ type: 'password' });
  }, [store, service, ask]);

  const editOptions = useCallback(async () => {
    const { state } = store.getSnapshot();
    if (state.step !== 'found' && state.step !== 'plan') return;
    const values = await ask(
      optionsForm(state.detection, state.options, glyphs),
    );
    if (values === undefined || store.getSnapshot().state !== state) return;
    store.dispatch({
      type: 'options',
      options: optionsFrom(values, state.options),
    });
    const after = store.getSnapshot().state;
    if (after.step === 'found' && after.plan && !after.passwordSet)
      await typePassword();
  }, [store, ask, typePassword, glyphs]);

  const launch = useCallback(
    (plan: Plan) => {
      const link = service.link();
      const connected = link?.connected;
      const password = link?.password;
      if (!link || !connected || password === undefined) return;
      store.dispatch({ type: 'started' });
      const total = plan.steps.length;
      let done = 0;
      let work: string | undefined;
      let stopping = false;
      const stop = async () => {
        if (!work) return;
        const engine = await service.engine();
        await engine
          .cancelRun(connected, work, guard())
          .catch((error: unknown) =>
            report(
              'error',
              SOURCE,
              `could not stop the reset: ${describeError(error)}`,
            ),
          );
      };
      void runJob({
        title: `reset root ${link.name}`,
        source: SOURCE,
        started: (jobId) => store.setJob(jobId),
        work: async ({ signal, report: progress }) => {
          progress({ itemsDone: 0, itemsTotal: total });
          // Cancelling stops the remote script; the run is followed to its end.
          signal.addEventListener(
            'abort',
            () => {
              stopping = true;
              store.dispatch({ type: 'cancelling' });
              void stop();
            },
            { once: true },
          );
          const engine = await service.engine();
          return engine.runReset(
            connected,
            plan,
            password,
            (event) => {
              if (event.kind === 'started') {
                work = event.work;
                if (stopping) void stop();
              }
              if (event.kind === 'step' && event.status === 'done')
                progress({ itemsDone: (done += 1) });
              store.dispatch({ type: 'run', event });
            },
            {
              ssh: link.ssh,
              tunnelPort: link.profile.mysql.socket
                ? plan.detection.port
                : (link.profile.mysql.port ?? plan.detection.port),
              guard: guard(),
              events: deps.events,
            },
          );
        },
        done: (result) => {
          link.password = undefined;
          store.setJob(undefined);
          store.dispatch({ type: 'ended', end: { kind: 'result', result } });
          const { ok, serverState, password: now } = result.remote;
          return {
            level: ok ? 'info' : stopping ? 'warn' : 'error',
            text: ok
              ? `root password reset on ${plan.detection.host}: done`
              : `root password reset on ${plan.detection.host} ${stopping ? 'stopped' : 'failed'}; the server is ${serverState}, password ${now}`,
          };
        },
        failed: (error) => {
          link.password = undefined;
          store.setJob(undefined);
          store.dispatch({
            type: 'ended',
            end: { kind: work ? 'lost' : 'error', problem: problemOf(error) },
          });
          return {
            level: 'error',
            text: `root password reset: ${describeError(error)}`,
          };
        },
      });
    },
    [deps, runJob, service, store, report, guard],
  );

  const confirmAndStart = useCallback(async () => {
    const { state, jobId } = store.getSnapshot();
    if (state.step !== 'plan' || jobId !== undefined) return;
    if (refuse.work('the root password reset was not started', SOURCE, guard()))
      return;
    if (earlierPending(state))
      return report(
        'warn',
        SOURCE,
        'an earlier reset of this server has not been read: l follows it first',
      );
    const answer = await confirm(runRequest(state.plan));
    // The choices may have changed while the dialog was open.
    if (!answer.confirmed || store.getSnapshot().state !== state) return;
    launch(state.plan);
  }, [store, guard, refuse, report, confirm, launch]);

  const askStop = useCallback(async () => {
    const { state, jobId } = store.getSnapshot();
    if (state.step !== 'running' || jobId === undefined) return;
    const answer = await confirm(stopRequest(state.detection.host));
    if (answer.confirmed && store.getSnapshot().jobId === jobId)
      deps.jobs.cancel(jobId);
  }, [store, confirm, deps]);

  return useMemo(
    () => ({ editOptions, typePassword, confirmAndStart, askStop }),
    [editOptions, typePassword, confirmAndStart, askStop],
  );
}

import { useApp } from 'ink';
import { useCallback } from 'react';
import { useAppDeps } from '../context/app-context.js';
import { quitRequest } from '../../source/shell/shell-dialogs.js';
import type { DialogControl } from './useDialogs.js';

export interface QuitControl {
  /** Cancels what runs and ends the app. */
  readonly quit: () => void;
  /** Quits, after asking when jobs are still running. */
  readonly requestQuit: () => void;
}

export function useQuit(confirm: DialogControl['confirm']): QuitControl {
  const deps = useAppDeps();
  const { exit } = useApp();
  const quit = useCallback(() => {
    deps.jobs.cancelAll();
    deps.inFlight.cancelAll();
    exit();
  }, [deps, exit]);
  const requestQuit = useCallback(() => {
    const running = deps.jobs
      .getSnapshot()
      .filter((job) => job.state === 'running');
    if (running.length === 0) return quit();
    void confirm(quitRequest(running.map((job) => job.title))).then(
      (answer) => answer.confirmed && quit(),
    );
  }, [deps, confirm, quit]);
  return { quit, requestQuit };
}

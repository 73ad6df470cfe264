import { useCallback } from 'react';
import { describeError, isAbortError } from '../../source/lib/errors.js';
import type { JobContext } from '../../source/jobs/job-runner.js';
import type { StatusLevel } from '../../source/shell/shell-state.js';
import { useAppDeps } from '../context/app-context.js';
import { useShellApi } from '../context/shell-context.js';

/** A line for the status line and the event log. */
export interface JobNote {
  readonly level: StatusLevel;
  readonly text: string;
}

export interface JobSpec<T> {
  /** "get s3://logs/2026/ to /srv/logs": the job strip's title. */
  readonly title: string;
  /** The event log's source: 's3', 'mysql', 'ebs-copy'. */
  readonly source: string;
  readonly work: (context: JobContext) => Promise<T>;
  /** Told the job's ID as soon as it is in the job strip. */
  readonly started?: (jobId: number) => void;
  /** The status line when it ends (info, or warn per `warn`); undefined says nothing. */
  readonly done?: (result: T) => string | JobNote | undefined;
  /** Warn instead of info when the result is only partly good. */
  readonly warn?: (result: T) => boolean;
  /**
   * What a failure says; by default "<title>: cancelled" (info) or
   * "<title>: <error>" (error). Undefined says nothing.
   */
  readonly failed?: (error: unknown, cancelled: boolean) => JobNote | undefined;
  readonly refresh?: () => void;
}

/**
 * Runs long work as a job: its progress shows in the job strip, Ctrl+C
 * cancels it, and its end (or its error) lands in the status line. Never
 * throws; resolves to the result, or undefined when it failed or was cancelled.
 */
export function useJob(): <T>(spec: JobSpec<T>) => Promise<T | undefined> {
  const { jobs } = useAppDeps();
  const { report } = useShellApi();
  return useCallback(
    async <T>(spec: JobSpec<T>) => {
      const handle = jobs.start(spec.title, spec.work);
      spec.started?.(handle.id);
      try {
        const result = await handle.result;
        const said = spec.done?.(result);
        if (typeof said === 'string')
          report(spec.warn?.(result) ? 'warn' : 'info', spec.source, said);
        else if (said) report(said.level, spec.source, said.text);
        return result;
      } catch (error) {
        const cancelled = isAbortError(error);
        const note = spec.failed
          ? spec.failed(error, cancelled)
          : cancelled
            ? { level: 'info' as const, text: `${spec.title}: cancelled` }
            : {
                level: 'error' as const,
                text: `${spec.title}: ${describeError(error)}`,
              };
        if (note) report(note.level, spec.source, note.text);
        return undefined;
      } finally {
        spec.refresh?.();
      }
    },
    [jobs, report],
  );
}

import { useCallback } from 'react';
import { describeError, isAbortError } from '../../source/lib/errors.js';
import type { JobContext } from '../../source/jobs/job-runner.js';
import { useAppDeps } from '../context/app-context.js';
import { useShellApi } from '../context/shell-context.js';

export interface S3JobSpec<T> {
  /** "get s3://logs/2026/ to /srv/logs": the job strip's title. */
  readonly title: string;
  readonly work: (context: JobContext) => Promise<T>;
  /** The status line when it ends well; undefined says nothing. */
  readonly done?: (result: T) => string | undefined;
  /** Warn instead of info when the result is only partly good. */
  readonly warn?: (result: T) => boolean;
  readonly refresh?: () => void;
}

/**
 * Runs S3 work as a job: its progress shows in the job strip, Ctrl+C cancels
 * it, and its end (or its error) lands in the status line. Never throws;
 * resolves to the result, or undefined when it failed or was cancelled.
 */
export function useS3Job(): <T>(spec: S3JobSpec<T>) => Promise<T | undefined> {
  const { jobs } = useAppDeps();
  const shell = useShellApi();
  const { report } = shell;
  return useCallback(
    async <T>(spec: S3JobSpec<T>) => {
      const handle = jobs.start(spec.title, spec.work);
      try {
        const result = await handle.result;
        const text = spec.done?.(result);
        if (text) report(spec.warn?.(result) ? 'warn' : 'info', 's3', text);
        return result;
      } catch (error) {
        if (isAbortError(error))
          report('info', 's3', `${spec.title}: cancelled`);
        else report('error', 's3', `${spec.title}: ${describeError(error)}`);
        return undefined;
      } finally {
        spec.refresh?.();
      }
    },
    [jobs, report],
  );
}

import { useCallback } from 'react';
import { describeError } from '../../source/lib/errors.js';
import type { ConfirmRequest } from '../../source/safety/confirm.js';
import type {
  BulkOutcome,
  Outcome,
} from '../../source/safety/write-outcome.js';
import { useShellApi } from '../context/shell-context.js';

export interface WriteAction<T> {
  /** "stop web-1", "move 3.3.3.3 to web-2": used in every message. */
  readonly what: string;
  /** The event log's source: 'ec2', 'mysql'. */
  readonly source: string;
  readonly call: () => Promise<Outcome<T> | BulkOutcome>;
  /** The message after success; default "<what>: done". */
  readonly done?: (result: T | undefined) => string;
  /** Reload the list afterwards, so the new state shows. */
  readonly refresh?: () => void;
}

/** The switches of a confirmation, as the user left them. */
export interface WriteSwitches {
  readonly dryRun: boolean;
  readonly force: boolean;
}

/** A call whose answer is its result: a write without a dry run. */
export const resultOf =
  <T>(call: () => Promise<T>) =>
  async (): Promise<Outcome<T>> => ({ result: await call() });

function isBulk<T>(outcome: Outcome<T> | BulkOutcome): outcome is BulkOutcome {
  return 'succeeded' in outcome;
}

/**
 * Runs a write the user confirmed and says how it went: the dry-run verdict,
 * what succeeded and what failed and why (bulk), or the error. Never throws;
 * true when the write was made.
 */
export function useWriteAction(): <T>(
  action: WriteAction<T>,
) => Promise<boolean> {
  const { report } = useShellApi();
  return useCallback(
    async <T>(action: WriteAction<T>) => {
      const { what, source } = action;
      try {
        const outcome = await action.call();
        const dryRun = isBulk(outcome)
          ? outcome.dryRun
          : 'dryRun' in outcome
            ? outcome.dryRun
            : undefined;
        if (dryRun) {
          if (dryRun.allowed)
            report(
              'info',
              source,
              `dry run: ${what} would be allowed; nothing was changed`,
            );
          else
            report(
              'warn',
              source,
              `dry run: ${what} would be refused: ${dryRun.reason ?? 'not allowed'}`,
            );
          return false;
        }
        if (isBulk(outcome)) {
          for (const failure of outcome.failed)
            report(
              'error',
              source,
              `${what}: ${failure.id}: ${failure.message}`,
            );
          const total = outcome.succeeded.length + outcome.failed.length;
          if (outcome.failed.length === 0)
            report('info', source, `${what}: done`);
          else
            report(
              'error',
              source,
              `${what}: ${outcome.succeeded.length} of ${total} done; ${outcome.failed.map((failure) => `${failure.id}: ${failure.message}`).join('; ')}`,
            );
        } else {
          const result = 'result' in outcome ? outcome.result : undefined;
          report(
            'info',
            source,
            action.done ? action.done(result) : `${what}: done`,
          );
        }
        action.refresh?.();
        return true;
      } catch (error) {
        report('error', source, `${what}: ${describeError(error)}`);
        return false;
      }
    },
    [report],
  );
}

/**
 * Asks with a confirmation, then runs the write with the switches (dry run,
 * force) as the user left them. Nothing is sent when the answer is no.
 */
export function useConfirmedWrite(): <T>(
  request: ConfirmRequest,
  action: (switches: WriteSwitches) => WriteAction<T>,
) => Promise<boolean> {
  const { confirm } = useShellApi();
  const write = useWriteAction();
  return useCallback(
    async <T>(
      request: ConfirmRequest,
      action: (switches: WriteSwitches) => WriteAction<T>,
    ) => {
      const answer = await confirm(request);
      if (!answer.confirmed) return false;
      return write(
        action({
          dryRun: answer.options.dryRun === true,
          force: answer.options.force === true,
        }),
      );
    },
    [confirm, write],
  );
}
